"""A reader downloads a notice's 附件: the browser saves it under its Chinese name, with its type and bytes."""

import hashlib

import pytest

from articles.attachments import CONTENT_TYPES
from articles.models import Article, Attachment

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def notice_with_attachments():
    return Article.objects.published().filter(attachments__isnull=False).distinct().order_by("pk").first()


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_a_reader_downloads_an_attachment_under_its_chinese_name(demo_site, request, viewport):
    page = request.getfixturevalue(viewport)
    notice = notice_with_attachments()
    form = notice.attachments.get(kind="docx")
    page.goto(demo_site.url + notice.get_absolute_url())
    item = page.locator(".attachment-list li").nth(form.position - 1)
    assert item.inner_text() == f"附件{form.position}：{form.name}（DOCX，{form.size_label}）"

    with page.expect_download() as info:
        item.get_by_role("link", name=form.name).click()
    download = info.value
    assert download.suggested_filename == f"{form.name}.docx"
    saved = download.path()
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == form.sha256
    response = page.request.get(demo_site.url + form.get_absolute_url())
    assert response.headers["content-type"] == CONTENT_TYPES["docx"]
    assert response.headers["x-content-type-options"] == "nosniff"

    if viewport == "phone_page":  # the list wraps within the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_a_withdrawn_notice_stops_serving_its_files(demo_site, desktop_page):
    from django.contrib.auth import get_user_model

    notice = notice_with_attachments()
    attachment = notice.attachments.first()
    url = demo_site.url + attachment.get_absolute_url()
    assert desktop_page.request.get(url).status == 200
    notice.withdraw(by=get_user_model().objects.get(username="county_reviewer"), reason="通知内容调整")
    assert desktop_page.request.get(url).status == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()  # kept for the record, just not served


@pytest.mark.screenshots
@pytest.mark.parametrize(
    ("viewport", "name"), [("phone_page", "attachments-phone"), ("desktop_page", "attachments-desktop")]
)
def test_attachment_screenshots_for_the_readme(demo_site, request, viewport, name):
    page = request.getfixturevalue(viewport)
    page.goto(demo_site.url + notice_with_attachments().get_absolute_url())
    page.locator(".article__attachments").evaluate("el => el.scrollIntoView({block: 'center'})")
    screenshot(page, name)
