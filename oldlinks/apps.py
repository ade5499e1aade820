from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_site(sender, using="default", **kwargs):
    """The Site row (SITE_ID) names SITE_URL's host, after every migrate: feeds and sitemap.xml build absolute
    links from it, and redirects hang on it. django.contrib.sites would leave it at example.com."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc or "localhost"
    site, created = Site.objects.using(using).get_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": domain}
    )
    if not created and (site.domain, site.name) != (domain, domain):
        site.domain = site.name = domain
        site.save(using=using)
    Site.objects.clear_cache()


class OldLinksConfig(AppConfig):
    """Addresses of the previous website: redirects to the new pages, and the 404s readers still hit."""

    name = "oldlinks"
    verbose_name = "旧网址跳转"

    def ready(self):
        post_migrate.connect(sync_site, sender=self, dispatch_uid="oldlinks-sync-site")
