import copy

from django.db import models
from solo.models import SingletonModel


class SiteProfile(SingletonModel):
    """The one row of site-wide identity shown in every footer (主办单位, 备案号, 网站标识码).

    A django-solo singleton: `get_solo()` returns the row, creating it if needed (the admin, loaders);
    pages read it through `current()`, which is cached and never writes."""

    site_name = models.CharField("网站名称", max_length=60, default="党建网")
    county = models.CharField(
        "县（区）名称", max_length=50, blank=True, help_text="如“云溪县”，用于页面标题和默认来源。"
    )
    organizer = models.CharField("主办单位", max_length=100, blank=True)
    operator = models.CharField("承办单位", max_length=100, blank=True)
    icp_number = models.CharField("ICP备案号", max_length=50, blank=True, help_text="如“陕ICP备2026000001号-1”。")
    police_record_number = models.CharField("公安备案号", max_length=50, blank=True)
    police_record_code = models.CharField(
        "公安备案编码",
        max_length=20,
        blank=True,
        help_text="公安备案号中的数字部分，用于链接到全国互联网安全管理服务平台。",
    )
    website_code = models.CharField("网站标识码", max_length=20, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    government_mark_url = models.URLField(
        "党政机关网站标识链接",
        blank=True,
        help_text="机构编制部门核发的“党政机关”网站标识的验证地址，页脚显示“党政机关”标识并链接到此。",
    )
    letters_name = models.CharField(
        "留言栏目名称",
        max_length=20,
        default="领导信箱",
        help_text="如“领导信箱”“书记信箱”“留言板”，显示在页脚和留言页面。",
    )
    letters_open = models.BooleanField(
        "开放留言", default=True, help_text="关闭后公众不能提交新留言（网站检查会提示）。"
    )
    mourning = models.BooleanField("全站变灰", default=False, help_text="在下面的时间段内，所有公开页面显示为灰色。")
    mourning_from = models.DateTimeField("变灰开始时间", null=True, blank=True)
    mourning_until = models.DateTimeField(
        "变灰结束时间", null=True, blank=True, help_text="留空则一直变灰，直到关闭开关。"
    )

    class Meta:
        verbose_name = "网站信息"
        verbose_name_plural = "网站信息"

    def __str__(self):
        return self.site_name

    def delete(self, *args, **kwargs):
        raise models.ProtectedError("网站信息不能删除，只能修改。", {self})

    @classmethod
    def current(cls):
        """The profile, from the cache when possible: every public page shows it. Saving it bumps the
        "site" tag (publishing.signal_handlers), which every cached page and fragment depends on."""
        from core.pagecache import cached_by_tags

        # An unsaved blank profile until an admin fills it in: reading never writes.
        pk = cls.singleton_instance_id
        profile = cached_by_tags("siteprofile", {"site"}, lambda: cls.objects.filter(pk=pk).first() or cls(pk=pk))
        return copy.copy(profile)  # the cached one is shared by this process's requests

    def mourning_active(self, now=None):
        """Grey pages (全站变灰) for national mourning: on, and now within the chosen period."""
        from django.utils import timezone

        now = now or timezone.now()
        return (
            self.mourning
            and (self.mourning_from is None or self.mourning_from <= now)
            and (self.mourning_until is None or now < self.mourning_until)
        )

    @property
    def police_record_url(self):
        if not self.police_record_code:
            return ""
        return f"https://beian.mps.gov.cn/#/query/webSearch?code={self.police_record_code}"
