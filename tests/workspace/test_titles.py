"""Titles (articles/titles.py): plain text, at most 120 characters, advised 40; refused with a reason, never cut."""

import pytest
from bs4 import BeautifulSoup

from articles import content_checks, titles
from articles.models import Article
from tests.factories import ArticleFactory

from .test_editing import form_data

pytestmark = pytest.mark.django_db


def title_input(html):
    return BeautifulSoup(html, "html.parser").find("input", attrs={"name": "title"})


def test_the_title_input_has_no_maxlength_and_says_how_long_a_title_should_be(client, draft, people):
    client.force_login(people.editor)
    html = client.get(f"/workspace/articles/{draft.pk}/edit/").content.decode()
    field = title_input(html)
    # A maxlength makes the browser drop the rest of a pasted title without a word.
    assert not field.has_attr("maxlength")
    assert field["data-advised"] == "40" and field["data-max"] == "120"
    assert "标题建议不超过 40 字" in html
    assert field["aria-describedby"] == "id_title_helptext"


def test_a_title_over_120_characters_is_refused_with_its_length_not_cut(client, draft, people):
    client.force_login(people.editor)
    long_title = "远" * 121
    response = client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, title=long_title))
    assert response.status_code == 200
    html = response.content.decode()
    assert "标题最多 120 字，现有 121 字，请删减。" in html
    assert title_input(html)["value"] == long_title  # what they typed, all of it, to shorten themselves
    draft.refresh_from_db()
    assert draft.title != long_title


def test_a_title_of_exactly_120_characters_is_saved(client, draft, people):
    client.force_login(people.editor)
    response = client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, title="远" * 120))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "远" * 120


@pytest.mark.parametrize("title", ["<b>远门镇</b>召开党建工作会", "远门镇<script>alert(1)</script>", "远门镇<br>党建"])
def test_a_title_with_html_tags_is_refused(client, draft, people, title):
    client.force_login(people.editor)
    response = client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, title=title))
    assert response.status_code == 200
    assert "标题不能含网页代码" in response.content.decode()


@pytest.mark.parametrize("title", ["增速 > 5% 且 < 10% 的村", "a<b 与 1 < 2"])
def test_angle_brackets_as_text_are_allowed(client, draft, people, title):
    client.force_login(people.editor)
    assert client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, title=title)).status_code == 302


def test_the_admin_refuses_the_same_titles(draft):
    from articles.admin import ArticleAdminForm

    form = ArticleAdminForm(instance=draft)
    assert "maxlength" not in form.fields["title"].widget.attrs
    assert titles.problems("<i>x</i>") and not titles.problems("远门镇")


def test_a_legacy_title_with_html_is_flagged_by_the_content_checks(county):
    article = ArticleFactory(column=county.township_news, title="<strong>远门镇</strong>党建工作综述")
    kinds = {finding.kind: finding for finding in content_checks.check_article(article)}
    assert "title_html" in kinds and "<strong>" in kinds["title_html"].message
    assert kinds["title_html"].label == "标题含网页代码"


def test_the_importer_cuts_an_over_long_title_and_says_so():
    """The importer's headline rules take lines of 70 characters at most today; should one ever be longer,
    the draft gets 120 characters and the import report says what was cut (articles/importing/pipeline.py)."""
    title, message = titles.cut_for_import("远" * 130)
    assert len(title) == 120 and "原标题 130 字" in message and "已截断" in message
    assert titles.cut_for_import("远门镇党建工作综述") == ("远门镇党建工作综述", "")


def test_a_published_title_long_as_109_characters_still_saves(county):
    """The limit is 120: nothing already published is refused, only advised."""
    article = ArticleFactory(column=county.township_news, title="远" * 109, published=True)
    assert Article.objects.get(pk=article.pk).title == "远" * 109
    assert titles.counter_text(109) == "已输入 109 字，建议不超过 40 字"
