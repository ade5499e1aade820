"""End dates (公示期, 定时下线): the worker ends an item, lists mark or hide it as its column chooses, the page
stays readable under a banner, and an ended item no longer counts as a column's update."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, AuditEntry, Column
from articles.tasks import end_due_articles
from inspection import rules
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ZONE = timezone.get_default_timezone()
NOW = timezone.make_aware(datetime.datetime(2026, 5, 10, 9, 0), ZONE)
TITLE = "关于远门镇党组织书记拟任人选的公示"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def notice(county):
    """A 公示 in 通知公告, published an hour before NOW, its 公示期 ending a week later."""
    return ArticleFactory(
        column=county.notices,
        township=county.township,
        title=TITLE,
        status=Article.Status.PUBLISHED,
        published_at=NOW - datetime.timedelta(hours=1),
        ends_at=NOW + datetime.timedelta(days=7),
    )


def end_it(committed, days=8):
    """Run the periodic task after the 公示期 (the tests' task backend runs it at once)."""
    with time_machine.travel(NOW + datetime.timedelta(days=days), tick=False), committed():
        result = end_due_articles.enqueue()
    return result.return_value


def hide_ended(column):
    Column.objects.filter(pk=column.pk).update(ended_items=Column.EndedItems.HIDE)


def test_the_periodic_task_ends_an_item_once_its_end_time_has_passed(notice, committed, settings):
    assert {"task": "articles.tasks.end_due_articles", "every": "minute"} in settings.PERIODIC_TASKS
    with time_machine.travel(NOW + datetime.timedelta(days=6), tick=False), committed():
        assert end_due_articles.enqueue().return_value == 0  # still in its 公示期
    notice.refresh_from_db()
    assert notice.ended_at is None and not notice.has_ended

    assert end_it(committed) == 1
    notice.refresh_from_db()
    assert notice.has_ended and notice.ended_at == NOW + datetime.timedelta(days=8)
    entry = notice.audit.get(action=AuditEntry.Action.ENDED)
    assert entry.get_action_display() == "到期结束" and entry.actor_role == "定时任务"
    assert notice.status == Article.Status.PUBLISHED  # ended is not withdrawn: the page stays public

    # A rerun (or a second worker) ends nothing twice.
    assert end_it(committed, days=9) == 0
    assert notice.end_when_due(now=NOW + datetime.timedelta(days=9)) is False
    assert notice.audit.filter(action=AuditEntry.Action.ENDED).count() == 1
    notice.refresh_from_db()
    assert notice.ended_at == NOW + datetime.timedelta(days=8)


def test_items_without_an_end_or_not_public_are_left_alone(county, committed):
    running = ArticleFactory(column=county.notices, published=True)
    draft = ArticleFactory(column=county.notices, ends_at=NOW - datetime.timedelta(days=1))
    assert end_it(committed) == 0
    assert not Article.objects.filter(pk__in=[running.pk, draft.pk], ended_at__isnull=False).exists()


def test_a_marking_column_keeps_the_item_listed_as_ended_and_its_page_shows_the_banner(client, notice, committed):
    assert notice.column.ended_items == Column.EndedItems.MARK  # the default
    end_it(committed)

    column_page = client.get("/columns/notices/").content.decode()
    assert TITLE in column_page
    assert '<span class="tag tag--ended">已结束</span>' + TITLE in column_page
    assert '<span class="tag tag--ended">已结束</span>' in client.get("/townships/yuanmen/").content.decode()

    page = client.get(notice.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert (
        '<p class="article__ended"><strong>已结束</strong> 本条信息已于 <time datetime="2026-05-18T09:00:00+08:00">'
        in html
    )
    assert "2026年5月18日 09:00</time> 到期结束，仅供查阅。" in html
    assert TITLE in client.get("/feed/").content.decode()


def test_a_hiding_column_drops_the_item_from_lists_feeds_and_sitemap_but_keeps_its_page(
    client, notice, county, committed
):
    other = ArticleFactory(column=county.notices, title="关于开展党员冬训的通知", published=True)
    hide_ended(county.notices)
    urls = ["/", "/columns/notices/", "/columns/news/", "/townships/yuanmen/", "/feed/", "/columns/notices/feed/"]
    urls += ["/townships/yuanmen/feed/"]
    assert all(TITLE in client.get(url).content.decode() for url in urls)
    assert notice.get_absolute_url() in client.get("/sitemap.xml").content.decode()

    end_it(committed)

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert TITLE not in response.content.decode(), url
    assert other.title in client.get("/columns/notices/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert notice.get_absolute_url() not in sitemap and other.get_absolute_url() in sitemap
    assert Article.objects.listed().filter(pk=notice.pk).count() == 0
    # Not in 上一篇/下一篇 of its neighbour either; its own page is still there, with the banner.
    assert TITLE not in client.get(other.get_absolute_url()).content.decode()
    page = client.get(notice.get_absolute_url())
    assert page.status_code == 200 and "到期结束，仅供查阅" in page.content.decode()


def test_an_ended_item_does_not_count_as_an_update(notice, county, committed):
    states = {s.slug: s for s in rules.column_states(NOW)}
    assert states["notices"].last_published == notice.published_at

    end_it(committed)

    later = NOW + datetime.timedelta(days=8)
    states = {s.slug: s for s in rules.column_states(later)}
    assert states["notices"].last_published is None and states["notices"].published == 1
    home = next(r for r in rules.inspect(now=later).rules if r.id == "home_updated")
    assert home.detail == "首页栏目没有任何信息"


def test_ending_refreshes_the_cached_pages(client, notice, committed, settings):
    """The column page is cached; only the article_changed signal sent on ending can make it show 「已结束」."""
    settings.PAGE_CACHE = True
    assert "tag--ended" not in client.get("/columns/notices/").content.decode()
    assert "article__ended" not in client.get(notice.get_absolute_url()).content.decode()

    end_it(committed)

    assert "tag--ended" in client.get("/columns/notices/").content.decode()
    assert "article__ended" in client.get(notice.get_absolute_url()).content.decode()


def form_data(article, **changes):
    data = {
        "title": article.title,
        "column": article.column_id,
        "township": article.township_id or "",
        "source": article.source,
        "authors": article.authors,
        "editor": article.editor,
        "summary": article.summary,
        "body": article.body,
        "base_revision": article.latest_revision_id or "",
    }
    return data | changes


def test_the_form_refuses_an_end_time_in_the_past(client, draft, people):
    client.force_login(people.editor)
    url = f"/workspace/articles/{draft.pk}/edit/"
    form = client.get(url).content.decode()
    assert 'type="datetime-local" name="ends_at"' in form and "结束时间" in form

    refused = client.post(url, form_data(draft, ends_at="2020-01-01T08:00"))
    assert refused.status_code == 200
    assert "结束时间不能早于当前时间。" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.ends_at is None

    later = timezone.localtime() + datetime.timedelta(days=7)
    assert client.post(url, form_data(draft, ends_at=later.strftime("%Y-%m-%dT%H:%M"))).status_code == 302
    draft.refresh_from_db()
    assert draft.ends_at == later.replace(second=0, microsecond=0)


def test_the_end_must_follow_the_publication(notice):
    notice.ends_at = notice.published_at - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        notice.full_clean()
    assert "结束时间必须晚于发布时间" in str(refused.value.message_dict["ends_at"])


def test_moving_the_end_later_reopens_the_item(client, notice, people, committed):
    notice.save_revision(by=people.county_reviewer)
    end_it(committed)
    notice.refresh_from_db()
    assert notice.has_ended

    client.force_login(people.county_reviewer)
    url = f"/workspace/articles/{notice.pk}/edit/"
    kept = timezone.localtime(notice.ends_at).strftime("%Y-%m-%dT%H:%M")  # already past (2026-05-17)
    unchanged = client.post(url, form_data(notice, title=TITLE + "（更正）", ends_at=kept))
    assert unchanged.status_code == 302  # the past 结束时间 it already had is not refused
    notice.refresh_from_db()
    assert notice.has_ended

    later = timezone.localtime() + datetime.timedelta(days=3)
    with committed():
        response = client.post(url, form_data(notice, ends_at=later.strftime("%Y-%m-%dT%H:%M")))
    assert response.status_code == 302
    notice.refresh_from_db()
    assert not notice.has_ended and notice.ends_at == later.replace(second=0, microsecond=0)
    assert "tag--ended" not in client.get("/columns/notices/").content.decode()


def test_the_end_time_is_kept_in_revisions_and_restored(draft, people):
    ends = timezone.make_aware(datetime.datetime(2026, 12, 31, 18, 0), ZONE)
    draft.ends_at = ends
    first = draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    assert first.data["ends_at"] == ends.isoformat()
    draft.ends_at = None
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)

    draft.restore_revision(first, by=people.editor)
    draft.refresh_from_db()
    assert draft.ends_at == ends
    assert draft.latest_revision.data["ends_at"] == ends.isoformat()


def test_the_admin_shows_the_end_time_under_publishing_and_the_column_choice(admin_client, notice, committed):
    end_it(committed)
    page = admin_client.get(f"/admin/articles/article/{notice.pk}/change/").content.decode()
    assert 'name="ends_at_0"' in page or 'name="ends_at"' in page
    assert "到期结束时间" in page
    column_page = admin_client.get(f"/admin/articles/column/{notice.column_id}/change/").content.decode()
    assert "到期后" in column_page and "不再列出" in column_page
