from django.core.cache import cache
from django.db import models

SENSITIVE_CACHE_KEY = "articles:sensitive-terms"


class SensitiveTermQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def cached_active(self):
        """The active list, cached until an admin changes it (every save runs the checks)."""
        terms = cache.get(SENSITIVE_CACHE_KEY)
        if terms is None:
            terms = list(self.active())
            cache.set(SENSITIVE_CACHE_KEY, terms, timeout=None)
        return terms


class SensitiveTerm(models.Model):
    """A 错敏词: a wrong form that must not be published, with the correct form to use instead."""

    class Category(models.TextChoices):
        LEADER = "leader", "领导人姓名与职务"
        ORGANISATION = "organisation", "机构名称"
        PLACE = "place", "地名"
        POLITICAL = "political", "时政用语"
        FALLEN = "fallen", "落马官员"
        OTHER = "other", "其他"

    class Severity(models.TextChoices):
        SERIOUS = "serious", "严重"
        NORMAL = "normal", "一般"

    wrong = models.CharField("错误或禁用写法", max_length=60, unique=True)
    correct = models.CharField("正确写法或处理意见", max_length=120)
    category = models.CharField("类别", max_length=20, choices=Category, default=Category.POLITICAL)
    severity = models.CharField("严重程度", max_length=10, choices=Severity, default=Severity.SERIOUS)
    note = models.CharField("说明", max_length=200, blank=True)
    is_active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = SensitiveTermQuerySet.as_manager()

    class Meta:
        ordering = ["category", "wrong"]
        verbose_name = "错敏词"
        verbose_name_plural = "错敏词"

    def __str__(self):
        return f"{self.wrong} → {self.correct}"


class ContentIssue(models.Model):
    """A finding of the last scan of published articles: admins see it until the text is fixed."""

    article = models.ForeignKey(
        "articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="issues"
    )
    kind = models.CharField("类别", max_length=20)
    message = models.CharField("问题", max_length=300)
    excerpt = models.CharField("原文片段", max_length=200, blank=True)
    found_at = models.DateTimeField("发现时间", auto_now_add=True)

    class Meta:
        ordering = ["-found_at", "article"]
        verbose_name = "已发布内容问题"
        verbose_name_plural = "已发布内容问题"

    def __str__(self):
        return self.message
