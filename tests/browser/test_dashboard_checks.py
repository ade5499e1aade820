"""The dashboard in Chromium: its table and the Excel it downloads say the same, and the inspection light
is amber 「尚未完成检查」 on the demo, whose link, tamper and content checks have never run."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.reports.test_dashboard_export_agree import shown

from .test_workflow_path import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_dashboard_and_its_excel_agree_and_unchecked_rules_are_not_passed(demo_site, desktop_page):
    page = desktop_page
    log_in(page, demo_site.url, "county_reviewer")
    page.get_by_role("link", name="考核看板").click()
    expect(page.get_by_role("heading", name="网站检查：黄灯（尚未完成检查）")).to_be_visible()
    checks = page.locator("table.inspection__rules tbody tr")
    link_row = checks.filter(has=page.get_by_role("rowheader", name="首页链接可用", exact=True))
    expect(link_row).to_contain_text("尚未检查")
    expect(link_row).to_contain_text("从未运行")
    expect(link_row).not_to_contain_text("通过")

    rows = page.locator("table.dash-table tbody tr")
    on_page = {}
    for index in range(rows.count()):
        cells = [c.strip() for c in rows.nth(index).locator("th, td").all_inner_texts()]
        on_page[cells[1]] = cells
    zero_on_page = page.locator(".dash-zero-list").inner_text().removeprefix("零报送：").strip()
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Excel").first.click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    in_sheet, zero_in_sheet = {}, None
    for cells in sheet.iter_rows(min_row=2):
        if cells[0].value == "零报送":
            zero_in_sheet = cells[1].value
        elif cells[0].value is not None:
            in_sheet[cells[1].value] = [shown(cell) for cell in cells]
    assert on_page == in_sheet
    assert zero_on_page == zero_in_sheet
