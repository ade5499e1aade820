from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Column


class HomeSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["articles:home", "townships:township_list", "townships:initiative_list", "site_map"]

    def location(self, item):
        return reverse(item)


class ColumnSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return list(Column.objects.visible())  # a few dozen rows: a list spares the COUNT query


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.listed().only("id", "updated_at").order_by("-id")

    def lastmod(self, article):
        return article.updated_at
