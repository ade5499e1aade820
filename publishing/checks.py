"""System checks for publishing: the public address must be one this site answers to."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register
from django.http.request import split_domain_port, validate_host


@register()
def site_url_is_an_allowed_host(app_configs, **kwargs):
    """Static export and the tamper watch render pages as requests to SITE_URL's host: outside ALLOWED_HOSTS
    every one of them is refused (DisallowedHost), and e-mailed links point at an address the site refuses."""
    host = urlsplit(settings.SITE_URL).netloc
    domain, _port = split_domain_port(host)
    if domain and validate_host(domain, settings.ALLOWED_HOSTS):
        return []
    return [
        Warning(
            f"SITE_URL（{settings.SITE_URL}）的主机名不在 ALLOWED_HOSTS 中：静态发布、防篡改检查和邮件中的链接都会失败。",
            hint="把 SITE_URL 设为网站的公开地址，例如 https://dj.example.gov.cn，并把该主机名写入 ALLOWED_HOSTS。",
            id="publishing.W001",
        )
    ]
