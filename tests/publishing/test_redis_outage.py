"""Redis is a cache only: stopped, the site serves every page uncached and staff can sign in; started
again, the cache is used again without a restart, and nothing stored before the outage is served."""

import logging
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(draft, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    return draft


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def wait_for_retry():
    time.sleep(redis_cache.RETRY_SECONDS + 0.2)


def test_pages_and_staff_login_work_while_redis_is_down_and_the_cache_returns_by_itself(
    client, redis_cache, live, people, caplog
):
    urls = ["/", "/columns/township-news/", live.get_absolute_url(), "/townships/yuanmen/", "/accounts/login/"]
    for url in urls:
        client.get(url)
    assert redis_cache.page_keys()  # the pages are cached in Redis

    redis_cache.stop()
    caplog.set_level(logging.WARNING)
    caplog.clear()
    statuses = [client.get(url).status_code for _ in range(10) for url in urls]
    login = client.post("/accounts/login/", {"username": people.editor.username, "password": "Yunxi@2026"})
    assert login.status_code == 302 and login.url == "/workspace/"
    assert client.get("/workspace/").status_code == 200
    client = Client()  # anonymous again

    assert statuses == [200] * len(statuses)
    # One warning for the whole outage, not a traceback per request.
    assert [r.name for r in caplog.records] == ["core.redis_cache"]
    assert "unavailable" in caplog.records[0].getMessage() and not caplog.records[0].exc_info

    redis_cache.start()
    wait_for_retry()
    first, first_queries = queries(client, "/columns/township-news/")
    second, second_queries = queries(client, "/columns/township-news/")
    assert first.status_code == second.status_code == 200
    assert first_queries > 0 and second_queries == 0  # served from Redis again, no restart
    assert redis_cache.page_keys()


def test_nothing_cached_before_an_outage_is_served_after_it(client, redis_cache, live, people):
    """A withdrawal made while Redis was unreachable could not bump its tags; a Redis that kept its
    data (here: saved, restarted, loaded) must still not serve the withdrawn article's old page."""
    url = live.get_absolute_url()
    for _ in range(2):  # the second also leaves this process its own copy
        assert live.title in client.get(url).content.decode()
    assert live.title in client.get("/columns/township-news/").content.decode()
    redis_cache.client().save()
    redis_cache.stop()

    live.withdraw(by=people.county_reviewer, reason="内容有误")  # its invalidation cannot reach Redis
    assert client.get(url).status_code == 410

    redis_cache.start()  # loads the saved data: the old pages are still in it
    assert redis_cache.page_keys()
    wait_for_retry()
    assert client.get(url).status_code == 410
    assert live.title not in client.get("/columns/township-news/").content.decode()


def test_a_redis_that_fails_briefly_costs_one_miss_not_a_wait(settings, redis_cache):
    """While down, calls answer at once as misses (no connect attempt per call)."""
    from django.core.cache import cache

    cache.set("k", "v")
    redis_cache.stop()
    started = time.monotonic()
    assert [cache.get("k") for _ in range(200)] == [None] * 200
    assert cache.add("k", "w") is False and cache.set_many({"a": 1}) == ["a"]
    with pytest.raises(ValueError):
        cache.incr("k")
    assert time.monotonic() - started < redis_cache_retry_budget()
    redis_cache.start()
    wait_for_retry()
    cache.set("k", "again")
    assert cache.get("k") == "again"


def redis_cache_retry_budget():
    return redis_cache.RETRY_SECONDS  # 200 calls while down take less than one retry interval
