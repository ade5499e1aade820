"""The dashboard's 信息报送 table and its Excel export show the same numbers (one computation, TownshipStats).

The case that disagreed: 城关街道 submitted in October; its article was published and adopted for
5 points in November. November's page said 采用率 100 % and listed it under 零报送 beside 发布 1 and
5 分, while the sheet said 0.0 %.
"""

import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from articles.models import AuditEntry
from reports.models import Adoption, Outlet
from tests.factories import ArticleFactory, TownshipFactory

from .conftest import shanghai

pytestmark = pytest.mark.django_db
PERIOD = {"period": "2025-11"}


def logged(article, action, when):
    entry = article.log(action, by=None)
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=when)


@pytest.fixture
def chengguan(county):
    """城关街道: submitted in October, published and adopted in November. 河湾乡: nothing at all."""
    TownshipFactory(slug="hewan", name="河湾乡")
    town = TownshipFactory(slug="chengguan", name="城关街道")
    article = ArticleFactory(column=county.township_news, township=town, published=True)
    logged(article, AuditEntry.Action.SUBMITTED, shanghai(2025, 10, 28, 9, 0))
    logged(article, AuditEntry.Action.PUBLISHED, shanghai(2025, 11, 3, 9, 0))
    article.published_at = shanghai(2025, 11, 3, 9, 0)
    article.save()
    outlet = Outlet.objects.get(name="县党建网转载")
    Adoption.objects.create(article=article, outlet=outlet, points=outlet.points, adopted_at=shanghai(2025, 11, 4))
    # 远门镇 submits one article twice (returned in between): 报送 1, not 2.
    twice = ArticleFactory(column=county.township_news, township=county.township)
    logged(twice, AuditEntry.Action.SUBMITTED, shanghai(2025, 11, 10, 9, 0))
    logged(twice, AuditEntry.Action.RETURNED, shanghai(2025, 11, 11, 9, 0))
    logged(twice, AuditEntry.Action.SUBMITTED, shanghai(2025, 11, 12, 9, 0))
    return town


def page_table(client):
    html = client.get("/workspace/dashboard/", PERIOD).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("table.dash-table")
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
        rows[cells[1]] = cells
    zero = soup.select_one(".dash-zero-list").get_text(strip=True).removeprefix("零报送：")
    return rows, zero


def shown(cell):
    """A sheet cell as Excel displays it, for the formats the export uses (— for no value)."""
    value = cell.value
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return {"0": f"{value:.0f}", "0.0": f"{value:.1f}", "0.0%": f"{value * 100:.1f}%"}.get(
        cell.number_format, str(value)
    )


def sheet_table(client):
    response = client.get("/workspace/dashboard/export/townships.xlsx", PERIOD)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows, zero = {}, None
    for cells in sheet.iter_rows(min_row=2):
        if cells[0].value == "零报送":
            zero = cells[1].value
        elif cells[0].value is not None:
            rows[cells[1].value] = [shown(cell) for cell in cells]
    return rows, zero


def test_the_page_and_the_sheet_show_the_same_numbers(client, people, chengguan):
    client.force_login(people.county_reviewer)
    page, page_zero = page_table(client)
    sheet, sheet_zero = sheet_table(client)
    assert page.keys() == sheet.keys() and {"城关街道", "河湾乡", "远门镇"} <= page.keys()
    for name, cells in page.items():
        assert cells == sheet[name], name
    assert page_zero == sheet_zero and "河湾乡" in page_zero and "城关街道" not in page_zero


def test_a_township_with_nothing_submitted_has_no_rate_and_is_no_zero_reporter_once_it_published(
    client, people, chengguan
):
    client.force_login(people.county_reviewer)
    page, zero = page_table(client)
    sheet, _ = sheet_table(client)
    # 报送 0 (October's submission), 发布 1, 被采用 1, 5 分: 采用率 is "—", not 100 % nor 0 %.
    assert page["城关街道"][2] == "0" and page["城关街道"][4] == "1" and page["城关街道"][7] == "5"
    assert page["城关街道"][8] == "—" and sheet["城关街道"][8] == "—"
    assert "城关街道" not in zero
    assert page["远门镇"][2] == "1" and sheet["远门镇"][2] == "1"  # one article, submitted twice
