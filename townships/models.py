from typing import NamedTuple

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse


class TownshipQuerySet(models.QuerySet):
    def with_village_counts(self):
        """Count villages and communities in the same query, for grids and profiles."""
        return self.annotate(
            village_count=Count("villages", filter=Q(villages__kind=Village.Kind.VILLAGE), distinct=True),
            community_count=Count("villages", filter=Q(villages__kind=Village.Kind.COMMUNITY), distinct=True),
        )


class Township(models.Model):
    """A township-level unit (镇, 乡 or 街道) that reports its party-building work."""

    class Kind(models.TextChoices):
        TOWN = "镇", "镇"
        TOWNSHIP = "乡", "乡"
        SUBDISTRICT = "街道", "街道"

    name = models.CharField("名称", max_length=50, unique=True)
    slug = models.SlugField("网址标识", max_length=50, unique=True, help_text="用于网址，仅限英文字母、数字和连字符。")
    kind = models.CharField("类型", max_length=4, choices=Kind, default=Kind.TOWN)
    county = models.CharField("所属县（区）", max_length=50)
    intro = models.TextField("简介", blank=True)
    party_branch_count = models.PositiveIntegerField("党组织（支部）数", default=0)
    party_member_count = models.PositiveIntegerField("党员数", default=0)
    population = models.PositiveIntegerField("户籍人口", default=0)
    sort_order = models.PositiveSmallIntegerField("排序", default=0, help_text="数字小的排在前面。")

    objects = TownshipQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "乡镇（街道）"
        verbose_name_plural = "乡镇（街道）"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("townships:township", args=[self.slug])


class Village(models.Model):
    """A village (行政村) or urban community (社区) under a township."""

    class Kind(models.TextChoices):
        VILLAGE = "村", "行政村"
        COMMUNITY = "社区", "社区"

    township = models.ForeignKey(Township, verbose_name="所属乡镇", on_delete=models.CASCADE, related_name="villages")
    name = models.CharField("名称", max_length=50)
    kind = models.CharField("类型", max_length=4, choices=Kind, default=Kind.VILLAGE)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["township", "sort_order", "id"]
        verbose_name = "村（社区）"
        verbose_name_plural = "村（社区）"
        constraints = [models.UniqueConstraint(fields=["township", "name"], name="unique_village_per_township")]

    def __str__(self):
        return self.name


class Initiative(models.Model):
    """One entry of the 党建+ catalogue, e.g. 党建+乡村振兴; edited by admins."""

    PREFIX = "党建+"

    name = models.CharField("名称", max_length=30, unique=True, help_text="统一写作“党建+X”，如“党建+乡村振兴”。")
    slug = models.SlugField("网址标识", max_length=50, unique=True)
    description = models.TextField("说明", blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "党建+ 项目"
        verbose_name_plural = "党建+ 项目"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("townships:initiative", args=[self.slug])

    @property
    def theme(self):
        """The part after 党建+, e.g. 乡村振兴: what grids and badges show."""
        return self.name.removeprefix(self.PREFIX)


class Practice(models.Model):
    """A township's practice of one 党建+ initiative, with the figures it reports."""

    township = models.ForeignKey(Township, verbose_name="乡镇", on_delete=models.CASCADE, related_name="practices")
    initiative = models.ForeignKey(
        Initiative, verbose_name="党建+ 项目", on_delete=models.PROTECT, related_name="practices"
    )
    summary = models.TextField("做法与成效")
    started_on = models.DateField("开始时间")
    ended_on = models.DateField("结束时间", null=True, blank=True, help_text="仍在开展的留空。")

    class Meta:
        ordering = ["township__sort_order", "initiative__sort_order"]
        verbose_name = "乡镇党建+ 实践"
        verbose_name_plural = "乡镇党建+ 实践"
        constraints = [
            models.UniqueConstraint(fields=["township", "initiative"], name="unique_practice_per_township"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="practice_ends_after_start",
                violation_error_message="结束时间不能早于开始时间。",
            ),
        ]

    def __str__(self):
        return f"{self.township} · {self.initiative}"


class FigureData(models.Model):
    """What a figure says (label, value, unit, as of a date): shared by the published figure and a
    figure still waiting for its article's review (reports.ReportedFigure)."""

    class Unit(models.TextChoices):
        # The unit is its own label: clerks pick 个, 人, 万元 as they write them.
        PLACE = "处", "处"
        ITEM = "个", "个"
        PERSON_FORMAL = "名", "名"
        PERSON = "人", "人"
        HOUSEHOLD = "户", "户"
        MU = "亩", "亩"
        TEN_THOUSAND_YUAN = "万元", "万元"
        YUAN = "元", "元"
        PERCENT = "%", "%"
        ENTERPRISE = "家", "家"
        SESSION = "场", "场"
        TIMES = "次", "次"
        CASE = "件", "件"
        KILOMETRE = "公里", "公里"
        TEAM = "支", "支"
        BUILDING = "座", "座"
        SET = "套", "套"

    label = models.CharField(
        "指标", max_length=40, help_text="同一指标请使用相同名称，便于各乡镇对比，如“村级综治中心”。"
    )
    value = models.DecimalField("数值", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    unit = models.CharField("单位", max_length=4, choices=Unit)
    as_of = models.DateField("统计截至")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.label} {self.display_value}{self.unit}"

    @property
    def display_value(self):
        """1260.00 -> 1260, 12.50 -> 12.5: reports never print trailing zeros."""
        return f"{self.value.normalize():f}"


class Figure(FigureData):
    """One reviewed figure of a township's practice, public on the township and 党建+ pages.

    A figure reported in an article or work report waits as a reports.ReportedFigure and becomes a
    Figure only once that item is published, so no unreviewed value is ever shown or replaces one.
    """

    practice = models.ForeignKey(Practice, verbose_name="实践", on_delete=models.CASCADE, related_name="figures")
    source_article = models.ForeignKey(
        "articles.Article",
        verbose_name="出自稿件",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        help_text="这个数据由哪篇稿件或工作报告报送。",
    )

    class Meta:
        ordering = ["practice", "id"]
        verbose_name = "数据指标"
        verbose_name_plural = "数据指标"
        constraints = [
            models.UniqueConstraint(fields=["practice", "label", "as_of"], name="unique_figure_per_date"),
        ]


class FigureSeries(NamedTuple):
    """One label's figures for a practice: the newest value and, if reported, the one before."""

    label: str
    latest: Figure
    previous: Figure | None

    @property
    def change(self):
        return None if self.previous is None else self.latest.value - self.previous.value


def figure_series(figures):
    """Group figures by label (in the order first entered), newest first within each label."""
    by_label = {}
    for figure in figures:
        by_label.setdefault(figure.label, []).append(figure)
    series = []
    for label, group in by_label.items():
        group.sort(key=lambda f: f.as_of, reverse=True)
        series.append(FigureSeries(label, group[0], group[1] if len(group) > 1 else None))
    return series
