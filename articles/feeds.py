"""RSS for the whole site, each column, each township and each 党建+ initiative (Django's syndication)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from siteprofile.models import SiteProfile
from townships.models import Initiative, Township

from .models import Article, Column

ITEMS = 30


class LatestFeed(Feed):
    language = "zh-cn"

    def title(self, obj=None):
        return SiteProfile.current().site_name

    def link(self, obj=None):
        return reverse("articles:home")

    def description(self, obj=None):
        return f"{SiteProfile.current().site_name}最新发布"

    def articles(self, obj):
        return Article.objects.listed()

    def items(self, obj=None):
        return self.articles(obj).select_related("column").latest_first()[:ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.excerpt

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.authors or article.source

    def item_categories(self, article):
        return [article.column.name]


class ColumnFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Column.objects.select_related("parent"), slug=slug)

    def title(self, column):
        return f"{column.name} - {SiteProfile.current().site_name}"

    def link(self, column):
        return column.get_absolute_url()

    def description(self, column):
        return column.description or column.name

    def articles(self, column):
        return Article.objects.listed().in_column(column)


class TownshipFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Township, slug=slug)

    def title(self, township):
        return f"{township.name} - {SiteProfile.current().site_name}"

    def link(self, township):
        return township.get_absolute_url()

    def description(self, township):
        return f"{township.name}党建工作动态"

    def articles(self, township):
        return Article.objects.listed().filter(township=township)


class InitiativeFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Initiative, slug=slug)

    def title(self, initiative):
        return f"{initiative.name} - {SiteProfile.current().site_name}"

    def link(self, initiative):
        return initiative.get_absolute_url()

    def description(self, initiative):
        return initiative.description or initiative.name

    def articles(self, initiative):
        return Article.objects.listed().filter(initiatives=initiative)
