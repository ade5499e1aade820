"""分享 on a phone: the QR code scans to the page's address, 复制链接 copies it, targets are 44 px, print hides it."""

import re

import pytest
import zxingcpp
from django.conf import settings
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article

from .conftest import PHONE, screenshot
from .layout import boxes

pytestmark = pytest.mark.django_db(transaction=True)


def shared_article():
    return Article.objects.published().filter(township__isnull=False).first()


@pytest.mark.screenshots
def test_phone_reader_scans_or_copies_the_link(demo_site, phone_page, tmp_path):
    article = shared_article()
    address = settings.SITE_URL.rstrip("/") + article.get_absolute_url()
    phone_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_site.url)
    phone_page.goto(demo_site.url + article.get_absolute_url())
    share = phone_page.locator(".share")
    share.scroll_into_view_if_needed()
    assert share.is_visible()
    screenshot(phone_page, "share-phone")

    # The QR code as the browser draws it decodes to the page's address.
    qr = phone_page.locator(".share__qr svg")
    qr.screenshot(path=str(tmp_path / "qr.png"))
    with Image.open(tmp_path / "qr.png") as picture:
        assert [r.text for r in zxingcpp.read_barcodes(picture)] == [address]
    assert qr.get_attribute("aria-label") == "本文网址的二维码"

    small = [
        (text, round(width), round(height))
        for text, _left, _top, width, height in boxes(phone_page, ".share__copy, .share__url, .share__qr svg")
        if width < 44 or height < 44
    ]
    assert small == []
    sizes = phone_page.eval_on_selector_all(
        ".share figcaption, .share label, .share__copy, .share__url",
        "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))",
    )
    assert min(sizes) >= 16
    right = phone_page.eval_on_selector(".share", "el => el.getBoundingClientRect().right")
    assert right <= PHONE["width"] and phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    phone_page.get_by_role("button", name="复制链接").click()
    # The copy is asynchronous (Clipboard API): wait for the status line, as a reader would.
    expect(phone_page.locator(".share__status")).to_have_text(re.compile("^已复制链接"))
    assert phone_page.evaluate("navigator.clipboard.readText()") == address

    phone_page.emulate_media(media="print")
    assert not share.is_visible()


def test_without_javascript_the_link_is_a_field_to_select(demo_site, browser):
    article = shared_article()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(demo_site.url + article.get_absolute_url())
    field = page.get_by_label("本文链接（可长按选择复制）")
    assert field.is_visible() and field.is_editable() is False
    assert field.input_value() == settings.SITE_URL.rstrip("/") + article.get_absolute_url()
    assert not page.locator(".share__copy").is_visible()  # 复制链接 needs JavaScript: hidden without it
    assert page.locator(".share__qr svg").is_visible()
    context.close()
