"""A policy file on a phone and a desktop: the 信息公开 metadata table above the text, no sideways scrolling."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def current_policy_file():
    """The demo file that replaced a repealed one and has a 解读: the table and both links show."""
    return Article.objects.get(disclosure__validity="repealed").disclosure.replaced_by


@pytest.mark.screenshots
def test_policy_file_metadata_table_on_a_phone(demo_site, phone_page):
    article = current_policy_file()
    phone_page.goto(demo_site.url + article.get_absolute_url())
    table = phone_page.locator(".disclosure-table")
    expect(table).to_contain_text(article.disclosure.index_number)
    expect(table).to_contain_text("云组发〔2026〕2号")
    body_top = phone_page.locator(".article__body").bounding_box()["y"]
    assert table.bounding_box()["y"] < body_top  # above the text
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    # The title at the top of the screen, the metadata table below it.
    phone_page.evaluate(
        "window.scrollTo(0, document.querySelector('.article__title').getBoundingClientRect().top + window.scrollY - 8)"
    )
    screenshot(phone_page, "policy-phone")


@pytest.mark.screenshots
def test_policy_file_and_the_repealed_one_on_a_desktop(demo_site, desktop_page):
    article = current_policy_file()
    desktop_page.goto(demo_site.url + article.get_absolute_url())
    expect(desktop_page.locator(".disclosure-table")).to_contain_text("有效")
    expect(desktop_page.locator(".article__interprets").first).to_contain_text("政策解读")
    screenshot(desktop_page, "policy-desktop")
    repealed = Article.objects.get(disclosure__validity="repealed")
    desktop_page.goto(demo_site.url + repealed.get_absolute_url())
    desktop_page.get_by_role("link", name=article.title).first.click()
    expect(desktop_page.locator("h1")).to_have_text(article.title)
