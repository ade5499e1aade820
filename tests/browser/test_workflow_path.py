"""The whole editorial path in a real browser, from a township editor's draft to a withdrawal."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "远门镇党员志愿服务队清扫背街小巷"
PASSWORD = "Yunxi@2026"


@pytest.fixture
def site(demo_site, settings):
    settings.SERVE_MEDIA = True
    return demo_site


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("navigation", name="工作台")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", name="登录工作台")).to_be_visible()


def save_form(page):
    # Keyboard, not a mouse click: ProseMirror may still be scrolling its selection into view after
    # an insert, and a click computed a moment earlier can land beside the button.
    page.get_by_role("button", name="保存").focus()
    page.keyboard.press("Enter")


def photo(tmp_path):
    path = tmp_path / "photo.jpg"
    image = Image.new("RGB", (1200, 800), (190, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.screenshots
def test_editor_to_publication_and_withdrawal(site, desktop_page, tmp_path):
    page, base = desktop_page, site.url

    # The editor writes a draft with the rich-text editor and uploads a photo into it.
    log_in(page, base, "yuanmen_editor")
    page.get_by_role("link", name="写稿件").click()
    page.get_by_label("标题", exact=True).fill(TITLE)
    page.get_by_label("栏目").select_option(label="新闻中心 › 乡镇动态")
    page.get_by_label("来源").fill("远门镇党委")
    page.locator(".prose-editor [contenteditable=true]").click()
    page.keyboard.insert_text("11月20日，远门镇组织党员志愿服务队清扫背街小巷30条。")
    page.locator("[data-upload-file]").set_input_files(str(photo(tmp_path)))
    page.locator("[data-upload-alt]").fill("党员志愿者清扫街道")
    page.get_by_role("button", name="上传并插入到正文").click()
    inserted = page.locator(".prose-editor [contenteditable=true] img[alt=党员志愿者清扫街道]")
    expect(inserted).to_be_visible()
    expect(inserted).to_have_js_property("complete", True)
    screenshot(page, "workspace-editor", full_page=True)
    save_form(page)
    expect(page.get_by_text("稿件已保存为草稿")).to_be_visible()

    # Submits after the 保密自查, naming the township reviewer.
    page.get_by_label("审核人").select_option(label="陈建国")
    page.get_by_label("保密自查", exact=False).check()
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".status").first).to_have_text("乡镇待审")
    log_out(page)

    # The township reviewer finds it waiting and returns it with a comment.
    log_in(page, base, "yuanmen_reviewer")
    expect(page.locator(".badge")).to_be_visible()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label("退回意见（必填）").fill("请补充参与党员人数。")
    page.get_by_role("button", name="退回修改").click()
    expect(page.locator(".status").first).to_have_text("已退回")
    log_out(page)

    # The editor sees the comment, fixes the text and submits again.
    log_in(page, base, "yuanmen_editor")
    page.get_by_role("link", name="已退回").click()
    expect(page.get_by_role("row", name=TITLE)).to_contain_text("请补充参与党员人数。")
    screenshot(page, "workspace-returned")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="修改稿件").click()
    page.locator(".prose-editor [contenteditable=true] p").last.click()
    page.keyboard.press("End")
    page.keyboard.insert_text("共有46名党员参加。")
    save_form(page)
    page.get_by_label("保密自查", exact=False).check()
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".status").first).to_have_text("乡镇待审")
    log_out(page)

    # Both reviewers approve.
    log_in(page, base, "yuanmen_reviewer")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="乡镇审核通过").click()
    expect(page.locator(".status").first).to_have_text("县级待审")
    log_out(page)
    log_in(page, base, "county_reviewer")
    page.get_by_role("link", name=TITLE).click()
    screenshot(page, "workspace-review", full_page=True)
    page.get_by_role("button", name="终审通过并发布").click()
    expect(page.locator(".status").first).to_have_text("已发布")

    # The public page shows it, with the uploaded photo actually loading.
    article = Article.objects.get(title=TITLE)
    page.goto(base + article.get_absolute_url())
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".article__body")).to_contain_text("共有46名党员参加。")
    image = page.locator(".article__body img[alt=党员志愿者清扫街道]")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 1200

    # Withdrawal: the page answers 410 with a notice.
    page.goto(base + article.get_workspace_url())
    page.get_by_label("撤稿理由（必填）").fill("参与人数统计有误。")
    page.get_by_role("button", name="撤稿").click()
    expect(page.locator(".status").first).to_have_text("已撤稿")
    response = page.goto(base + article.get_absolute_url())
    assert response.status == 410
    expect(page.get_by_role("heading", name="该信息已撤稿")).to_be_visible()
    actions = list(article.audit.order_by("id").values_list("action", flat=True))
    assert actions == ["created", "submitted", "returned", "edited", "submitted", "approved", "published", "withdrawn"]
