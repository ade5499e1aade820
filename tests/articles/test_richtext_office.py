"""HTML from Word and WPS is stored as its structure only, whichever path saves it (editor, import, admin)."""

import re

import pytest

from articles.richtext import sanitize_body
from tests.office_clipboard import WORD, WPS


def tags(html):
    return re.findall(r"<(\w+)", html)


def test_word_html_keeps_heading_lists_bold_and_table_and_drops_office_markup():
    html = sanitize_body(WORD)
    assert "<h2>一、基本情况</h2>" in html  # Word's 标题 1 under the page's own <h1>
    assert "<ul><li><p>组织党员志愿服务12场</p></li><li><p>走访困难群众86户</p></li></ul>" in html
    assert "<ol><li><p>召开专题会议</p></li><li><p>落实整改措施</p></li></ol>" in html
    assert "<strong>坚持把党建引领</strong>" in html
    assert "<td><p><strong>村（社区）</strong></p></td>" in html and "<td><p>46</p></td>" in html
    # No styles, classes, fonts, Office elements, settings text or typed bullets; no empty paragraphs.
    assert set(tags(html)) <= {"h2", "p", "strong", "ul", "ol", "li", "table", "tbody", "tr", "td"}
    assert not re.search(r"style=|class=|mso|o:p|Normal|Symbol|·|&nbsp;|\u00a0", html)
    assert "<p></p>" not in html and not re.search(r"<p>\s*</p>", html)
    # The typed full-width indent goes: the public page indents every paragraph itself.
    assert "<p>今年以来" in html


def test_wps_html_keeps_bold_written_as_a_span_style():
    html = sanitize_body(WPS)
    assert "<strong>关于开展主题党日活动的通知</strong>" in html
    assert "活动时间定于<strong>每月第一个星期五</strong>。" in html
    assert set(tags(html)) <= {"p", "strong"}
    assert not re.search(r"style=|class=|mso|o:p|仿宋|&nbsp;", html)
    assert html.count("<p>") == 3  # the empty <o:p>&nbsp;</o:p> paragraph is gone


@pytest.mark.parametrize("html", ["<p>会议定于*月*日召开。</p>", "<ul><li><p>一</p></li></ul><p>x</p>"])
def test_html_that_is_not_from_office_passes_through_unchanged(html):
    assert sanitize_body(html) == html
