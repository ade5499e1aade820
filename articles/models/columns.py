from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse

# The national indicators: 动态要闻 columns may not sit idle 2 weeks, 通知公告/政策文件 6 months.
IDLE_LIMITS = {"news": 14, "notice": 180, "policy": 180, "topic": 365, "report": 365}


class ColumnQuerySet(models.QuerySet):
    def with_published_q(self):
        """True when the column or one of its sub-columns has a published article."""
        from .articles import Article

        published = Article.objects.published()
        return Exists(published.filter(column=OuterRef("pk"))) | Exists(published.filter(column__parent=OuterRef("pk")))

    def visible(self):
        """Columns the public may see: a column with nothing published is hidden (inspection rule)."""
        return self.filter(self.with_published_q())


class Column(models.Model):
    """A section of the site (栏目). Two levels at most: 新闻中心 › 乡镇动态."""

    class UpdateClass(models.TextChoices):
        # The national inspection indicators judge a column's staleness by its class.
        NEWS = "news", "动态要闻"
        NOTICE = "notice", "通知公告"
        POLICY = "policy", "政策文件"
        TOPIC = "topic", "专题专栏"
        REPORT = "report", "工作报告"
        STATIC = "static", "基本信息（无需定期更新）"

    name = models.CharField("栏目名称", max_length=30)
    slug = models.SlugField("网址标识", max_length=50, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级栏目",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )
    update_class = models.CharField("更新类别", max_length=10, choices=UpdateClass, default=UpdateClass.NEWS)
    description = models.CharField("栏目说明", max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)
    show_on_home = models.BooleanField("首页显示", default=True, help_text="在首页显示该栏目的最新文章。")
    max_idle_days = models.PositiveSmallIntegerField(
        "最长更新间隔（天）",
        null=True,
        blank=True,
        help_text=(
            "超过这么多天没有发布新内容即算“未更新”。"
            "留空按更新类别：动态要闻 14 天，通知公告、政策文件 180 天，专题、工作报告 365 天。"
        ),
    )

    class EndedItems(models.TextChoices):
        # What a list does with an item whose 公示期 is over (or that was taken down on time).
        MARK = "mark", "继续列出并标注“已结束”"
        HIDE = "hide", "不再列出"

    ended_items = models.CharField(
        "到期后",
        max_length=10,
        choices=EndedItems,
        default=EndedItems.MARK,
        help_text="信息到达结束时间后，栏目列表如何处理；信息页面仍可打开。",
    )

    objects = ColumnQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id and self.parent else self.name

    def get_absolute_url(self):
        return reverse("articles:column", args=[self.slug])

    @property
    def idle_limit(self):
        """Days without a new item before the inspection counts the column as not updated (None: never)."""
        if self.max_idle_days is not None:
            return self.max_idle_days
        return IDLE_LIMITS.get(self.update_class)

    def clean(self):
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": "栏目最多两级：上级栏目必须是一级栏目。"})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "栏目不能以自己为上级栏目。"})

    @property
    def lineage(self):
        """The column and its parent, top first: for breadcrumbs."""
        return [self.parent, self] if self.parent_id else [self]
