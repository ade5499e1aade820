import datetime
from urllib.parse import urlsplit

import feedparser
import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_site_feed_lists_published_articles_with_dates_and_links(client, county, settings):
    moment = datetime.datetime(2025, 3, 2, 1, 21, tzinfo=datetime.UTC)
    article = ArticleFactory(published=True, column=county.township_news, published_at=moment, title="党建引领聚合力")
    draft = ArticleFactory(column=county.township_news, title="未发布的草稿")
    feed = parse(client, "/feed/")
    [entry] = feed.entries
    assert entry.title == "党建引领聚合力" and draft.title not in str(feed)
    # Links name the site's public address (the Site row follows SITE_URL), whatever Host the request came with.
    assert entry.link == "http://" + urlsplit(settings.SITE_URL).netloc + article.get_absolute_url()
    assert datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC) == moment


def test_column_township_and_initiative_feeds(client, county):
    in_both = ArticleFactory(
        published=True, column=county.township_news, township=county.township, initiatives=[county.initiative]
    )
    notice = ArticleFactory(published=True, column=county.notices)
    assert [e.title for e in parse(client, "/columns/township-news/feed/").entries] == [in_both.title]
    assert {e.title for e in parse(client, "/columns/news/feed/").entries} == {in_both.title, notice.title}
    assert [e.title for e in parse(client, "/townships/yuanmen/feed/").entries] == [in_both.title]
    assert [e.title for e in parse(client, "/initiatives/public-safety/feed/").entries] == [in_both.title]
    assert client.get("/columns/nope/feed/").status_code == 404


def test_pages_link_their_feeds(client, county):
    article = ArticleFactory(published=True, column=county.township_news, township=county.township)
    for url, feed in [
        ("/", "/feed/"),
        ("/columns/township-news/", "/columns/township-news/feed/"),
        ("/townships/yuanmen/", "/townships/yuanmen/feed/"),
        ("/initiatives/public-safety/", "/initiatives/public-safety/feed/"),
        (article.get_absolute_url(), "/columns/township-news/feed/"),
    ]:
        assert 'type="application/rss+xml"' in client.get(url).content.decode()
        assert f'href="{feed}"' in client.get(url).content.decode(), url
