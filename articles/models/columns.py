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
        return (
            Exists(published.filter(column=OuterRef("pk")))
            | Exists(published.filter(column__parent=OuterRef("pk")))
            | Exists(published.filter(column__parent__parent=OuterRef("pk")))
            # An external link has no articles of its own: it is there once its address is set.
            | models.Q(kind=Column.Kind.LINK) & ~models.Q(external_url="")
        )

    def visible(self):
        """Columns the public may see: a column with nothing published is hidden (inspection rule)."""
        return self.filter(self.with_published_q())


MAX_DEPTH = 3


class Column(models.Model):
    """A section of the site (栏目). Three levels at most: 专题专栏 › 学习教育 › 学习资料.

    Its kind says what the column page is: a list, one page (单页), a link to another site (外链) or
    a 专题 landing page. Disclosure columns (政策文件, 通知公告) carry 信息公开 metadata on each item.
    """

    class Kind(models.TextChoices):
        LIST = "list", "列表"
        PAGE = "page", "单页（如机构职能、领导分工）"
        LINK = "link", "外链"
        TOPIC = "topic", "专题"

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
        limit_choices_to={"parent__parent__isnull": True},
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

    kind = models.CharField("栏目类型", max_length=10, choices=Kind, default=Kind.LIST)
    external_url = models.URLField(
        "外链地址", max_length=500, blank=True, help_text="栏目类型为“外链”时必填；读者点击后先看到离开本站的提示。"
    )
    banner = models.ImageField(
        "专题横幅", upload_to="columns/%Y/", blank=True, help_text="专题栏目首页顶部的横幅图片，建议 1200×300。"
    )
    intro = models.TextField("专题简介", max_length=1000, blank=True, help_text="专题首页横幅下方的介绍文字。")
    disclosure = models.BooleanField(
        "需要信息公开元数据",
        default=False,
        help_text="政策文件、通知公告等栏目：每条信息填写索引号、发文机关、发文字号、成文日期、主题分类和有效性。",
    )
    index_rule = models.CharField(
        "索引号规则",
        max_length=80,
        blank=True,
        default="",
        help_text="可用 {year}（成文年份）、{column}（栏目网址标识）、{seq:04d}（顺序号，必须有）。"
        "例如 11530000MB1234567X-{year}-{seq:04d}；留空按 {column}-{year}-{seq:04d}。",
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
        if self.kind in (self.Kind.LINK, self.Kind.PAGE):
            return None  # an external link is not ours to update; a 单页 is judged by having content
        if self.max_idle_days is not None:
            return self.max_idle_days
        return IDLE_LIMITS.get(self.update_class)

    def clean(self):
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "栏目不能以自己为上级栏目。"})
        if self.parent_id:
            ancestors = self.parent.lineage
            if self.pk and any(a.pk == self.pk for a in ancestors):
                raise ValidationError({"parent": "栏目不能以自己的下级栏目为上级栏目。"})
            if len(ancestors) + 1 + self.subtree_height() > MAX_DEPTH:
                raise ValidationError({"parent": f"栏目最多{MAX_DEPTH}级：请选择更高一级的上级栏目。"})
        if self.kind == self.Kind.LINK and not self.external_url:
            raise ValidationError({"external_url": "外链栏目请填写外链地址。"})
        if self.index_rule:
            from .disclosure import check_index_rule

            check_index_rule(self.index_rule)

    def subtree_height(self):
        """Levels of sub-columns below this one (0 for a leaf)."""
        if not self.pk:
            return 0
        below = Column.objects.filter(parent=self)
        if not below.exists():
            return 0
        return 2 if Column.objects.filter(parent__parent=self).exists() else 1

    @property
    def lineage(self):
        """The column and its ancestors, top first: for breadcrumbs."""
        chain, column = [self], self
        while column.parent_id and len(chain) < MAX_DEPTH + 1:
            column = column.parent
            chain.insert(0, column)
        return chain
