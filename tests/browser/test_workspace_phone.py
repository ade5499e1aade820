"""The workspace on a phone: a list that fits 375 px and a login form with room between its parts."""

import pytest
from playwright.sync_api import expect

from .layout import PHONE_WIDTH, boxes, look_at

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Yunxi@2026"


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("navigation", name="工作台")).to_be_visible()


def test_workspace_list_shows_every_column_on_a_phone(demo_site, phone_page):
    log_in(phone_page, demo_site.url, "county_reviewer")
    phone_page.goto(demo_site.url + "/workspace/?tab=all")
    rows = phone_page.locator(".ws-table tbody tr")
    expect(rows.first).to_be_visible()
    look_at(phone_page, "workspace-list-phone")
    statuses = boxes(phone_page, ".ws-table tbody .status")
    assert len(statuses) == rows.count()
    assert all(left >= 0 and left + width <= PHONE_WIDTH for _t, left, _top, width, _h in statuses)
    cut_off = [
        text for text, left, _top, width, _h in boxes(phone_page, ".ws-table tbody td") if left + width > PHONE_WIDTH
    ]
    assert cut_off == []
    # Each value still says which column it belongs to, although the header row is not shown.
    headers = phone_page.locator(".ws-table thead th").all_inner_texts()
    first_row = rows.first.locator("td")
    assert first_row.evaluate_all("tds => tds.slice(1).map(td => td.dataset.label)") == headers[1:]
    assert "none" not in first_row.evaluate_all(
        "tds => tds.slice(1).map(td => getComputedStyle(td, '::before').content)"
    )


def test_login_button_stands_clear_of_the_password_field(demo_site, phone_page):
    phone_page.goto(demo_site.url + "/accounts/login/")
    field = phone_page.get_by_label("密码").bounding_box()
    button = phone_page.get_by_role("button", name="登录").bounding_box()
    assert button["y"] - (field["y"] + field["height"]) >= 8


def test_login_labels_have_no_ascii_colon(demo_site, phone_page):
    """Django's labels end in ":" even in zh-hans; ours, like every form of the workspace, have none."""
    phone_page.goto(demo_site.url + "/accounts/login/")
    assert phone_page.locator("form.ws-form label").all_inner_texts() == ["用户名", "密码"]
