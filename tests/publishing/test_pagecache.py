"""The page cache, through real requests: hits, precise invalidation, conditional GETs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from siteprofile.models import SiteProfile
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what happens after commit (cache invalidation listens there), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def live(draft, people, committed):
    """The draft, published through the workflow."""
    with committed():
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    return draft


def test_second_anonymous_request_is_served_from_the_cache(client, live):
    for url in ["/", "/columns/township-news/", live.get_absolute_url(), "/townships/yuanmen/", "/initiatives/"]:
        first, first_queries = queries(client, url)
        second, second_queries = queries(client, url)
        assert first.status_code == second.status_code == 200, url
        assert first_queries > 0 and second_queries == 0, url
        assert first.content == second.content


def test_publishing_refreshes_exactly_the_pages_that_show_it(client, live, people, county, committed):
    other_column_page = client.get("/columns/notices/")  # nothing there: 404, not cached
    column_page = client.get("/columns/township-news/").content.decode()
    township_list = client.get("/townships/").content.decode()
    article = ArticleFactory(column=county.township_news, township=county.township, title="新发布的稿件")
    with committed():
        article.save_revision(by=people.editor)
        article.submit(by=people.editor, confidentiality_confirmed=True)
        article.approve(by=people.township_reviewer)
    assert "新发布的稿件" not in client.get("/columns/township-news/").content.decode()  # not yet public
    with committed():
        article.publish(by=people.county_reviewer)
    assert "新发布的稿件" in client.get("/columns/township-news/").content.decode()
    assert "新发布的稿件" in client.get("/").content.decode()
    assert "新发布的稿件" in client.get(live.get_absolute_url()).content.decode()  # 上一篇 / 相关新闻
    assert "新发布的稿件" in client.get("/townships/yuanmen/").content.decode()
    _, cached = queries(client, "/townships/")
    assert cached == 0 and "新发布的稿件" not in township_list  # the township index does not show articles
    assert other_column_page.status_code == 404 and column_page


def test_withdrawal_is_seen_at_once(client, live, people, committed):
    assert client.get(live.get_absolute_url()).status_code == 200
    assert live.title in client.get("/columns/township-news/").content.decode()
    with committed():
        live.withdraw(by=people.county_reviewer, reason="数据有误")
    assert client.get(live.get_absolute_url()).status_code == 410
    assert live.title not in client.get("/").content.decode()


def test_editing_a_live_article_refreshes_its_page(client, live, people, committed):
    client.get(live.get_absolute_url())
    client.get("/columns/township-news/")
    live.title = "更正后的标题"
    with committed():
        live.save_revision(by=people.county_reviewer, base_revision_id=live.latest_revision_id)
    assert "更正后的标题" in client.get(live.get_absolute_url()).content.decode()
    assert "更正后的标题" in client.get("/columns/township-news/").content.decode()


def test_site_profile_change_reaches_every_cached_page(client, live):
    client.get("/")
    client.get(live.get_absolute_url())
    profile = SiteProfile.current()
    profile.website_code = "6104229999"
    profile.save()
    assert "6104229999" in client.get("/").content.decode()
    assert "6104229999" in client.get(live.get_absolute_url()).content.decode()


def test_staff_with_a_session_always_see_the_live_site(client, live, people):
    client.get("/")
    client.force_login(people.editor)
    _, count = queries(client, "/")
    assert count > 0


def test_etag_and_last_modified_give_304(client, live):
    first = client.get(live.get_absolute_url())
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    again = client.get(live.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get("/columns/township-news/")
    assert client.get("/columns/township-news/", HTTP_IF_MODIFIED_SINCE=since["Last-Modified"]).status_code == 304


def test_tracking_parameters_do_not_split_the_cache(client, live):
    client.get("/columns/township-news/")
    _, count = queries(client, "/columns/township-news/?utm_source=wechat&from=timeline")
    assert count == 0


def test_cached_article_pages_still_count_every_view(client, live):
    from articles import viewcounts

    for _ in range(3):
        client.get(live.get_absolute_url())
    assert viewcounts.pending(live.pk) == 3


def test_a_page_this_process_has_served_is_still_refreshed_by_an_edit(client, live, people, committed):
    for _ in range(3):  # stored, then copied into this process, then served from the copy
        client.get(live.get_absolute_url())
    live.title = "再次更正的标题"
    with committed():
        live.save_revision(by=people.county_reviewer, base_revision_id=live.latest_revision_id)
    assert "再次更正的标题" in client.get(live.get_absolute_url()).content.decode()


def test_after_the_shared_cache_is_flushed_no_process_serves_its_old_copy(client, live):
    from django.core.cache import cache

    from articles.models import Article

    cache.clear()  # a fresh cache: none of the page's tags has been changed yet
    for _ in range(3):
        client.get(live.get_absolute_url())
    Article.objects.filter(pk=live.pk).update(title="清空缓存后的标题")  # behind the cache's back
    cache.clear()
    assert "清空缓存后的标题" in client.get(live.get_absolute_url()).content.decode()


def test_each_hit_gets_a_response_of_its_own(client, live):
    client.get(live.get_absolute_url())
    first, second = client.get(live.get_absolute_url()), client.get(live.get_absolute_url())
    assert first is not second and first.content == second.content
    first["X-Probe"] = "1"
    assert not second.has_header("X-Probe")


def test_a_column_shown_or_hidden_by_publishing_changes_the_menu_of_every_cached_page(
    client, live, people, county, committed
):
    from tests.factories import ColumnFactory

    reports = ColumnFactory(slug="work-reports", name="工作报告", parent=None)  # empty, so hidden
    pages = ["/", "/columns/township-news/", live.get_absolute_url(), "/townships/yuanmen/"]
    for url in pages:
        assert 'href="/columns/work-reports/"' not in client.get(url).content.decode(), url
    report = ArticleFactory(column=reports, township=county.township, title="远门镇2026年党建工作总结")
    with committed():
        report.save_revision(by=people.editor)
        report.submit(by=people.editor, confidentiality_confirmed=True)
        report.approve(by=people.township_reviewer)
        report.publish(by=people.county_reviewer)
    for url in pages:
        assert 'href="/columns/work-reports/"' in client.get(url).content.decode(), url
    with committed():
        report.withdraw(by=people.county_reviewer, reason="数据待核实")
    for url in pages:
        assert 'href="/columns/work-reports/"' not in client.get(url).content.decode(), url


def test_new_code_does_not_serve_what_old_code_cached(tmp_path):
    from core.pagecache import code_fingerprint

    for folder in ("templates", "articles/tests", "public"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "templates" / "base.html").write_text("<footer>旧页脚</footer>")
    (tmp_path / "articles" / "views.py").write_text("X = 1\n")

    def fingerprint():
        return code_fingerprint(tmp_path, ["articles", "templates"])

    before = fingerprint()
    (tmp_path / "articles" / "tests" / "test_x.py").write_text("assert True\n")  # tests do not render pages
    (tmp_path / "public" / "index.html").write_text("<p>静态导出</p>")  # nor does a static export
    assert fingerprint() == before
    (tmp_path / "templates" / "base.html").write_text("<footer>新页脚</footer>")
    after = fingerprint()
    assert after != before
    moved = tmp_path / "elsewhere"  # another server's checkout, in another folder: the same code
    moved.mkdir()
    for folder in ("articles", "templates"):
        (tmp_path / folder).rename(moved / folder)
    assert code_fingerprint(moved, ["articles", "templates"]) == after


def test_a_hit_is_answered_before_the_rest_of_the_middleware(client, live, settings):
    from tests.publishing import counting_middleware

    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "tests.publishing.counting_middleware.CountingMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    counting_middleware.seen.clear()
    url = live.get_absolute_url()
    miss, hit = client.get(url), client.get(url)
    assert counting_middleware.seen == [url]  # the hit never reached the stack
    assert hit.content == miss.content


def test_a_hit_carries_the_headers_the_stack_gave_the_page(client, live):
    url = live.get_absolute_url()
    miss, hit = client.get(url), client.get(url)
    names = ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "ETag"]
    assert all(miss.has_header(name) for name in names)
    assert {name: hit[name] for name in names} == {name: miss[name] for name in names}


def test_a_hit_still_refuses_a_host_that_is_not_allowed(client, live):
    url = live.get_absolute_url()
    client.get(url)
    assert client.get(url, HTTP_HOST="evil.example").status_code == 400


def test_a_hit_over_plain_http_is_still_sent_to_https(client, live, settings):
    settings.SECURE_SSL_REDIRECT = True  # read when the client's handler first loads the middleware
    url = live.get_absolute_url()
    client.get(url, secure=True)
    response = client.get(url)
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client.get(url, secure=True).status_code == 200
