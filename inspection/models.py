from django.db import models


class LinkCheck(models.Model):
    """The last check of one link found on the public site."""

    url = models.URLField("链接", max_length=1000, unique=True)
    found_on = models.CharField("所在页面", max_length=300, help_text="发现该链接的页面地址（取一个）。")
    on_home = models.BooleanField("在首页", default=False)
    status_code = models.PositiveSmallIntegerField("状态码", null=True, blank=True)
    error = models.CharField("错误", max_length=300, blank=True)
    ok = models.BooleanField("可用", default=True)
    checked_at = models.DateTimeField("检查时间")

    class Meta:
        ordering = ["ok", "-checked_at"]
        verbose_name = "链接检查结果"
        verbose_name_plural = "链接检查结果"

    def __str__(self):
        return self.url


class PageFingerprint(models.Model):
    """What an approved article page looked like (a SHA-256 of its title and text as served)."""

    article = models.OneToOneField("articles.Article", on_delete=models.CASCADE, related_name="fingerprint")
    digest = models.CharField("指纹", max_length=64)
    recorded_at = models.DateTimeField("记录时间", auto_now=True)

    class Meta:
        verbose_name = "页面指纹"
        verbose_name_plural = "页面指纹"

    def __str__(self):
        return f"{self.article_id}: {self.digest[:12]}"


class TamperAlert(models.Model):
    """A published page was served differently from what was approved."""

    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="+")
    where = models.CharField("发现位置", max_length=300)
    expected = models.CharField("审定时指纹", max_length=64)
    found = models.CharField("实际指纹", max_length=64)
    detected_at = models.DateTimeField("发现时间", auto_now_add=True)
    resolved = models.BooleanField("已处理", default=False)

    class Meta:
        ordering = ["resolved", "-detected_at"]
        verbose_name = "篡改告警"
        verbose_name_plural = "篡改告警"

    def __str__(self):
        return f"{self.article} @ {self.where}"


class CheckRun(models.Model):
    """When a check that runs apart from the page views (link check, tamper check, re-scan of published
    text) last ran: a rule that reads its results is 「尚未检查」 until it has run once, never 「通过」."""

    class Check(models.TextChoices):
        LINKS = "links", "链接检查"
        TAMPER = "tamper", "篡改比对"
        CONTENT = "content", "已发布信息内容检查"

    check_name = models.CharField("检查", max_length=20, choices=Check, unique=True)
    ran_at = models.DateTimeField("最近运行时间")

    class Meta:
        verbose_name = "检查运行记录"
        verbose_name_plural = "检查运行记录"

    def __str__(self):
        return f"{self.get_check_name_display()} @ {self.ran_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, check, when=None):
        from django.utils import timezone

        cls.objects.update_or_create(check_name=check, defaults={"ran_at": when or timezone.now()})

    @classmethod
    def last_runs(cls):
        """{check: ran_at} for the checks that have run (one query)."""
        return dict(cls.objects.values_list("check_name", "ran_at"))
