"""The county reviewer's dashboard and a printed work report, in Chromium."""

import io
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from reports.models import WorkReport

from .conftest import SCREENSHOTS, screenshot
from .test_workflow_path import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


@pytest.mark.screenshots
def test_county_reviewer_reads_the_dashboard_and_downloads_excel(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    log_in(page, base, "county_reviewer")
    page.get_by_role("link", name="考核看板").click()
    expect(page.get_by_role("heading", name="考核看板")).to_be_visible()
    year = timezone.localdate().year  # the periods offered run back from today: this year and the last
    page.get_by_label("统计期间").select_option(label=f"{year}年")
    page.get_by_role("button", name="查看").click()
    expect(page.locator(".dash-table tbody tr")).to_have_count(7)
    expect(page.get_by_role("img", name=f"{year}年信息报送得分")).to_be_visible()
    page.get_by_label("报告周期").select_option(label="2025年度")
    page.get_by_role("button", name="切换").click()
    expect(page.locator(".submission--missing")).to_have_count(1)
    screenshot(page, "dashboard", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Excel").first.click()
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    sheet = book.active
    assert sheet["B1"].value == "乡镇" and sheet.max_row >= 8
    assert download.value.suggested_filename.endswith(".xlsx")


@pytest.mark.screenshots
def test_work_report_prints_to_pdf(demo_site, desktop_page):
    page, base = desktop_page, demo_site.url
    log_in(page, base, "county_reviewer")
    report = WorkReport.objects.filter(township__slug="yuanmen", period__year=2025, period__span="year").get()
    page.goto(base + f"/workspace/reports/{report.pk}/print/")
    expect(page.get_by_role("heading", name=report.article.title)).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".screen-only")).to_be_hidden()
    screenshot(page, "report-print", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (SCREENSHOTS / "report-print.pdf").write_bytes(pdf)
