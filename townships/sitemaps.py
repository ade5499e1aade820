from django.contrib.sitemaps import Sitemap

from .models import Initiative, Township


class TownshipSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return list(Township.objects.all())  # a list spares the COUNT query


class InitiativeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return list(Initiative.objects.all())
