"""Public pages for elderly readers on a phone: reading-size badges, 44 px targets, a menu that fits."""

import pytest

from articles.models import Article

from .layout import PHONE_WIDTH, boxes, look_at

pytestmark = pytest.mark.django_db(transaction=True)


def public_pages():
    article = Article.objects.published().filter(township__isnull=False).first()
    return ["/", "/townships/", article.column.get_absolute_url(), article.get_absolute_url()]


def test_pinned_badge_is_at_least_reading_size(demo_site, phone_page):
    phone_page.goto(demo_site.url + "/")
    sizes = phone_page.eval_on_selector_all(
        ".tag--pin", "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"
    )
    assert sizes, "the demo home page shows pinned articles"
    assert min(sizes) >= 16


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_menu_breadcrumb_and_footer_links_are_44px_targets(demo_site, request, viewport):
    page = request.getfixturevalue(viewport)
    small = []
    for path in public_pages():
        page.goto(demo_site.url + path)
        small += [
            (path, text, round(width), round(height))
            for text, _left, _top, width, height in boxes(page, ".site-nav a, .breadcrumbs a, .site-footer__links a")
            if width < 44 or height < 44
        ]
    assert small == []


def test_phone_menu_wraps_so_every_item_is_on_screen(demo_site, phone_page):
    phone_page.goto(demo_site.url + "/")
    look_at(phone_page, "menu-phone")
    items = boxes(phone_page, ".site-nav a")
    assert len(items) >= 7  # 首页, the top-level columns, 乡镇风采 and 党建+
    off_screen = [text for text, left, _top, width, _h in items if left < 0 or left + width > PHONE_WIDTH]
    assert off_screen == []
    hidden_overflow = phone_page.eval_on_selector(".site-nav__list", "ul => ul.scrollWidth - ul.clientWidth")
    assert hidden_overflow <= 0
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
