"""One page-number parser behind every paginated list: garbage is a 404, never a 500."""

import pytest
from django.http import Http404

pytestmark = pytest.mark.django_db

GARBAGE = ["--1", "---5", "-", "+1", "1-", "1e3", "１", "٣", " 1", "1 ", "0x10", "", "12345678", "--"]


@pytest.mark.parametrize("raw", GARBAGE)
def test_page_number_refuses_anything_but_a_plain_number(raw):
    from articles.pagination import page_number

    with pytest.raises(Http404):
        page_number(raw)


@pytest.mark.parametrize(("raw", "expected"), [(None, 1), ("1", 1), ("7", 7), ("0", 1), ("-3", 1), ("0042", 42)])
def test_page_number_reads_plain_numbers_and_clamps_below_one(raw, expected):
    from articles.pagination import page_number

    assert page_number(raw) == expected


@pytest.fixture
def paged_urls(county, people, add_articles, client):
    add_articles(30)
    return {
        "column": county.township_news.get_absolute_url(),
        "search": "/search/?q=党建",
        "initiative": county.initiative.get_absolute_url(),
        "workspace": "/workspace/?tab=all",
    }


@pytest.mark.parametrize("raw", ["--1", "---5", "-", "1e3"])
@pytest.mark.parametrize("page", ["column", "search", "initiative", "workspace"])
def test_malformed_page_numbers_are_404_on_every_paginated_list(client, people, paged_urls, page, raw):
    if page == "workspace":
        client.force_login(people.county_reviewer)
    url = paged_urls[page]
    response = client.get(url + ("&" if "?" in url else "?") + f"page={raw}")
    assert response.status_code == 404
