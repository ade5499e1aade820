import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from townships.models import FigureData


class ReportTemplateQuerySet(models.QuerySet):
    def default(self):
        """The default template, else any; if an admin deleted them all, the county's starting one again."""
        if template := self.filter(is_default=True).first() or self.first():
            return template
        from reports.defaults import install

        install()
        return self.first()


class ReportTemplate(models.Model):
    """The shape a county asks for: sections (一、主要工作及成效 …), each with optional sub-items."""

    name = models.CharField("模板名称", max_length=60, unique=True)
    sections = models.JSONField(
        "章节",
        help_text='例如 [{"title": "一、主要工作及成效", "items": ["（一）……"]}, {"title": "二、存在问题", "items": []}]',
    )
    is_default = models.BooleanField("默认模板", default=False)

    objects = ReportTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = "报告模板"
        verbose_name_plural = "报告模板"

    def __str__(self):
        return self.name

    @property
    def section_titles(self):
        return [section["title"] for section in self.sections]

    def blank_body(self):
        """The editor's starting text: each section heading with its sub-items to fill in."""
        parts = []
        for section in self.sections:
            parts.append(f"<h2>{section['title']}</h2>")
            parts += [f"<h3>{item}</h3><p></p>" for item in section.get("items", [])] or ["<p></p>"]
        return "".join(parts)


class ReportPeriodQuerySet(models.QuerySet):
    def due_soon(self, now, days):
        return self.filter(deadline__gt=now, deadline__lte=now + datetime.timedelta(days=days))


class ReportPeriod(models.Model):
    """A reporting period the county sets, with its deadline (Asia/Shanghai)."""

    class Span(models.TextChoices):
        YEAR = "year", "全年"
        HALF = "half", "半年"
        QUARTER = "quarter", "季度"

    year = models.PositiveSmallIntegerField("年份")
    span = models.CharField("周期", max_length=10, choices=Span)
    number = models.PositiveSmallIntegerField("序号", default=1, help_text="半年填 1 或 2，季度填 1–4，全年填 1。")
    deadline = models.DateTimeField("报送截止时间")

    objects = ReportPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-deadline"]
        verbose_name = "报告周期"
        verbose_name_plural = "报告周期"
        constraints = [models.UniqueConstraint(fields=["year", "span", "number"], name="unique_report_period")]

    def __str__(self):
        return self.title

    def clean(self):
        limits = {self.Span.YEAR: 1, self.Span.HALF: 2, self.Span.QUARTER: 4}
        if not 1 <= self.number <= limits.get(self.span, 1):
            raise ValidationError({"number": "序号与周期不符：半年为 1–2，季度为 1–4，全年为 1。"})

    @property
    def title(self):
        if self.span == self.Span.YEAR:
            return f"{self.year}年度"
        if self.span == self.Span.HALF:
            return f"{self.year}年{'上' if self.number == 1 else '下'}半年"
        return f"{self.year}年第{'一二三四'[self.number - 1]}季度"

    @property
    def starts_on(self):
        month = {
            self.Span.YEAR: 1,
            self.Span.HALF: 6 * (self.number - 1) + 1,
            self.Span.QUARTER: 3 * (self.number - 1) + 1,
        }
        return datetime.date(self.year, month[self.span], 1)

    @property
    def ends_on(self):
        months = {self.Span.YEAR: 12, self.Span.HALF: 6, self.Span.QUARTER: 3}[self.span]
        start = self.starts_on
        end_month = start.month + months - 1
        following = datetime.date(self.year + end_month // 12, end_month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)


class WorkReport(models.Model):
    """A township's report for a period: its text, review and publication live on the article."""

    class Kind(models.TextChoices):
        SUMMARY = "summary", "党建工作总结"
        DUTY = "duty", "书记抓基层党建述职报告"

    article = models.OneToOneField(
        "articles.Article", verbose_name="稿件", on_delete=models.CASCADE, related_name="work_report"
    )
    township = models.ForeignKey(
        "townships.Township", verbose_name="乡镇", on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(ReportPeriod, verbose_name="周期", on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField("类型", max_length=10, choices=Kind, default=Kind.SUMMARY)
    template = models.ForeignKey(ReportTemplate, verbose_name="模板", on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        ordering = ["-period__year", "township__sort_order"]
        verbose_name = "工作报告"
        verbose_name_plural = "工作报告"
        permissions = [("view_dashboard", "可以查看县级考核看板")]
        constraints = [
            models.UniqueConstraint(fields=["township", "period", "kind"], name="one_report_per_township_period_kind")
        ]

    def __str__(self):
        return f"{self.township} {self.period}{self.get_kind_display()}"


class Outlet(models.Model):
    """Where an adopted township item was used, and the 信息报送 points that earns (editable)."""

    name = models.CharField("采用渠道", max_length=40, unique=True)
    points = models.PositiveSmallIntegerField("计分")
    column = models.ForeignKey(
        "articles.Column",
        verbose_name="转载到栏目",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="县网站栏目：采用时在该栏目转载一篇；外部媒体留空，只记分。",
    )
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "采用渠道与计分"
        verbose_name_plural = "采用渠道与计分"

    def __str__(self):
        return f"{self.name}（{self.points}分）"


class Adoption(models.Model):
    """A county reviewer adopted (采用 / 转载) a township's item: recorded with its points."""

    article = models.ForeignKey(
        "articles.Article", verbose_name="原稿", on_delete=models.CASCADE, related_name="adoptions"
    )
    outlet = models.ForeignKey(Outlet, verbose_name="采用渠道", on_delete=models.PROTECT)
    points = models.PositiveSmallIntegerField("得分")
    copy = models.ForeignKey(
        "articles.Article", verbose_name="转载稿", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="采用人", on_delete=models.SET_NULL, null=True
    )
    adopted_at = models.DateTimeField("采用时间", default=timezone.now)
    note = models.CharField("备注", max_length=200, blank=True)

    class Meta:
        ordering = ["-adopted_at"]
        verbose_name = "采用记录"
        verbose_name_plural = "采用记录"
        constraints = [models.UniqueConstraint(fields=["article", "outlet"], name="adopted_once_per_outlet")]

    def __str__(self):
        return f"{self.article} → {self.outlet.name}"


class ReminderSent(models.Model):
    """A deadline reminder already sent, so the daily job never mails the same township twice."""

    period = models.ForeignKey(ReportPeriod, verbose_name="报告周期", on_delete=models.CASCADE)
    township = models.ForeignKey("townships.Township", verbose_name="乡镇", on_delete=models.CASCADE)
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        verbose_name = "截止提醒记录"
        verbose_name_plural = "截止提醒记录"
        constraints = [models.UniqueConstraint(fields=["period", "township"], name="one_reminder_per_period")]

    def __str__(self):
        return f"{self.township} {self.period} 提醒"


class ReportedFigure(FigureData):
    """A figure reported in an article or work report, waiting for that item's review.

    It is not shown publicly and replaces nothing; when the item is published it becomes (or
    updates) the township's Figure and this record goes (services.publish_reported_figures).
    """

    article = models.ForeignKey(
        "articles.Article", verbose_name="稿件", on_delete=models.CASCADE, related_name="reported_figures"
    )
    initiative = models.ForeignKey("townships.Initiative", verbose_name="党建+ 项目", on_delete=models.CASCADE)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_at = models.DateTimeField("登记时间", auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "待审核数据"
        verbose_name_plural = "待审核数据"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "initiative", "label", "as_of"], name="one_reported_figure_per_article_date"
            )
        ]
