"""Where the editor works, in a real browser: the return comment at the top of the edit page, upload errors as alerts."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .conftest import screenshot
from .test_workflow_path import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.screenshots
def test_editor_sees_the_return_comment_at_the_top_of_the_edit_page(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    article = Article.objects.get(status=Article.Status.RETURNED, created_by__username="yuanmen_editor")
    comment = article.audit.filter(action="returned").latest("created_at").comment

    log_in(page, base, "yuanmen_editor")
    nav = page.get_by_role("navigation", name="工作台")
    expect(nav.get_by_role("link", name="待我审核")).to_have_count(0)  # an editor never reviews
    expect(nav.get_by_role("link", name="已退回").locator(".badge")).to_have_text("1 篇本人稿件被退回")

    page.goto(base + article.get_workspace_url())
    page.get_by_role("link", name="修改稿件").click()
    notice = page.get_by_role("region", name="稿件已被退回")
    expect(notice).to_contain_text(comment)
    expect(notice).to_contain_text("乡镇审核")
    # At the top: above the form's first field, and on screen without scrolling.
    notice_box = notice.bounding_box()
    title_box = page.get_by_label("标题", exact=True).bounding_box()
    assert notice_box["y"] + notice_box["height"] <= title_box["y"]
    assert notice_box["y"] + notice_box["height"] <= page.viewport_size["height"]
    screenshot(page, "workspace-returned-edit")


def test_image_upload_errors_are_an_alert_in_the_error_colour(demo_site, desktop_page, tmp_path):
    page, base = desktop_page, demo_site.url
    log_in(page, base, "yuanmen_editor")
    page.get_by_role("link", name="写稿件").click()
    panel = page.locator(".image-upload")
    panel.get_by_role("button", name="上传并插入到正文").click()
    alert = panel.get_by_role("alert")
    expect(alert).to_have_text("请先选择图片。")
    assert alert.evaluate("el => getComputedStyle(el).color") == "rgb(179, 21, 27)"  # --red, not the muted grey

    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"this is not a picture")
    panel.locator("[data-upload-file]").set_input_files(str(fake))
    panel.locator("[data-upload-alt]").fill("党员志愿者清扫街道")
    panel.get_by_role("button", name="上传并插入到正文").click()
    expect(alert).to_contain_text("上传失败")
    expect(panel.get_by_role("status")).to_have_text("")
    panel.scroll_into_view_if_needed()
    screenshot(page, "workspace-upload-error")
