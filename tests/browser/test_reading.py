"""What a reader does on a phone: read an article, enlarge the text, move on, print."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def paragraph_font_px(page):
    return float(
        page.locator(".article__body p").first.evaluate("p => getComputedStyle(p).fontSize").removesuffix("px")
    )


def article_with_an_older_neighbour():
    for article in Article.objects.published().filter(column__slug="township-news").order_by("-published_at"):
        if article.neighbours()[1]:
            return article
    raise AssertionError("demo has no township article with a 下一篇")


@pytest.mark.screenshots
def test_large_text_grows_the_body_and_persists_to_the_next_article(demo_site, phone_page):
    article = article_with_an_older_neighbour()
    phone_page.goto(demo_site.url + article.get_absolute_url())
    screenshot(phone_page, "article-phone")
    default_size = paragraph_font_px(phone_page)
    assert default_size >= 18

    phone_page.get_by_role("button", name="字体大").click()
    large_size = paragraph_font_px(phone_page)
    assert large_size > default_size
    expect(phone_page.get_by_role("button", name="字体大")).to_have_attribute("aria-pressed", "true")

    next_link = phone_page.get_by_role("navigation", name="上一篇和下一篇").get_by_role(
        "link", name=article.neighbours()[1].title
    )
    next_link.click()
    phone_page.wait_for_load_state()
    assert phone_page.locator("h1").inner_text() == article.neighbours()[1].title
    assert paragraph_font_px(phone_page) == large_size
    expect(phone_page.get_by_role("button", name="字体大")).to_have_attribute("aria-pressed", "true")

    phone_page.get_by_role("button", name="字体小").click()
    assert paragraph_font_px(phone_page) < default_size
    phone_page.reload()
    assert paragraph_font_px(phone_page) < default_size


def test_print_media_shows_the_article_alone_in_black_on_white(demo_site, desktop_page):
    article = article_with_an_older_neighbour()
    desktop_page.goto(demo_site.url + article.get_absolute_url())
    expect(desktop_page.locator(".site-nav")).to_be_visible()
    desktop_page.emulate_media(media="print")
    for hidden in (".site-nav", ".site-header", ".breadcrumbs", ".article__tools", ".prev-next", ".site-footer"):
        expect(desktop_page.locator(hidden).first).to_be_hidden()
    expect(desktop_page.locator(".article__body")).to_be_visible()
    colours = desktop_page.locator(".article__body p").first.evaluate(
        "p => [getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]


def test_pages_read_with_javascript_off(demo_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    article = article_with_an_older_neighbour()
    page.goto(demo_site.url + article.get_absolute_url())
    expect(page.locator(".article__body p").first).to_be_visible()
    expect(page.locator(".font-switch")).to_be_hidden()  # needs JavaScript, so not offered
    page.locator(".prev-next a[rel=next]").click()
    expect(page.locator("h1")).to_have_text(article.neighbours()[1].title)
    context.close()


@pytest.mark.screenshots
def test_phone_layout_meets_the_elderly_reader_minimums(demo_site, phone_page):
    phone_page.goto(demo_site.url + "/")
    screenshot(phone_page, "home-phone")
    body_px = phone_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    line_height = phone_page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.news-list__item a')); "
        "return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()"
    )
    assert body_px >= 18 and line_height >= 1.6
    small_targets = phone_page.evaluate(
        """() => [...document.querySelectorAll('main a, nav a, button')]
              .filter(el => el.offsetParent !== null)
              .map(el => [el.textContent.trim(), el.getBoundingClientRect().height])
              .filter(([, h]) => h < 44)"""
    )
    assert small_targets == []
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling


@pytest.mark.screenshots
def test_home_and_article_on_desktop(demo_site, desktop_page):
    desktop_page.goto(demo_site.url + "/")
    screenshot(desktop_page, "home-desktop")
    article = article_with_an_older_neighbour()
    desktop_page.goto(demo_site.url + article.get_absolute_url())
    screenshot(desktop_page, "article-desktop")
    expect(desktop_page.locator(".breadcrumbs")).to_contain_text("您现在的位置：首页 > 新闻中心 > 乡镇动态 > 正文")
