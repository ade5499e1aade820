from django.db import models


class PeriodicRun(models.Model):
    """The last period a periodic job was queued for, so a restart neither skips a period nor repeats one."""

    job = models.CharField("任务", max_length=100, unique=True)
    last_period = models.CharField("最近周期", max_length=32, blank=True, default="")
    enqueued_at = models.DateTimeField("最近入队时间", null=True, blank=True)

    class Meta:
        verbose_name = "周期任务记录"
        verbose_name_plural = verbose_name
        ordering = ["job"]

    def __str__(self):
        return f"{self.job}（{self.last_period or '从未运行'}）"
