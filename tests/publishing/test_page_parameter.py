"""?page= splits the cache only where a page uses it: lists that paginate, within their real range."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pages(add_articles):
    add_articles(30)  # 乡镇动态 gets 22 of them: two pages of 20


def test_pages_that_do_not_paginate_keep_one_entry_whatever_page_is_asked(client, redis_cache, two_pages):
    for url in ["/", "/townships/yuanmen/", "/townships/"]:
        before = len(redis_cache.page_keys())
        first = client.get(url)
        for n in range(2, 60):
            assert client.get(f"{url}?page={n}").content == first.content
        assert len(redis_cache.page_keys()) == before + 1, url


def test_lists_cache_each_real_page_and_nothing_beyond(client, redis_cache, two_pages):
    url = "/columns/township-news/"
    first, second = client.get(url), client.get(url + "?page=2")
    assert first.content != second.content
    assert client.get(url).content == first.content and client.get(url + "?page=2").content == second.content
    assert len(redis_cache.page_keys()) == 2
    for n in range(3, 60):  # clamped to the last page: shown, never stored
        assert client.get(f"{url}?page={n}").content == second.content
    assert len(redis_cache.page_keys()) == 2


def test_a_cached_page_is_served_for_a_page_number_it_ignores(
    client, redis_cache, two_pages, django_assert_num_queries
):
    client.get("/")
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/?page=7").status_code == 200
