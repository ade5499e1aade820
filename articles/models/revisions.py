from django.conf import settings
from django.db import models


class RevisionQuerySet(models.QuerySet):
    def for_article(self, article):
        return self.filter(article=article).order_by("-number")


class Revision(models.Model):
    """A snapshot of every editable field, taken on each save: history, diffs and restore read it."""

    article = models.ForeignKey(
        "articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField("版本号")
    data = models.JSONField("内容")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="修改人", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("保存时间", auto_now_add=True)
    note = models.CharField("说明", max_length=200, blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-number"]
        verbose_name = "修订版本"
        verbose_name_plural = "修订版本"
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="unique_revision_number")]

    def __str__(self):
        return f"第{self.number}版"

    @property
    def author_name(self):
        return str(self.created_by) if self.created_by else "系统"
