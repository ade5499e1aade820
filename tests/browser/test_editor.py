"""The rich-text editor as a township clerk uses it, in a real browser: lists, literal asterisks, a Chinese
toolbar whose icons render, Word/WPS paste, the leave warning and the local draft."""

import json
import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from articles.models import Article
from tests.office_clipboard import WORD, WPS

from .conftest import screenshot
from .test_workflow_path import log_in, save_form

pytestmark = pytest.mark.django_db(transaction=True)

EDITOR = ".prose-editor [contenteditable=true]"
# Key caps a tooltip may name; every other word on the toolbar is Chinese.
KEY_CAPS = re.compile(r"（(?:(?:Ctrl|Shift|Alt|[A-Z0-9,./])\+?)+）")


def new_article(page, base, title="石桥镇召开党建工作推进会"):
    log_in(page, base, "yuanmen_editor")
    page.get_by_role("link", name="写稿件").click()
    page.get_by_label("标题", exact=True).fill(title)
    page.get_by_label("栏目").select_option(label="新闻中心 › 乡镇动态")
    editor = page.locator(EDITOR)
    editor.click()
    return editor


def test_lists_in_the_editor_show_bullets_and_numbers_one_item_per_line(demo_site, desktop_page):
    page = desktop_page
    new_article(page, demo_site.url)
    page.keyboard.press("Control+Shift+8")
    page.keyboard.type("组织党员志愿服务")
    page.keyboard.press("Enter")
    page.keyboard.type("走访困难群众")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty item ends the list
    page.keyboard.press("Control+Shift+7")
    page.keyboard.type("召开专题会议")
    page.keyboard.press("Enter")
    page.keyboard.type("落实整改措施")
    for selector, marker in [("ul", "disc"), ("ol", "decimal")]:
        listed = page.locator(f"{EDITOR} > {selector}")
        expect(listed.locator("li")).to_have_count(2)
        assert listed.evaluate("el => getComputedStyle(el).listStyleType") == marker
        first, second = listed.locator("li").evaluate_all("els => els.map(li => li.getBoundingClientRect().top)")
        assert second > first  # one item per line, not run together
    screenshot(page, "editor-lists")


def test_asterisk_placeholder_stays_literal_and_is_flagged_after_save(demo_site, desktop_page):
    page = desktop_page
    editor = new_article(page, demo_site.url)
    page.keyboard.type("*月*日，镇党委召开会议。")
    page.keyboard.press("Enter")
    page.keyboard.type("会议定于 *月*日 召开。")  # after a space too, where the markdown rule also fired
    html = editor.inner_html()
    assert "<em>" not in html
    assert "<p>*月*日，镇党委召开会议。</p>" in html and "会议定于 *月*日 召开。" in html
    save_form(page)
    expect(page.get_by_text("稿件已保存为草稿")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("星号占位符")
    assert "*月*日" in Article.objects.get(title="石桥镇召开党建工作推进会").body


def english_words(texts):
    return [t for t in texts if re.search(r"[A-Za-z]", KEY_CAPS.sub("", t))]


def test_toolbar_titles_menus_and_dialogs_are_chinese_and_every_icon_renders(demo_site, desktop_page):
    page = desktop_page
    new_article(page, demo_site.url)
    page.keyboard.type("党建引领基层治理")
    toolbar = page.locator(".prose-menubar").first
    labels = toolbar.evaluate(
        """bar => [...bar.querySelectorAll('[title], [aria-label], .prose-menubar__option')].flatMap(el =>
             [el.getAttribute('title'), el.getAttribute('aria-label'),
              el.matches('.prose-menubar__option') ? el.textContent : null].filter(Boolean))"""
    )
    assert labels and english_words(labels) == []
    assert "加粗（Ctrl+B）" in labels and "撤销（Ctrl+Z）" in labels

    # The link dialog (text selected first) and the table dialog, then the table's own buttons.
    page.keyboard.press("Control+a")
    toolbar.get_by_role("button", name="插入链接").click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("网址")
    assert english_words([dialog.inner_text()]) == []
    dialog.get_by_role("button", name="取消").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="插入表格").click()
    expect(dialog).to_contain_text("第一行作为表头")
    assert english_words([dialog.inner_text()]) == []
    dialog.get_by_role("button", name="插入").click()
    expect(page.locator(f"{EDITOR} table")).to_be_visible()
    expect(toolbar.get_by_role("button", name="合并单元格")).to_be_visible()

    icons = toolbar.evaluate(
        """bar => [...bar.querySelectorAll('button')].filter(b => b.getClientRects().length).map(b => {
             const svg = b.querySelector('svg');
             if (svg) return {name: b.title, svg: svg.getBoundingClientRect().width};
             const range = document.createRange();
             range.selectNodeContents(b);
             return {name: b.title, glyph: range.getBoundingClientRect().width,
                     size: parseFloat(getComputedStyle(b).fontSize),
                     font: document.fonts.check(`${getComputedStyle(b).fontSize} ${getComputedStyle(b).fontFamily}`)};
           })"""
    )
    assert len(icons) >= 15
    for icon in icons:
        if "svg" in icon:
            assert icon["svg"] > 0, icon
        else:  # one Material Icons ligature: a single glyph about 1em wide, not the icon's name spelt out
            assert icon["font"] and 0 < icon["glyph"] <= 1.5 * icon["size"], icon
    # Nothing on the toolbar depends on a character the system fonts may lack (prose-editor's "⏷").
    pseudo = toolbar.evaluate(
        """bar => [...bar.querySelectorAll('*')].flatMap(el => ['::before', '::after'].map(p =>
             getComputedStyle(el, p).content)).filter(c => !/^(none|normal|""|"\\d*"|attr\\(.*\\))$/.test(c))"""
    )
    assert pseudo == []


def test_shortcut_help_opens_from_the_toolbar(demo_site, desktop_page):
    page = desktop_page
    new_article(page, demo_site.url)
    page.locator(".prose-menubar").first.get_by_role("button", name="快捷键说明").click()
    dialog = page.get_by_role("dialog", name="快捷键")
    expect(dialog).to_contain_text("加粗")
    expect(dialog.get_by_role("row", name="加粗")).to_contain_text("Ctrl+B")
    expect(dialog.get_by_role("row", name="换行但不分段")).to_contain_text("Shift+Enter")
    screenshot(page, "editor-shortcuts")
    dialog.get_by_role("button", name="关闭").click()
    expect(dialog).to_have_count(0)


def paste_html(page, html):
    page.locator(EDITOR).evaluate(
        """(el, html) => {
             const data = new DataTransfer();
             data.setData('text/html', html);
             data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
             el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
           }""",
        html,
    )


def saved_html(page):
    """What the editor hands the form to save (its getHTML), not its on-screen node views."""
    return page.locator("textarea[name=body]").input_value()


def test_paste_from_word_keeps_structure_and_drops_office_markup(demo_site, desktop_page):
    page = desktop_page
    editor = new_article(page, demo_site.url)
    paste_html(page, WORD)
    expect(editor.locator("h2")).to_have_text("一、基本情况")
    html = saved_html(page)
    assert "<ul><li><p>组织党员志愿服务12场</p></li><li><p>走访困难群众86户</p></li></ul>" in html
    assert re.search(r"<ol[^>]*><li><p>召开专题会议</p></li><li><p>落实整改措施</p></li></ol>", html)
    assert "<strong>坚持把党建引领</strong>" in html
    assert editor.locator("table tr").count() == 2 and "<strong>村（社区）</strong>" in html
    assert not re.search(r"mso|Mso|o:p|Normal|Symbol|·|仿宋|font-family|&nbsp;", html)
    # Only what the editor itself makes: no empty paragraphs from Word's spacing lines.
    assert (
        editor.evaluate("el => [...el.querySelectorAll(':scope > p')].filter(p => !p.textContent.trim()).length") <= 1
    )
    assert "<p>今年以来" in html
    save_form(page)
    expect(page.get_by_text("稿件已保存为草稿")).to_be_visible()
    body = Article.objects.get(title="石桥镇召开党建工作推进会").body
    assert "<h2>一、基本情况</h2>" in body and re.search(r"<ol[^>]*><li><p>召开专题会议</p></li>", body)


def test_paste_from_wps_keeps_bold_and_drops_fonts(demo_site, desktop_page):
    page = desktop_page
    editor = new_article(page, demo_site.url)
    paste_html(page, WPS)
    expect(editor.locator("strong").first).to_have_text("关于开展主题党日活动的通知")
    html = saved_html(page)
    assert "活动时间定于<strong>每月第一个星期五</strong>。" in html
    assert not re.search(r"style=|class=\"?Mso|mso|仿宋|方正", html)
    assert editor.locator(":scope > p").count() == 3


def draft_in_storage(page):
    return page.evaluate(
        """() => Object.keys(localStorage).filter(k => k.startsWith('dangjian.draft.'))
                 .map(k => [k, JSON.parse(localStorage.getItem(k))])"""
    )


def test_leaving_with_unsaved_changes_asks_first_and_a_save_does_not(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    new_article(page, base)
    page.keyboard.type("镇党委召开会议。")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("navigation", name="工作台").get_by_role("link", name="我的稿件").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/workspace/articles/new/")  # stayed, nothing lost
    expect(page.locator(EDITOR)).to_contain_text("镇党委召开会议。")

    save_form(page)
    expect(page.get_by_text("稿件已保存为草稿")).to_be_visible()
    assert dialogs == ["beforeunload"]  # saving is not leaving
    assert draft_in_storage(page) == []  # the saved copy replaces the local one

    # An untouched form lets one leave without a question.
    page.get_by_role("link", name="修改稿件").click()
    expect(page.locator(".prose-menubar").first).to_be_visible()
    page.get_by_role("navigation", name="工作台").get_by_role("link", name="我的稿件").click()
    expect(page.get_by_role("heading", name="我的稿件")).to_be_visible()
    assert dialogs == ["beforeunload"]


def test_a_local_draft_is_offered_back_after_a_crash(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    new_article(page, base, title="远门镇开展主题党日活动")
    page.keyboard.type("全镇党员参加主题党日活动。")
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('.new'))")
    # The tab dies: a new page in the same browser profile opens the form again.
    reopened = page.context.new_page()
    reopened.goto(base + "/workspace/articles/new/")
    offer = reopened.get_by_role("alert").filter(has_text="发现未保存的本地草稿，恢复？")
    expect(offer).to_be_visible()
    expect(offer).not_to_contain_text("服务器上的稿件此后已被修改")
    screenshot(reopened, "editor-draft-offer")
    offer.get_by_role("button", name="恢复本地草稿").click()
    expect(reopened.locator(EDITOR)).to_contain_text("全镇党员参加主题党日活动。")
    expect(reopened.get_by_label("标题", exact=True)).to_have_value("远门镇开展主题党日活动")
    expect(reopened.get_by_label("栏目")).to_have_value(page.get_by_label("栏目").input_value())
    save_form(reopened)
    expect(reopened.get_by_text("稿件已保存为草稿")).to_be_visible()
    assert Article.objects.get(title="远门镇开展主题党日活动").body == "<p>全镇党员参加主题党日活动。</p>"
    assert draft_in_storage(reopened) == []


def test_a_local_draft_never_silently_overwrites_a_newer_server_version(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    log_in(page, base, "yuanmen_editor")
    article = Article.objects.filter(created_by__username="yuanmen_editor", status=Article.Status.RETURNED).first()
    page.goto(base + f"/workspace/articles/{article.pk}/edit/")
    page.locator(f"{EDITOR} p").last.click()
    page.keyboard.press("End")
    page.keyboard.type("本地补充的一句话。")
    page.wait_for_function(f"() => localStorage.getItem('dangjian.draft.{article.created_by_id}.{article.pk}')")
    [(_, draft)] = draft_in_storage(page)
    assert draft["revision"] == str(article.latest_revision_id)

    # Meanwhile a newer version reaches the server (the same person on another computer, say).
    article.refresh_from_db()
    article.body = "<p>同事刚刚保存的新内容。</p>"
    article.save_revision(by=User.objects.get(username="yuanmen_editor"), base_revision_id=article.latest_revision_id)

    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(base + f"/workspace/articles/{article.pk}/edit/")
    offer = page.get_by_role("alert").filter(has_text="发现未保存的本地草稿，恢复？")
    expect(offer).to_contain_text("服务器上的稿件此后已被修改")
    offer.get_by_role("button", name="恢复本地草稿").click()
    expect(page.locator(EDITOR)).to_contain_text("本地补充的一句话。")
    save_form(page)
    # The server refuses: the draft was typed on the older revision, so the colleague's text stays.
    expect(page.get_by_role("heading", name=re.compile("保存被拒绝"))).to_be_visible()
    article.refresh_from_db()
    assert article.body == "<p>同事刚刚保存的新内容。</p>"
    assert json.dumps(draft_in_storage(page), ensure_ascii=False).count("本地补充的一句话。") == 1  # kept for merging


@pytest.mark.screenshots
def test_editor_screenshot_for_the_readme(demo_site, desktop_page):
    page = desktop_page
    editor = new_article(page, demo_site.url)
    paste_html(page, WORD)
    expect(editor.locator("table")).to_be_visible()
    editor.locator("p").first.click()
    page.locator("label[for=id_body]").evaluate("el => el.scrollIntoView({block: 'start'})")
    screenshot(page, "workspace-editor-clerk")


def test_logging_out_leaves_no_local_draft_behind(demo_site, desktop_page):
    page = desktop_page
    new_article(page, demo_site.url)
    page.keyboard.type("尚未保存的内容。")
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('dangjian.draft.'))")
    page.on("dialog", lambda dialog: dialog.accept())  # yes, leave the unsaved form
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", name="登录工作台")).to_be_visible()
    assert draft_in_storage(page) == []
