import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Column
from tests.factories import ArticleFactory, ColumnFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>正文</p><script>alert(1)</script>", "<script"),
        ('<p><img src="x.png" onerror="alert(1)"></p>', "onerror"),
        ('<p><a href="javascript:alert(1)">链接</a></p>', "javascript:"),
        ('<iframe src="https://example.com"></iframe><p>正文</p>', "<iframe"),
        ('<p style="background:url(javascript:alert(1))">正文</p>', "style="),
    ],
)
def test_body_is_sanitised_on_every_save_not_only_in_forms(dirty, forbidden):
    article = ArticleFactory(body=dirty)
    article.refresh_from_db()
    assert forbidden not in article.body


def test_allowed_formatting_survives_sanitising():
    html = (
        "<h2>一、主要工作</h2><p><strong>加粗</strong><em>强调</em></p><ul><li>一项</li></ul>"
        "<table><tbody><tr><td>监控点位</td><td>114</td></tr></tbody></table>"
        '<figure><img src="/media/a.jpg" alt="党员活动"><figcaption>图注</figcaption></figure>'
        '<p><a href="https://www.gov.cn/">链接</a></p>'
    )
    article = ArticleFactory(body=html)
    article.refresh_from_db()
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        "<ul>",
        "<table>",
        "<td>114</td>",
        "<figure>",
        'alt="党员活动"',
        "<figcaption>",
        'href="https://www.gov.cn/"',
    ):
        assert kept in article.body


def test_published_excludes_drafts_withdrawn_and_scheduled_items():
    column = ColumnFactory()
    live = ArticleFactory(column=column, published=True)
    ArticleFactory(column=column)
    ArticleFactory(column=column, status=Article.Status.WITHDRAWN, published_at=timezone.now())
    ArticleFactory(column=column, status=Article.Status.SCHEDULED)
    assert list(Article.objects.published()) == [live]
    assert live.is_public


def test_neighbours_are_the_newer_and_older_items_of_the_same_column():
    column, other = ColumnFactory(), ColumnFactory()
    now = timezone.now()
    oldest = ArticleFactory(column=column, published=True, published_at=now - datetime.timedelta(days=3))
    middle = ArticleFactory(column=column, published=True, published_at=now - datetime.timedelta(days=2))
    ArticleFactory(column=other, published=True, published_at=now - datetime.timedelta(days=1, hours=12))
    ArticleFactory(column=column, published_at=now - datetime.timedelta(days=1, hours=6))  # a draft
    newest = ArticleFactory(column=column, published=True, published_at=now - datetime.timedelta(days=1))
    assert middle.neighbours() == (newest, oldest)
    assert newest.neighbours() == (None, middle)
    assert oldest.neighbours() == (middle, None)


def test_neighbours_of_items_published_in_the_same_minute_follow_their_ids():
    column = ColumnFactory()
    moment = timezone.now() - datetime.timedelta(hours=1)
    first, second, third = (ArticleFactory(column=column, published=True, published_at=moment) for _ in range(3))
    assert second.neighbours() == (third, first)


def test_visible_columns_hide_those_with_nothing_published():
    parent = ColumnFactory()
    child = ColumnFactory(parent=parent)
    empty = ColumnFactory()
    ArticleFactory(column=child, published=True)
    ArticleFactory(column=empty)
    assert set(Column.objects.visible()) == {parent, child}


def test_headline_needs_a_cover():
    from django.core.exceptions import ValidationError

    article = ArticleFactory.build(column=ColumnFactory(), is_headline=True)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "is_headline" in error.value.message_dict


def test_excerpt_falls_back_to_the_body_text():
    article = ArticleFactory.build(summary="", body="<p>远门镇<strong>坚持</strong>党建引领。</p>")
    assert article.excerpt == "远门镇坚持党建引领。"
