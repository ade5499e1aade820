"""A page-cache hit of an article this process has served is one Redis round trip: the tag versions
and the view count travel together, and every view is still counted exactly once."""

import pytest

from articles import viewcounts

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(draft, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    return draft


def replies_sent(connection):
    """How many times the server has written to its clients (one per round trip it answered)."""
    return int(connection.info("stats")["total_writes_processed"])


def test_a_hit_from_this_process_costs_one_round_trip_and_counts_the_view(client, redis_cache, live):
    url = live.get_absolute_url()
    client.get(url)  # rendered and stored
    client.get(url)  # a hit from the shared cache, now copied into this process
    stats = redis_cache.client()
    before = replies_sent(stats) + 1  # the INFO call itself is answered once
    response = client.get(url)
    assert response.status_code == 200
    assert replies_sent(stats) - before == 1
    assert viewcounts.pending(live.pk) == 3


def test_a_stale_copy_renders_the_page_and_still_counts_the_view_once(
    client, redis_cache, live, people, django_capture_on_commit_callbacks
):
    url = live.get_absolute_url()
    client.get(url)
    client.get(url)
    live.title = "更正后的标题"
    with django_capture_on_commit_callbacks(execute=True):
        live.save_revision(by=people.county_reviewer, base_revision_id=live.latest_revision_id)
    assert "更正后的标题" in client.get(url).content.decode()  # the process's copy was stale
    assert viewcounts.pending(live.pk) == 3
