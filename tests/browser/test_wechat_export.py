"""导出为公众号格式 in the browser: 复制排版 puts inline-styled HTML on the clipboard, as the 公众号 editor pastes it."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .test_workspace_phone import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_copy_puts_styled_html_on_the_clipboard(demo_site, desktop_page):
    article = Article.objects.published().filter(township__isnull=False).first()
    desktop_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_site.url)
    log_in(desktop_page, demo_site.url, "county_reviewer")
    desktop_page.goto(f"{demo_site.url}/workspace/articles/{article.pk}/")
    desktop_page.get_by_role("link", name="导出为公众号格式").click()
    desktop_page.get_by_role("button", name="复制排版").click()
    expect(desktop_page.locator(".wechat-export__status")).to_have_text("已复制，请到公众号编辑器的正文处粘贴。")
    html = desktop_page.evaluate(
        """async () => {
             const [item] = await navigator.clipboard.read();
             return await (await item.getType("text/html")).text();
           }"""
    )
    assert article.title in html and 'style="' in html
    assert "class=" not in html and "<script" not in html
