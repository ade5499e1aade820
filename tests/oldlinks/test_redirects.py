"""Old addresses followed through the real middleware stack; 最近的404 recorded without a write per request."""

import datetime

import pytest
import time_machine
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oldlinks import notfound
from oldlinks.models import NotFoundPath
from oldlinks.tasks import flush_not_found
from tests.factories import ArticleFactory
from tests.publishing.conftest import redis_cache, redis_server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_buffer():
    notfound.discard()
    yield
    notfound.discard()


def redirect(old, new):
    return Redirect.objects.create(site_id=1, old_path=old, new_path=new)


def test_old_addresses_redirect_permanently(client, county):
    article = ArticleFactory(published=True, column=county.township_news)
    redirect("/news/show.asp?id=12", article.get_absolute_url())
    redirect("/news", "/columns/news/")
    redirect("/新闻/通知.html", "/columns/notices/")

    response = client.get("/news/show.asp?id=12", follow=True)
    assert response.redirect_chain == [(article.get_absolute_url(), 301)] and response.status_code == 200
    assert client.get("/news/show.asp", {"id": "12", "from": "x"}).status_code == 404  # another query: not this page
    assert client.get("/news/").url == "/columns/news/"  # with or without the slash
    assert client.get("/news?utm=1").url == "/columns/news/"  # a path's redirect takes any query
    assert client.get("/%D0%C2%CE%C5/%CD%A8%D6%AA.html").url == "/columns/notices/"  # GBK-encoded
    assert client.get("/%E6%96%B0%E9%97%BB/%E9%80%9A%E7%9F%A5.html").url == "/columns/notices/"
    assert client.post("/news/show.asp?id=12").status_code in (403, 404)  # only reading follows old links


def test_pages_that_answer_pay_nothing(client, county, django_assert_num_queries):
    article = ArticleFactory(published=True, column=county.township_news)
    client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as before:
        client.get(article.get_absolute_url())
    redirect(article.get_absolute_url().rstrip("/"), "/columns/news/")  # never used: the page answers
    with CaptureQueriesContext(connection) as after:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert len(after) == len(before)
    assert not any("django_redirect" in q["sql"] for q in after.captured_queries)


def test_a_404_is_buffered_then_written_by_the_periodic_task(client, county):
    moment = datetime.datetime(2026, 12, 3, 6, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        with CaptureQueriesContext(connection) as queries:
            for _ in range(3):
                assert (
                    client.get("/plus/view.php?aid=7", HTTP_REFERER="https://www.baidu.com/s?wd=x").status_code == 404
                )
        assert not any(q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE")) for q in queries.captured_queries)
        client.get("/wp-admin/setup-config.php")  # a scanner's probe: not recorded
        assert not NotFoundPath.objects.exists()
        flush_not_found.call()
    [row] = NotFoundPath.objects.all()
    assert (row.path, row.hits, row.last_seen, row.referrer) == (
        "/plus/view.php?aid=7",
        3,
        moment,
        "https://www.baidu.com/s?wd=x",
    )
    client.get("/plus/view.php?aid=7")
    flush_not_found.call()
    assert NotFoundPath.objects.get().hits == 4


def test_caps_and_pruning(db):
    for i in range(notfound.MAX_PENDING + 20):
        notfound.record(f"/old/{i}.html")
    assert notfound.flush() == notfound.MAX_PER_FLUSH
    assert NotFoundPath.objects.count() == notfound.MAX_PER_FLUSH
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=91)):
        notfound.record("/later.html")
        notfound.flush()
    assert list(NotFoundPath.objects.values_list("path", flat=True)) == ["/later.html"]


def test_redis_holds_the_sightings_and_its_outage_still_serves_the_404_page(client, county, redis_cache):  # noqa: F811
    client.get("/old/a.html")
    client.get("/old/a.html")
    assert redis_cache.client().hgetall("dangjian:1:" + notfound.HITS_KEY) == {b"/old/a.html": b"2"}
    assert notfound.flush() == 1 and NotFoundPath.objects.get().hits == 2
    assert not redis_cache.client().exists("dangjian:1:" + notfound.HITS_KEY)

    redis_cache.stop()
    response = client.get("/old/b.html")
    assert response.status_code == 404 and "您访问的页面不存在" in response.content.decode()
    redirect("/old/c.html", "/columns/news/")
    assert client.get("/old/c.html").status_code == 301  # redirects need no Redis
    assert notfound.flush() == 1  # from this process's buffer
    assert NotFoundPath.objects.get(path="/old/b.html").hits == 1


def test_the_site_row_follows_site_url(db, settings):
    from urllib.parse import urlsplit

    from oldlinks.apps import sync_site

    assert Site.objects.get_current().domain == urlsplit(settings.SITE_URL).netloc  # set when the tests migrated
    settings.SITE_URL = "https://dj.yunxi.gov.cn"
    sync_site(sender=None)  # as after every migrate
    assert Site.objects.get_current().domain == "dj.yunxi.gov.cn"
