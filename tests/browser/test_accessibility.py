"""axe-core (npm, injected by Playwright) finds no violations on public pages, of any impact."""

from pathlib import Path

import pytest

from articles.models import Article, Column
from tests.test_html_validity import disclosure_pages

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pages():
    article = Article.objects.published().filter(township__isnull=False).first()
    column = Column.objects.visible().filter(parent__isnull=False).first()
    ended = Article.objects.published().filter(ended_at__isnull=False).first()  # banner and 「已结束」 tag
    return [
        "/",
        ended.get_absolute_url(),
        ended.column.get_absolute_url(),
        column.get_absolute_url(),
        article.get_absolute_url(),
        article.township.get_absolute_url(),
        article.initiatives.first().get_absolute_url(),
        "/townships/",
        "/initiatives/",
        "/search/?q=%E5%85%9A%E5%BB%BA%20%E4%B9%A1%E6%9D%91",
        "/letters/",
        "/letters/write/",
        "/letters/status/",
        "/sitemap/",
        *disclosure_pages().values(),
        Article.objects.published().filter(attachments__isnull=False).first().get_absolute_url(),  # 附件 list
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_public_pages_have_no_axe_violations(demo_site, browser, width):
    assert AXE.exists(), "run `make install` (npm install --ignore-scripts) to get axe-core"
    # axe is injected as an inline script, which the site's CSP rightly blocks; the audit bypasses it.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in pages():
        page.goto(demo_site.url + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations")
        found += [
            f"{path} [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}×) {v['nodes'][0]['target']}"
            for v in violations  # none at all: serious and critical are the bar, the rest are clean too
        ]
    context.close()
    assert found == []


def test_elder_mode_contrast_and_reading_guide_persist(demo_site, phone_page):
    """无障碍 / 长者模式: larger text and spacing, high contrast and a reading guide, remembered across pages."""
    page = phone_page
    page.goto(demo_site.url + "/")
    size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_text("无障碍 · 长者模式").click()
    page.get_by_role("button", name="长者模式").click()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") > size
    page.get_by_role("button", name="高对比度").click()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.get_by_role("button", name="阅读辅助线").click()
    assert page.locator(".reading-guide").count() == 1
    page.goto(demo_site.url + "/townships/")
    classes = page.evaluate("document.documentElement.className")
    assert "a11y-elder" in classes and "a11y-contrast" in classes and "a11y-guide" in classes
    page.get_by_text("无障碍 · 长者模式").click()
    assert page.get_by_role("button", name="长者模式").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="恢复默认").click()
    assert "a11y-elder" not in page.evaluate("document.documentElement.className")
