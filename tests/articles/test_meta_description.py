"""The article page's meta description is escaped once: a `<` in the text reads as `<`, not as `&lt;`."""

import html

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def description(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    return page, BeautifulSoup(page, "html.parser").find("meta", attrs={"name": "description"})["content"]


def test_a_body_with_angle_brackets_and_ampersands_is_described_as_written(client, county):
    article = ArticleFactory(
        column=county.township_news,
        summary="",
        body="<p>全镇增速 < 5% 的村 & 合作社共 12 个，均已制定“一村一策”。</p>",
        published=True,
    )
    page, content = description(client, article)
    assert content.startswith("全镇增速 < 5% 的村 & 合作社共 12 个")
    assert "&amp;lt;" not in page and "&amp;amp;" not in page  # the entity escaped a second time
    assert article.excerpt == html.unescape(article.excerpt)  # plain text: the template escapes it


def test_a_written_summary_is_the_description(client, county):
    article = ArticleFactory(column=county.township_news, summary="苹果产业 <提质> 增效", published=True)
    page, content = description(client, article)
    assert content == "苹果产业 <提质> 增效"
    assert 'content="苹果产业 &lt;提质&gt; 增效"' in page
