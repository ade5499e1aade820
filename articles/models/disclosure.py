"""信息公开 metadata: what a county site shows above a policy file or notice (索引号, 发文机关, 文号 …).

A Disclosure belongs to one article in a column that needs it (Column.disclosure). The 索引号 is
generated once, by the column's rule, from a counter per rule and year; a unique constraint backs it.
"""

import re
import string

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

DEFAULT_INDEX_RULE = "{column}-{year}-{seq:04d}"
RULE_FIELDS = {"year", "column", "seq"}

# 发文字号: 机关代字〔年份〕序号号, e.g. 云组发〔2026〕3号 or 中共云溪县委办〔2025〕12号.
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,20}〔(19|20)\d{2}〕\d{1,4}号$")
# What people type instead of 六角括号 〔〕: square, lenticular and round brackets, full or half width.
_BRACKETS = str.maketrans(dict.fromkeys("[［【(（〖", "〔") | dict.fromkeys("]］】)）〗", "〕"))


def normalise_document_number(text):
    """Spaces dropped and the year's brackets made 六角括号: "云组发[2026] 3号" → "云组发〔2026〕3号"."""
    return re.sub(r"\s+", "", text or "").translate(_BRACKETS)


def check_document_number(text):
    if text and not DOCUMENT_NUMBER.match(text):
        raise ValidationError(
            "发文字号格式应为“机关代字〔年份〕序号号”，例如 云组发〔2026〕3号。", code="document_number"
        )


def check_index_rule(rule):
    """The rule may use {year}, {column} and {seq} (required, with an optional format such as :04d)."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(rule) if name is not None}
        unknown = names - RULE_FIELDS
        if unknown or "seq" not in names:
            raise ValueError
        rule.format(year=2026, column="x", seq=1)
    except (ValueError, IndexError, KeyError, TypeError):
        raise ValidationError(
            {"index_rule": "索引号规则只能使用 {year}、{column}、{seq}，且必须包含顺序号 {seq}（如 {seq:04d}）。"}
        ) from None


class IndexCounter(models.Model):
    """The last 顺序号 given out under one rule in one year (scope = the rule with year and column filled in)."""

    scope = models.CharField(max_length=200, unique=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "索引号计数"
        verbose_name_plural = "索引号计数"

    def __str__(self):
        return f"{self.scope}: {self.last}"


class Disclosure(models.Model):
    class Topic(models.TextChoices):
        ORGANISATION = "organisation", "组织建设"
        CADRES = "cadres", "干部工作"
        TALENT = "talent", "人才工作"
        MEMBERS = "members", "党员教育管理"
        GRASSROOTS = "grassroots", "基层党建"
        INTEGRITY = "integrity", "党风廉政建设"
        PUBLICITY = "publicity", "宣传思想文化"
        GENERAL = "general", "综合党务"

    class Validity(models.TextChoices):
        VALID = "valid", "有效"
        AMENDED = "amended", "已修改"
        REPEALED = "repealed", "已废止"
        EXPIRED = "expired", "已失效"

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="disclosure", verbose_name="文章"
    )
    index_number = models.CharField("索引号", max_length=100, unique=True, editable=False)
    issuer = models.CharField("发文机关", max_length=100, blank=True)
    document_number = models.CharField("发文字号", max_length=60, blank=True, help_text="例如 云组发〔2026〕3号。")
    written_on = models.DateField("成文日期", null=True, blank=True, help_text="不能晚于发布时间。")
    topic = models.CharField("主题分类", max_length=20, choices=Topic, default=Topic.GENERAL)
    validity = models.CharField("有效性", max_length=10, choices=Validity, default=Validity.VALID)
    replaced_by = models.ForeignKey(
        "articles.Article",
        verbose_name="替代文件",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_files",
        help_text="已废止或已修改的文件：指向取代它的新文件，页面顶部会提示并链接过去。",
    )
    interprets = models.ForeignKey(
        "articles.Article",
        verbose_name="解读的文件",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interpretations",
        help_text="政策解读：所解读的政策文件；两篇页面会互相链接。",
    )

    class Meta:
        verbose_name = "信息公开元数据"
        verbose_name_plural = "信息公开元数据"
        indexes = [models.Index(fields=["topic", "written_on"], name="disclosure_topic_written")]

    def __str__(self):
        return self.index_number

    def save(self, *args, **kwargs):
        self.document_number = normalise_document_number(self.document_number)
        if self.index_number:
            return super().save(*args, **kwargs)
        # New: take the next number under the column's rule. The counter is locked for the transaction,
        # and the unique index catches a number someone already holds (a rule changed back, a restore).
        for _ in range(20):
            self.index_number = self.next_index_number()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Disclosure.objects.filter(index_number=self.index_number).exists():
                    raise
        raise ValidationError("无法生成不重复的索引号，请检查栏目的索引号规则。")

    @property
    def is_repealed(self):
        return self.validity in (self.Validity.REPEALED, self.Validity.EXPIRED, self.Validity.AMENDED)

    def clean(self):
        self.document_number = normalise_document_number(self.document_number)
        errors = {}
        try:
            check_document_number(self.document_number)
        except ValidationError as error:
            errors["document_number"] = error.messages
        article = getattr(self, "article", None) if self.article_id else None
        if self.written_on and article is not None:
            try:
                check_written_on(self.written_on, article.published_at or article.scheduled_at)
            except ValidationError as error:
                errors["written_on"] = error.messages
        if self.replaced_by_id and self.replaced_by_id == self.article_id:
            errors["replaced_by"] = ["文件不能被自己替代。"]
        if self.interprets_id and self.interprets_id == self.article_id:
            errors["interprets"] = ["解读不能指向自己。"]
        if self.replaced_by_id and self.validity == self.Validity.VALID:
            errors["validity"] = ["已有替代文件的，有效性应为“已废止”或“已修改”。"]
        if errors:
            raise ValidationError(errors)

    def next_index_number(self):
        column = self.article.column
        rule = column.index_rule or DEFAULT_INDEX_RULE
        year = (self.written_on or timezone.localdate()).year
        scope = rule.replace("{year}", str(year)).replace("{column}", column.slug)
        with transaction.atomic():
            counter, _ = IndexCounter.objects.select_for_update().get_or_create(scope=scope[:200])
            counter.last += 1
            counter.save(update_fields=["last"])
        return rule.format(year=year, column=column.slug, seq=counter.last)


def check_written_on(written_on, published_at):
    """成文日期 may not lie after 发布时间 (a file is written before it is published)."""
    if written_on and published_at and written_on > timezone.localdate(published_at):
        when = timezone.localtime(published_at).strftime("%Y-%m-%d")
        raise ValidationError(f"成文日期不能晚于发布时间（{when}）。", code="written_on")


def check_before_publishing(article, published_at):
    """At publication (or scheduling): the 成文日期 must not lie after the moment it goes live."""
    written_on = Disclosure.objects.filter(article_id=article.pk).values_list("written_on", flat=True).first()
    check_written_on(written_on, published_at)
