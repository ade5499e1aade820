"""Titles in Chromium: the editor counts characters as they are typed and never cuts a pasted title;
a home-page box shows two lines of a long title, the whole title staying the link's name."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from articles.models import Article, Column
from tests.factories import ArticleFactory

from .test_workflow_path import log_in

pytestmark = pytest.mark.django_db(transaction=True)

# 109 characters: the title that filled seven lines of a home box.
LONG_TITLE = (
    "远门镇党委坚持以党建引领乡村振兴，组织全镇十二个村党支部书记赴周边县区学习苹果产业、"
    "乡村旅游和村集体经济发展经验，并召开专题座谈会，研究部署下一阶段基层党组织建设、"
    "党员队伍管理和产业融合发展重点工作任务，并抓好督促落实"
)


def test_the_title_counter_updates_as_the_clerk_types_and_a_paste_is_not_cut(demo_site, desktop_page):
    page = desktop_page
    log_in(page, demo_site.url, "yuanmen_editor")
    page.get_by_role("link", name="写稿件").click()
    title = page.get_by_label("标题", exact=True)
    counter = page.locator("#id_title_counter")
    expect(counter).to_be_visible()
    expect(counter).to_have_text("已输入 0 字，建议不超过 40 字")
    title.press_sequentially("远门镇召开党建工作会")
    expect(counter).to_have_text("已输入 10 字，建议不超过 40 字")
    assert "title-counter--over" not in (counter.get_attribute("class") or "")
    title.fill("")
    title.focus()
    page.keyboard.insert_text("远" * 130)  # as a paste: a maxlength would drop the last ten silently
    assert len(title.input_value()) == 130
    expect(counter).to_contain_text("已输入 130 字，建议不超过 40 字")
    expect(counter).to_contain_text("最多 120 字")
    expect(counter).to_have_class("title-counter title-counter--over")
    described = title.get_attribute("aria-describedby").split()
    assert "id_title_counter" in described and "id_title_helptext" in described


def test_a_home_box_shows_two_lines_of_a_long_title(demo_site, desktop_page):
    column = Column.objects.filter(show_on_home=True, children__isnull=True).first() or (
        Column.objects.filter(parent__show_on_home=True, children__isnull=True).first()
    )
    ArticleFactory(column=column, title=LONG_TITLE, published=True, is_pinned=True)
    assert len(LONG_TITLE) == 109 and Article.objects.filter(title=LONG_TITLE).exists()
    cache.clear()
    page = desktop_page
    page.goto(demo_site.url + "/")
    link = page.locator(".home-grid .news-list__item a", has_text=LONG_TITLE[:20])
    expect(link).to_be_visible()
    lines = link.evaluate(
        """el => {
            const style = getComputedStyle(el);
            const inner = el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            return inner / parseFloat(style.lineHeight);
        }"""
    )
    assert 1.5 < lines <= 2.05, f"the title takes {lines:.1f} lines"
    # The whole title is still the link's text, so a screen reader reads it all.
    expect(page.get_by_role("link", name=LONG_TITLE)).to_have_count(1)
