from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class LetterSitemap(Sitemap):
    """The channel's public list and form; single letters have no page of their own (nothing personal to index)."""

    changefreq = "daily"

    def items(self):
        return ["letters:list", "letters:write"]

    def location(self, item):
        return reverse(item)
