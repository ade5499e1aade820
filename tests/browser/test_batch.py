"""批量操作 in a real browser: tick two items (one with the keyboard), confirm once, read a result per item."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article

from .conftest import screenshot
from .test_workflow_path import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def waiting_for_county(title):
    """A second item in 县级待审 beside the demo's own (county-level, so it skips 乡镇审核)."""
    from articles.models import Column

    article = Article(title=title, column=Column.objects.get(slug="notices"), body="<p>批量终审测试正文。</p>")
    article.save_revision(by=get_user_model().objects.get(username="county_reviewer"))
    Article.objects.filter(pk=article.pk).update(status=Article.Status.COUNTY_REVIEW)
    return article


@pytest.mark.screenshots
def test_a_county_reviewer_publishes_two_items_in_one_batch(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    demo_item = Article.objects.filter(status=Article.Status.COUNTY_REVIEW).first()
    extra = waiting_for_county("县委组织部关于批量终审的测试通知")

    log_in(page, base, "county_reviewer")
    page.goto(base + "/workspace/?tab=queue")
    page.get_by_role("checkbox", name=demo_item.title).check()
    extra_box = page.get_by_role("checkbox", name=extra.title)
    extra_box.focus()
    page.keyboard.press("Space")  # keyboard works as well as the mouse
    expect(extra_box).to_be_checked()
    page.get_by_label("操作", exact=True).select_option(label="终审通过并发布")
    screenshot(page, "workspace-batch-select")
    page.get_by_role("button", name="下一步").click()

    expect(page.get_by_role("heading", name="确认批量操作：终审通过并发布")).to_be_visible()
    confirm_table = page.get_by_role("table", name="将要处理的稿件")
    expect(confirm_table).to_contain_text(demo_item.title)
    expect(confirm_table).to_contain_text(extra.title)
    page.get_by_role("button", name="确认终审通过并发布（2 篇）").click()

    expect(page.get_by_role("status")).to_have_text("成功 2 篇，跳过 0 篇。")
    results = page.get_by_role("table", name="逐篇结果")
    for title in (demo_item.title, extra.title):
        row = results.get_by_role("row").filter(has_text=title)
        expect(row).to_contain_text("成功")
        expect(row).to_contain_text("现为“已发布”")
    screenshot(page, "workspace-batch")
    assert set(Article.objects.filter(pk__in=[demo_item.pk, extra.pk]).values_list("status", flat=True)) == {
        Article.Status.PUBLISHED
    }


def test_the_batch_controls_fit_a_phone(demo_site, phone_page):
    from .layout import PHONE_WIDTH, boxes, look_at

    page = phone_page
    log_in(page, demo_site.url, "county_reviewer")
    page.goto(demo_site.url + "/workspace/?tab=all")
    expect(page.get_by_role("group", name="批量操作（勾选稿件后选择操作，下一步会先确认）")).to_be_visible()
    look_at(page, "workspace-batch-phone")
    controls = boxes(page, ".ws-batch, .ws-batch select, .ws-batch button, .ws-pick")
    assert controls and all(left >= 0 and left + width <= PHONE_WIDTH for _t, left, _top, width, _h in controls)
    assert all(height >= 20 for text, _l, _t, _w, height in controls if not text)  # the checkboxes: tappable
