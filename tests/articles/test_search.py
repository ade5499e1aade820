import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, TownshipFactory

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    page = response.context["page"]
    return [r["article"] for r in page.results] if page else []


def test_words_in_another_order_still_find_the_article(client, county):
    article = ArticleFactory(published=True, column=county.township_news, title="远门镇党建引领乡村振兴见实效")
    ArticleFactory(published=True, column=county.township_news, title="石桥镇召开安全生产会议")
    assert results(client, q="振兴乡村") == [article]
    assert results(client, q="振兴 党建") == [article]


def test_title_matches_rank_above_body_matches_and_newer_wins_ties(client, county):
    now = timezone.now()
    in_body = ArticleFactory(
        published=True, column=county.township_news, title="冬季农田水利建设", body="<p>苹果产业链延伸。</p>"
    )
    older_title = ArticleFactory(
        published=True, column=county.township_news, title="苹果产业链", published_at=now - datetime.timedelta(days=3)
    )
    newer_title = ArticleFactory(
        published=True, column=county.township_news, title="苹果产业链", published_at=now - datetime.timedelta(days=1)
    )
    assert results(client, q="苹果产业") == [newer_title, older_title, in_body]


def test_matched_words_are_highlighted_and_the_query_is_escaped(client, county):
    ArticleFactory(published=True, column=county.township_news, title="党建引领乡村振兴", body="<p>坚持党建引领。</p>")
    html = client.get("/search/", {"q": '<script>alert(1)</script>党建"><img src=x onerror=alert(1)>'}).content.decode()
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "<mark>党建</mark>引领乡村振兴" in html
    assert "&lt;script&gt;" in html  # the query is echoed, escaped


@pytest.mark.parametrize(
    "query",
    ["", "%", "'", '"', "OR", "党建 OR", "NOT AND", "*", "😀🎉", "党建" * 5000, "x" * 10240, "\x00", "(", "^党建"],
)
def test_odd_queries_answer_a_normal_page(client, county, query):
    ArticleFactory(published=True, column=county.township_news, title="党建引领乡村振兴")
    assert client.get("/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize("params", [{"column": "nope"}, {"date_from": "2025-13-45"}, {"township": "\x00"}])
def test_bad_filters_are_ignored(client, county, params):
    article = ArticleFactory(published=True, column=county.township_news, title="党建引领乡村振兴")
    assert results(client, q="党建", **params) == [article]


def test_a_page_number_that_is_not_a_number_answers_404(client, county):
    ArticleFactory(published=True, column=county.township_news, title="党建引领乡村振兴")
    assert client.get("/search/", {"q": "党建", "page": "abc"}).status_code == 404


def test_search_finds_what_is_published_whatever_its_publication_time(client, county):
    """One definition of published (published_q): the search SQL does not restate it with a clock."""
    article = ArticleFactory(published=True, column=county.township_news, title="党建引领乡村振兴")
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() + datetime.timedelta(hours=2))
    assert list(Article.objects.published()) == [article]
    assert results(client, q="党建") == [article]


def test_filters_narrow_by_column_township_initiative_and_dates(client, county):
    other = TownshipFactory(slug="shiqiao", name="石桥镇")
    now = timezone.now()
    a = ArticleFactory(published=True, column=county.township_news, township=county.township, title="党建工作会议甲")
    b = ArticleFactory(published=True, column=county.notices, township=other, title="党建工作会议乙")
    c = ArticleFactory(
        published=True,
        column=county.notices,
        title="党建工作会议丙",
        initiatives=[county.initiative],
        published_at=now - datetime.timedelta(days=40),
    )
    assert set(results(client, q="党建")) == {a, b, c}
    assert results(client, q="党建", column="township-news") == [a]
    assert set(results(client, q="党建", column="news")) == {a, b, c}  # a parent column includes its children
    assert results(client, q="党建", township="shiqiao") == [b]
    assert results(client, q="党建", initiative="public-safety") == [c]
    assert results(client, q="党建", date_to=(now - datetime.timedelta(days=30)).date().isoformat()) == [c]
    assert set(results(client, q="党建", date_from=(now - datetime.timedelta(days=30)).date().isoformat())) == {a, b}


def test_index_follows_publish_edit_and_withdraw(client, draft, people):
    assert results(client, q="苹果产业") == []
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.approve(by=people.township_reviewer)
    draft.publish(by=people.county_reviewer)
    assert results(client, q="苹果产业") == [draft]
    draft.title = "远门镇党建引领设施蔬菜发展"
    draft.save_revision(by=people.county_reviewer, base_revision_id=draft.latest_revision_id)
    assert results(client, q="苹果产业") == [] and results(client, q="设施蔬菜") == [draft]
    draft.withdraw(by=people.county_reviewer, reason="数据有误")
    assert results(client, q="设施蔬菜") == []


def test_results_are_paginated(client, county, add_articles):
    add_articles(45)
    response = client.get("/search/", {"q": "党建动态", "page": 3})
    assert response.context["page"].number == 3 and len(response.context["page"].results) == 5


def test_search_page_query_count_is_pinned(client, county, add_articles, django_assert_max_num_queries):
    add_articles(200)
    with django_assert_max_num_queries(8):
        assert client.get("/search/", {"q": "远门镇 党建", "township": "yuanmen"}).status_code == 200


def test_highlighting_never_splits_an_entity_in_a_title(client, county):
    ArticleFactory(
        published=True, column=county.township_news, title='学习<党章> & "两学一做" lt测试', body="<p>学习。</p>"
    )
    html = client.get("/search/", {"q": "lt 学习"}).content.decode()
    assert "&<mark>" not in html and "&amp;<mark>" not in html
    assert "<mark>学习</mark>&lt;党章&gt; &amp; &quot;两学一做&quot; <mark>lt</mark>测试" in html
