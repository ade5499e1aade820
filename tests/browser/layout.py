"""Helpers for the layout tests: element boxes as the browser lays them out, and screenshots to look at."""

from pathlib import Path

PHONE_WIDTH = 375
# Screenshots to look at while working, kept out of git (docs/screenshots/ belongs to `make screenshots`).
LOOK_AT = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def look_at(page, name, full_page=False):
    LOOK_AT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(LOOK_AT / f"{name}.png"), full_page=full_page)


def boxes(page, selector):
    """[text, left, top, width, height] of every rendered element the selector finds."""
    return page.eval_on_selector_all(
        selector,
        """els => els.filter(el => el.getClientRects().length).map(el => {
             const r = el.getBoundingClientRect();
             return [el.textContent.trim(), r.left, r.top, r.width, r.height];
           })""",
    )
