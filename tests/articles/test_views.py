import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import ArticleFactory, ColumnFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


def public_urls(county, article):
    return {
        "home": "/",
        "column": county.news.get_absolute_url(),
        "sub-column": county.township_news.get_absolute_url() + "?page=2",
        "article": article.get_absolute_url(),
        "township": county.township.get_absolute_url(),
        "township list": "/townships/",
        "initiative": county.initiative.get_absolute_url(),
        "initiative list": "/initiatives/",
        "sitemap": "/sitemap.xml",
        "site map": "/sitemap/",
    }


def count_queries(client, url):
    from django.contrib.sites.models import Site
    from django.core.cache import cache

    cache.clear()  # measure the cold page: the menu and site profile are fetched too
    Site.objects.clear_cache()  # and the Site row (feeds, sitemap.xml), which a process reads once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_public_page_uses_the_same_few_queries_for_40_or_4000_articles(client, county, add_articles):
    articles = add_articles(40)
    article = articles[20]
    small = {name: count_queries(client, url) for name, url in public_urls(county, article).items()}
    add_articles(3960, start=40)
    large = {name: count_queries(client, url) for name, url in public_urls(county, article).items()}
    assert small == large
    assert max(large.values()) <= MAX_QUERIES, large


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "column",
        "sub-column",
        "article",
        "township",
        "township list",
        "initiative",
        "initiative list",
        "site map",
    ],
)
def test_public_page_query_count_is_pinned(client, county, add_articles, name, django_assert_max_num_queries):
    articles = add_articles(60)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(public_urls(county, articles[30])[name])
    assert response.status_code == 200


def test_article_page_shows_the_county_news_furniture(client, county):
    article = ArticleFactory(
        published=True, column=county.township_news, township=county.township, initiatives=[county.initiative]
    )
    older = ArticleFactory(
        published=True, column=county.township_news, published_at=article.published_at.replace(year=2020)
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "您现在的位置：" in html
    assert 'href="/columns/news/">新闻中心</a>' in html
    assert 'href="/columns/township-news/">乡镇动态</a>' in html
    assert '<span aria-current="page">正文</span>' in html  # the breadcrumb's last step (the skip link also says 正文)
    for label in ("发布时间：", "来源：远门镇党委", "作者：张三 李四", "责任编辑：王五", "浏览次数：", "打印"):
        assert label in html
    assert f'href="{older.get_absolute_url()}" rel="next"' in html  # 下一篇
    assert "上一篇：</span><span>没有了" in html
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html


def test_published_time_is_shown_in_shanghai_time(client, county):
    import datetime

    article = ArticleFactory(
        published=True,
        column=county.township_news,
        published_at=datetime.datetime(2021, 12, 16, 1, 21, tzinfo=datetime.UTC),
    )
    assert "2021年12月16日 09:21" in client.get(article.get_absolute_url()).content.decode()


def test_each_view_adds_one_to_the_view_count_without_a_write_per_view(client, county):
    from articles import viewcounts

    article = ArticleFactory(published=True, column=county.township_news)
    with CaptureQueriesContext(connection) as captured:
        client.get(article.get_absolute_url())
        html = client.get(article.get_absolute_url()).content.decode()
    assert not [q["sql"] for q in captured if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert "浏览次数：<span data-view-count>2</span>" in html  # buffered views are shown at once
    article.refresh_from_db()
    assert article.view_count == 0  # ...but not written per view
    assert viewcounts.flush() == 2
    article.refresh_from_db()
    assert article.view_count == 2


@pytest.mark.parametrize(
    "status",
    [
        Article.Status.DRAFT,
        Article.Status.RETURNED,
        Article.Status.TOWNSHIP_REVIEW,
        Article.Status.COUNTY_REVIEW,
        Article.Status.SCHEDULED,
    ],
)
def test_unpublished_article_is_not_public(client, county, status):
    article = ArticleFactory(column=county.township_news, status=status)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_article_scheduled_in_the_future_is_not_public_yet(client, county):
    import datetime

    from django.utils import timezone

    article = ArticleFactory(column=county.township_news, status=Article.Status.SCHEDULED)
    Article.objects.filter(pk=article.pk).update(scheduled_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_column_with_nothing_published_is_hidden_from_menu_and_answers_404(client, county):
    ArticleFactory(published=True, column=county.township_news)
    ArticleFactory(column=county.notices)  # a draft only
    home = client.get("/").content.decode()
    assert "乡镇动态" in home and "/columns/notices/" not in home
    assert client.get("/columns/notices/").status_code == 404
    assert client.get("/columns/township-news/").status_code == 200


def test_parent_column_lists_its_sub_columns_articles(client, county):
    child_article = ArticleFactory(published=True, column=county.township_news, title="党建引领聚合力 远门发展正当时")
    html = client.get("/columns/news/").content.decode()
    assert child_article.title in html


def test_column_list_pages_by_twenty_with_full_pager(client, county, add_articles):
    add_articles(100)  # 75 land in 乡镇动态
    html = client.get("/columns/township-news/?page=2").content.decode()
    assert html.count('class="news-list__item"') == 20
    for label in ("首页", "上一页", "下一页", "尾页"):
        assert f">{label}</a>" in html
    assert 'aria-current="page" class="pager__current">2</a>' in html
    last = client.get("/columns/township-news/?page=4").content.decode()
    assert last.count('class="news-list__item"') == 15
    assert '<span class="pager__off">尾页</span>' in last


def test_news_list_rows_escape_titles_and_date_in_shanghai_time(client, county):
    import datetime

    article = ArticleFactory(
        published=True,
        column=county.township_news,
        is_pinned=True,
        title='<script>alert("x")</script>远门镇 & 东街社区',
        published_at=datetime.datetime(2025, 12, 31, 17, 30, tzinfo=datetime.UTC),  # 2026-01-01 in Shanghai
    )
    html = client.get("/columns/township-news/").content.decode()
    assert "<script>alert" not in html
    assert (
        f'<a href="/articles/{article.pk}/"><span class="tag tag--pin">置顶</span>'
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;远门镇 &amp; 东街社区</a>"
    ) in html
    assert '<time datetime="2026-01-01T01:30:00+08:00">2026-01-01</time>' in html


def test_pinned_article_leads_its_column(client, county, add_articles):
    add_articles(30)
    pinned = ArticleFactory(published=True, column=county.township_news, is_pinned=True, title="置顶的通知")
    pinned.published_at = pinned.published_at.replace(year=2019)
    pinned.save()
    html = client.get("/columns/township-news/").content.decode()
    assert html.index("置顶的通知") < html.index("远门镇党建动态")


@pytest.mark.parametrize(
    ("query", "expected_status", "expected_page"),
    [
        ("abc", 404, None),
        ("1.5", 404, None),
        ("%00", 404, None),
        ("", 404, None),
        ("-1", 200, 1),
        ("0", 200, 1),
        ("999999", 200, 3),
        ("99999999999999999999", 404, None),
    ],
)
def test_bad_page_numbers_give_404_or_the_nearest_page(
    client, county, add_articles, query, expected_status, expected_page
):
    add_articles(60)  # 45 in 乡镇动态: 3 pages
    response = client.get(f"/columns/township-news/?page={query}")
    assert response.status_code == expected_status
    if expected_page:
        assert response.context["page"].number == expected_page


@pytest.mark.parametrize(
    "path",
    [
        "/columns/no-such-column/",
        "/articles/0/",
        "/articles/99999999999999999999999999/",
        "/townships/nowhere/",
        "/initiatives/nothing/",
        "/columns/" + "a" * 5000 + "/",
        "/articles/1/" + "x" * 3000,
        "/%E4%B9%A1%E9%95%87/",
    ],
)
def test_unknown_or_overlong_paths_are_404_not_500(client, county, path):
    assert client.get(path).status_code == 404


def test_404_page_is_in_chinese_in_the_site_style(client, county):
    html = client.get("/no/such/page/").content.decode()
    assert "您访问的页面不存在" in html and "返回网站首页" in html
    assert '<html lang="zh-CN">' in html


def test_500_page_renders_without_database_or_context(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "服务暂时不可用" in html


def test_home_shows_headlines_latest_per_column_townships_and_initiatives(client, county, add_articles):
    add_articles(40)
    from django.utils import timezone

    ArticleFactory(
        published=True, column=county.notices, title="关于做好2026年度党费收缴工作的通知", published_at=timezone.now()
    )
    response = client.get("/")
    html = response.content.decode()
    assert len(response.context["headlines"]) == 3
    assert [c.slug for c, _ in response.context["blocks"]] == ["township-news", "notices"]
    assert all(len(items) <= 7 for _, items in response.context["blocks"])
    assert "关于做好2026年度党费收缴工作的通知" in html
    assert "远门镇" in html and "平安建设" in html


def test_related_news_shares_township_or_initiative(client, county):
    article = ArticleFactory(published=True, column=county.township_news, township=county.township)
    same_township = ArticleFactory(published=True, column=county.notices, township=county.township)
    same_initiative = ArticleFactory(published=True, column=county.notices, initiatives=[county.initiative])
    unrelated = ArticleFactory(published=True, column=county.notices)
    article.initiatives.set([county.initiative])
    related = client.get(article.get_absolute_url()).context["related"]
    assert set(related) == {same_township, same_initiative}
    assert unrelated not in related


def test_sitemap_lists_every_public_page(client, county):
    article = ArticleFactory(published=True, column=county.township_news)
    draft = ArticleFactory(column=county.township_news)
    xml = client.get("/sitemap.xml").content.decode()
    for path in (
        article.get_absolute_url(),
        "/columns/township-news/",
        "/columns/news/",
        county.township.get_absolute_url(),
        county.initiative.get_absolute_url(),
    ):
        assert f"{path}</loc>" in xml
    assert f"{draft.get_absolute_url()}</loc>" not in xml
    assert "/columns/notices/</loc>" not in xml  # nothing published there


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_column_tree_is_at_most_three_levels(db):
    from django.core.exceptions import ValidationError

    top = ColumnFactory()
    child = ColumnFactory(parent=top)
    grandchild = ColumnFactory(parent=child, slug="third-level")
    grandchild.full_clean()  # 专题 › 子栏目 › 孙栏目 is allowed
    too_deep = ColumnFactory.build(parent=grandchild, slug="too-deep")
    with pytest.raises(ValidationError):
        too_deep.full_clean()
