"""Issue 14 in Chromium: the admin reads Chinese throughout, and the 数据指标 form's selects are Chinese and usable."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.test_chinese_ui import english_words, site_data_words

from .conftest import screenshot
from .test_workflow_path import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def visible_english(page):
    """English words in what the page shows (the walker's reader on the rendered DOM; usernames are data)."""
    return set(english_words(page.content(), site_data_words()))


@pytest.mark.screenshots
def test_admin_index_and_article_list_are_chinese(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    log_in(page, base, "admin")
    page.goto(base + "/admin/")
    # Third-party apps under Chinese names, not AXES / Access attempts / TOTP devices.
    for app, model in (("登录保护", "登录尝试"), ("两步验证", "动态码设备"), ("后台任务队列", "任务执行记录")):
        section = page.get_by_role("table").filter(has=page.get_by_role("caption").filter(has_text=app))
        expect(section.get_by_role("link", name=model, exact=True)).to_be_visible()
    assert visible_english(page) == set()
    screenshot(page, "admin-index", full_page=True)

    page.get_by_role("link", name="文章", exact=True).first.click()
    # The date bar said "Filter by 发布时间"; the sidebar's own words are Django's 过滤器 / 以 状态.
    expect(page.get_by_text("按发布时间过滤")).to_be_visible()
    expect(page.locator("#changelist-filter")).to_contain_text("以 状态")
    # Empty choices read 「- 请选择 -」, not "- Select an option -".
    expect(page.locator("select option").filter(has_text="Select an option")).to_have_count(0)
    assert visible_english(page) == set()
    screenshot(page, "admin-articles")


def test_monitor_names_update_classes_in_chinese(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    log_in(page, base, "admin")
    page.goto(base + "/admin/inspection/linkcheck/monitor/")
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="更新类别"))
    expect(table.get_by_role("cell", name="动态要闻").first).to_be_visible()
    for code in ("news", "notice", "policy", "topic"):
        expect(table.get_by_role("cell", name=code, exact=True)).to_have_count(0)


def test_figure_form_offers_chinese_units_in_full_size_selects(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    article = Article.objects.filter(township__slug="yuanmen").order_by("-published_at").first()
    log_in(page, base, "yuanmen_editor")
    page.goto(base + f"/workspace/articles/{article.pk}/")
    unit = page.get_by_label("单位")
    expect(unit).to_be_visible()
    labels = unit.locator("option").all_inner_texts()
    assert {"个", "人", "亩", "万元", "处"} <= set(labels)
    assert not any(label.isascii() and label.isalpha() for label in labels), labels
    unit.select_option(label="万元")
    for select in (unit, page.get_by_label("党建+ 项目")):
        box = select.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 128, box  # a 44 px target, at least 8rem wide
