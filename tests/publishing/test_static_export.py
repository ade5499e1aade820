"""publish_static writes the public site as files; later changes rewrite only what they touch."""

import pytest
from django.core.management import call_command

from publishing import static_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def out(tmp_path, settings):
    settings.STATIC_EXPORT_DIR = str(tmp_path / "site")
    return tmp_path / "site"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def read(out, relative):
    return (out / relative).read_text(encoding="utf-8")


def test_publish_static_writes_every_public_page(out, county, add_articles, capsys):
    articles = add_articles(30)  # 22 in 乡镇动态: two pages
    call_command("publish_static", str(out))
    assert "已生成" in capsys.readouterr().out
    assert "您现在的位置" not in read(out, "index.html") and "乡镇动态" in read(out, "index.html")
    assert (out / "columns/township-news/index.html").exists()
    assert (out / "columns/township-news/page-2.html").exists()
    assert (out / "columns/news/page-2.html").exists()
    assert not (out / "columns/notices/page-2.html").exists()
    for article in articles:
        assert article.title in read(out, f"articles/{article.pk}/index.html")
    assert (out / "townships/yuanmen/index.html").exists() and (out / "initiatives/public-safety/index.html").exists()
    assert "<urlset" in read(out, "sitemap.xml") and "Sitemap:" in read(out, "robots.txt")
    assert "<rss" in read(out, "feed/index.xml") and "<rss" in read(out, "columns/township-news/feed/index.xml")
    assert (out / "static/css/site.css").exists() and (out / "static/js/site.js").exists()


def test_static_article_pages_report_their_views(out, county, add_articles):
    [article] = add_articles(1)
    static_export.export_all(out, with_static=False)
    assert f'data-hit-url="/articles/{article.pk}/views/"' in read(out, f"articles/{article.pk}/index.html")


def test_publish_and_withdraw_rewrite_only_the_pages_they_touch(out, draft, people, county, add_articles, committed):
    older = add_articles(3)
    static_export.export_all(out, with_static=False)
    untouched = out / "initiatives/index.html"  # shows no articles
    before = untouched.stat().st_mtime_ns

    with committed():
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    assert draft.title in read(out, f"articles/{draft.pk}/index.html")
    assert draft.title in read(out, "columns/township-news/index.html")
    assert draft.title in read(out, "index.html")
    assert draft.title in read(out, "feed/index.xml")
    # 上一篇 of the newest older article in the same column now names the new one.
    neighbour = max((a for a in older if a.column_id == draft.column_id), key=lambda a: a.published_at)
    assert draft.title in read(out, f"articles/{neighbour.pk}/index.html")

    with committed():
        draft.withdraw(by=people.county_reviewer, reason="数据有误")
    assert not (out / f"articles/{draft.pk}/index.html").exists()  # nginx falls back to Django: 410
    assert draft.title not in read(out, "columns/township-news/index.html")
    assert draft.title not in read(out, "index.html")
    assert untouched.stat().st_mtime_ns == before


def test_a_column_that_shrinks_leaves_no_stale_page_files(out, county, add_articles, people, committed):
    articles = add_articles(24)  # 18 in 乡镇动态 -> one page; news has 24 -> two pages
    static_export.export_all(out, with_static=False)
    assert (out / "columns/news/page-2.html").exists()
    from articles.models import Article

    victims = [a for a in articles if a.column_id == county.notices.pk][:5]
    for victim in victims:
        Article.objects.filter(pk=victim.pk).update(status=Article.Status.WITHDRAWN)
        victim.refresh_from_db()
        static_export.update_for_article(victim)
    assert not (out / "columns/news/page-2.html").exists()
    assert not (out / f"articles/{victims[0].pk}/index.html").exists()
