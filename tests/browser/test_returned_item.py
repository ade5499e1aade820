"""An editor opening a returned item sees the reviewer's comment at the top of the edit page, in a real browser."""

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
