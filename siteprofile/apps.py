from django.apps import AppConfig


class SiteProfileConfig(AppConfig):
    name = "siteprofile"
    verbose_name = "网站信息"
