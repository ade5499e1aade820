"""Column kinds through real requests: 单页, 外链 (leaving-site notice, link check), 专题 with three levels."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, Column
from inspection import links, rules
from inspection.models import LinkCheck
from tests.factories import ArticleFactory, ColumnFactory

from .test_views import MAX_QUERIES, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def kinds(county):
    class Kinds:
        about = ColumnFactory(slug="about", name="机构职能", kind=Column.Kind.PAGE, update_class="static")
        link = ColumnFactory(
            slug="gov-portal", name="县政府门户", kind=Column.Kind.LINK, external_url="https://www.example.gov.cn/"
        )
        topic = ColumnFactory(
            slug="study", name="学习教育专题", kind=Column.Kind.TOPIC, update_class="topic", intro="专题简介第一段。"
        )
        lessons = ColumnFactory(slug="study-lessons", name="学习动态", parent=topic, update_class="topic")
        materials = ColumnFactory(slug="study-materials", name="学习资料", parent=topic, update_class="topic")
        readings = ColumnFactory(slug="study-readings", name="原文选读", parent=materials, update_class="topic")

    return Kinds


def test_a_single_page_shows_its_one_text_and_no_list(client, kinds):
    ArticleFactory(published=True, column=kinds.about, title="旧版职能", body="<p>旧的职能说明。</p>")
    ArticleFactory(published=True, column=kinds.about, title="机构职能", body="<p>负责全县党的组织工作。</p>")
    html = client.get("/columns/about/").content.decode()
    assert "负责全县党的组织工作" in html and "旧的职能说明" not in html
    assert "news-list" not in html and 'class="pager"' not in html


def test_an_empty_single_page_is_hidden(client, kinds):
    assert client.get("/columns/about/").status_code == 404


def test_an_external_link_column_shows_a_leaving_notice(client, kinds):
    response = client.get("/columns/gov-portal/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "您即将离开本站" in html
    assert (
        '<a class="button" href="https://www.example.gov.cn/" rel="noopener noreferrer external">继续访问</a>' in html
    )


def test_an_external_link_column_is_in_the_menu_without_articles(client, kinds, county):
    ArticleFactory(published=True, column=county.township_news)
    html = client.get("/").content.decode()
    assert 'href="/columns/gov-portal/"' in html


def test_an_external_link_needs_an_address(db):
    with pytest.raises(ValidationError) as refused:
        Column(name="外链", slug="no-url", kind=Column.Kind.LINK).full_clean()
    assert "外链地址" in refused.value.message_dict["external_url"][0]


def test_the_topic_landing_page_shows_intro_and_sub_columns_three_levels_deep(client, kinds):
    ArticleFactory(published=True, column=kinds.lessons, title="支部开展集中学习")
    ArticleFactory(published=True, column=kinds.readings, title="原文选读第一篇")
    html = client.get("/columns/study/").content.decode()
    assert "专题简介第一段" in html and "topic-banner" in html
    assert "学习动态" in html and "支部开展集中学习" in html
    assert "学习资料" in html and "原文选读第一篇" in html  # the third level shows under its sub-column
    third = client.get("/columns/study-readings/").content.decode()
    assert "您现在的位置" in third and ">学习教育专题<" in third and ">学习资料<" in third
    # A second-level column with children lists them as its sub-navigation.
    assert 'href="/columns/study-readings/"' in client.get("/columns/study-materials/").content.decode()


def test_the_topic_page_keeps_its_query_count(client, kinds):
    ArticleFactory(published=True, column=kinds.lessons)
    few = count_queries(client, "/columns/study/")
    for i in range(30):
        ArticleFactory(published=True, column=kinds.lessons if i % 2 else kinds.readings)
    assert count_queries(client, "/columns/study/") == few <= MAX_QUERIES


@pytest.mark.parametrize("url", ["/columns/about/", "/columns/gov-portal/", "/columns/study-readings/"])
def test_other_kinds_stay_within_the_query_budget(client, kinds, url):
    ArticleFactory(published=True, column=kinds.about)
    ArticleFactory(published=True, column=kinds.readings)
    assert count_queries(client, url) <= MAX_QUERIES


def test_freshness_rules_know_each_kind(kinds):
    now = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
    long_ago = now - datetime.timedelta(days=800)
    ArticleFactory(column=kinds.about, status=Article.Status.PUBLISHED, published_at=long_ago)
    ArticleFactory(column=kinds.lessons, status=Article.Status.PUBLISHED, published_at=long_ago)
    states = {s.slug: s for s in rules.column_states(now)}
    assert "gov-portal" not in states  # an external link is not judged at all
    assert "study" not in states  # a 专题 is judged by its sub-columns
    assert not states["about"].stale  # a 单页 with content is fine however old
    assert states["study-lessons"].stale
    assert states["study-readings"].empty  # the third level is judged like any leaf


def test_an_empty_single_page_counts_as_an_empty_column(kinds):
    states = {s.slug: s for s in rules.column_states(datetime.datetime.now(datetime.UTC))}
    assert states["about"].empty


def test_the_link_checker_checks_external_link_columns(kinds, settings):
    settings.SITE_URL = "http://testserver"
    found = {link.url: link for link in links.collect()}
    assert found["https://www.example.gov.cn/"].page == "/columns/gov-portal/"


def test_a_dead_external_link_column_is_reported(kinds, settings):
    settings.SITE_URL = "http://testserver"
    settings.LINK_CHECK_TIMEOUT = 1
    Column.objects.filter(pk=kinds.link.pk).update(external_url="http://127.0.0.1:9/nothing-here")
    links.run()
    row = LinkCheck.objects.get(url="http://127.0.0.1:9/nothing-here")
    assert not row.ok and row.found_on == "/columns/gov-portal/"
