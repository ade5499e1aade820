"""The 领导信箱 on a phone (375 px): a reader writes a letter with JavaScript off and on, then looks it up."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from letters.models import Letter

from .conftest import PHONE, TIMEOUT_MS, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DIGITS = "零一二三四五六七八九十"


def phone(browser, javascript):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True, locale="zh-CN",
        java_script_enabled=javascript, bypass_csp=True,
    )  # fmt: skip
    context.set_default_timeout(TIMEOUT_MS)
    return context


def axe_violations(page, javascript):
    """axe needs JavaScript; with it off, the same pages are audited in the JavaScript-on run."""
    if not javascript:
        return []
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{page.url} [{v['impact']}] {v['id']}: {v['help']} {v['nodes'][0]['target']}" for v in violations]


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def fill_the_form(page, subject, answer=None):
    page.get_by_label("建议").check()
    page.get_by_role("textbox", name="标题（必填）").fill(subject)
    page.get_by_role("textbox", name="内容（必填）").fill(
        "村里的农家书屋只在工作日开放，建议周末也开放，方便孩子们读书。"
    )
    page.get_by_label("涉及乡镇").select_option(label="远门镇")
    page.get_by_role("textbox", name="姓名（必填）").fill("柳青梅")
    page.get_by_role("textbox", name="联系电话（必填）").fill("13912345678")
    question = page.get_by_text(re.compile("验证问题：")).first.text_content()
    match = re.search(r"(.)加(.)等于几", question)
    page.get_by_role("textbox", name=re.compile("验证问题")).fill(
        answer or str(DIGITS.index(match[1]) + DIGITS.index(match[2]))
    )


@pytest.mark.screenshots
@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_a_reader_writes_a_letter_on_a_phone_and_looks_it_up(demo_site, browser, javascript):
    context = phone(browser, javascript)
    page = context.new_page()
    page.goto(demo_site.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="领导信箱").click()
    page.get_by_role("link", name="我要留言").click()
    assert fits(page)
    assert axe_violations(page, javascript) == []
    subject = f"建议农家书屋周末开放（{'有' if javascript else '无'}脚本）"

    fill_the_form(page, subject)
    if javascript:
        screenshot(page, "letters-phone", full_page=True)
    page.get_by_role("textbox", name=re.compile("验证问题")).fill(
        "99"
    )  # wrong: the letter is kept, a new question asked
    page.get_by_role("button", name="提交留言").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.get_by_role("textbox", name="标题（必填）").input_value() == subject
    assert axe_violations(page, javascript) == []
    if not javascript:
        screenshot(page, "letters-phone-errors", full_page=True)
    fill_the_form(page, subject)
    page.get_by_role("button", name="提交留言").click()

    code = page.locator(".letter-code strong").text_content()
    assert Letter.objects.filter(query_code=code, subject=subject).exists()
    assert axe_violations(page, javascript) == []
    page.get_by_role("link", name="查询办理情况").first.click()
    page.get_by_role("textbox", name="查询码（必填）").fill(code.lower())
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("heading", name=subject)).to_be_visible()  # waits for the answer page
    assert "待受理" in page.locator(".letter-result").text_content()
    assert "柳青梅" not in page.content() and "13912345678" not in page.content()
    assert fits(page) and axe_violations(page, javascript) == []
    if javascript:
        screenshot(page, "letters-status-phone", full_page=True)
    context.close()


@pytest.mark.screenshots
def test_the_public_list_on_a_phone(demo_site, browser):
    context = phone(browser, True)
    page = context.new_page()
    page.goto(demo_site.url + "/letters/")
    assert page.get_by_role("heading", name="远门村东头路灯不亮").is_visible()
    assert "家中老人低保复核" not in page.content()  # its writer did not agree to publish
    assert fits(page)
    screenshot(page, "letters-list-phone", full_page=True)
    context.close()
