"""导入 in a real browser: paste a scraped page, see the warnings, fix the placeholder, save the draft."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .conftest import screenshot
from .test_workflow_path import PASSWORD, save_form

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = """您现在的位置：首页 > 新闻中心 > 乡镇动态
柳林镇——党员中心户架起连心桥
发布时间：2025-04-18 10:30　来源：柳林镇人民政府　浏览次数：356　【字体：大 中 小】【打印】【关闭】
　　今年以来，柳林镇推行党建+平安建设，在全镇设立党员中心户*户，每户联系周边群众10户至15户。柳林资讯网llzx88.com
　　党员中心户定期走访，收集群众诉求，小事在组内解决，大事及时上报。柳林资讯网llzx88.com
　　截至目前，党员中心户共收集意见建议214条，办结率达到96%。
推荐阅读
- 河湾乡召开防汛工作部署会 25-04-12
- 石桥镇开展春季植树活动 25-04-10
关于我们 | 联系我们 | 网站地图 | 隐私声明
陕ICP备2026004817号-1　网站标识码：6104220017
"""


@pytest.mark.screenshots
def test_paste_review_fix_and_save(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill("yuanmen_editor")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="导入").click()
    page.get_by_label("粘贴稿件内容").fill(PAGE)
    page.get_by_role("button", name="识别并预览").click()

    expect(page.get_by_label("标题", exact=True)).to_have_value("党员中心户架起连心桥")
    expect(page.get_by_label("来源")).to_have_value("柳林镇人民政府")
    expect(page.locator(".findings")).to_contain_text("未填写的占位符")
    editor = page.locator(".prose-editor [contenteditable=true]")
    expect(editor).not_to_contain_text("llzx88")
    expect(editor).not_to_contain_text("推荐阅读")
    screenshot(page, "workspace-import", full_page=True)

    # Fix the placeholder in the editor: replace the * with the real number.
    editor.locator("p").first.click()
    expect(editor).to_be_focused()  # on a loaded machine the keys must not go out before the editor has focus
    page.keyboard.press("Control+Home")
    text = editor.locator("p").first.inner_text()
    for _ in range(text.index("*")):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Delete")
    page.keyboard.insert_text("126")
    expect(editor.locator("p").first).to_contain_text("设立党员中心户126户")
    save_form(page)
    expect(page.get_by_text("稿件已保存为草稿")).to_be_visible()
    expect(page.locator(".findings")).to_have_count(0)  # the placeholder is gone: nothing left to warn about

    article = Article.objects.get(title="党员中心户架起连心桥")
    assert article.status == Article.Status.DRAFT and "126户" in article.body
    assert article.event_date.isoformat() == "2025-04-18"


def test_put_back_appends_a_dropped_line_to_the_editor(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill("yuanmen_editor")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.goto(base + "/workspace/articles/import/")
    page.get_by_label("粘贴稿件内容").fill(PAGE)
    page.get_by_role("button", name="识别并预览").click()

    editor = page.locator(".prose-editor [contenteditable=true]")
    expect(editor).not_to_contain_text("推荐阅读")
    expect(page.locator(".import-origins")).to_contain_text("标题来自第2行")
    expect(page.locator(".import-summary")).to_contain_text("您只能为远门镇撰写稿件，不能选择柳林镇，已保留远门镇。")
    dropped = page.locator("details.import-dropped")
    dropped.locator("summary").click()
    item = dropped.locator("li", has_text="河湾乡召开防汛工作部署会")
    expect(item).to_contain_text("推荐阅读")
    item.get_by_role("button", name="放回正文").click()
    expect(editor.locator("p").last).to_have_text("- 河湾乡召开防汛工作部署会 25-04-12")
    expect(item.get_by_role("button")).to_have_text("已放回正文")
    save_form(page)
    expect(page.get_by_text("稿件已保存为草稿")).to_be_visible()
    assert "河湾乡召开防汛工作部署会" in Article.objects.get(title="党员中心户架起连心桥").body
