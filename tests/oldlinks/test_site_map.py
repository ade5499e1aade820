"""网站地图 for people: the column tree, townships and 党建+ topics, linked from every footer; cached; exported."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ColumnFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 4  # site profile, column tree, townships, initiatives


def test_the_page_lists_every_visible_column_township_and_initiative(client, county):
    ArticleFactory(published=True, column=county.township_news)
    ArticleFactory(published=True, column=county.notices)
    empty = ColumnFactory(slug="empty", name="空栏目")  # nothing published: hidden, as in the menu
    html = client.get("/sitemap/").content.decode()
    assert '<span aria-current="page">网站地图</span>' in html  # the breadcrumb
    for path, name in [
        ("/columns/news/", "新闻中心"),
        ("/columns/township-news/", "乡镇动态"),
        ("/columns/notices/", "通知公告"),
        ("/townships/yuanmen/", "远门镇"),
        ("/initiatives/public-safety/", "党建+平安建设"),
        ("/sitemap.xml", "供搜索引擎使用的网站地图（XML）"),
    ]:
        assert f'<a href="{path}">{name}</a>' in html
    assert empty.name not in html.split('class="site-map"')[1]
    # Sub-columns sit under their parent.
    tree = html.split('id="site-map-columns"')[1].split("</section>")[0]
    assert tree.index("新闻中心") < tree.index("<ul>") < tree.index("乡镇动态")


def test_the_footer_links_the_page_and_the_xml_stays_for_crawlers(client, county):
    ArticleFactory(published=True, column=county.township_news)
    assert '<a href="/sitemap/">网站地图</a>' in client.get("/").content.decode()
    xml = client.get("/sitemap.xml")
    assert xml["Content-Type"].startswith("application/xml") and "/sitemap/</loc>" in xml.content.decode()


def test_query_count_is_pinned_and_the_page_is_cached(client, county, add_articles, settings):
    from django.core.cache import cache

    add_articles(40)
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/sitemap/").status_code == 200
    assert len(cold) <= MAX_QUERIES, [q["sql"] for q in cold.captured_queries]
    settings.PAGE_CACHE = True
    client.get("/sitemap/")
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/sitemap/").status_code == 200
    assert len(warm) == 0
    county.township.name = "远门镇（新）"
    county.township.save()  # a renamed township shows at once
    assert "远门镇（新）" in client.get("/sitemap/").content.decode()


def test_the_static_export_writes_it(county, tmp_path):
    from publishing.static_export import export_all

    ArticleFactory(published=True, column=county.township_news)
    export_all(tmp_path, with_static=False)
    assert "乡镇动态" in (tmp_path / "sitemap" / "index.html").read_text()
