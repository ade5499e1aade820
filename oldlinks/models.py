from django.db import models


class NotFoundPath(models.Model):
    """An address readers asked for that the site does not have, summed per flush (notfound.py)."""

    path = models.CharField("网址", max_length=500, unique=True)
    hits = models.PositiveIntegerField("次数", default=0)
    first_seen = models.DateTimeField("首次出现")
    last_seen = models.DateTimeField("最近出现", db_index=True)
    referrer = models.CharField("来源页面", max_length=500, blank=True)

    class Meta:
        verbose_name = "最近的404"
        verbose_name_plural = "最近的404"
        ordering = ["-last_seen", "-id"]

    def __str__(self):
        return self.path
