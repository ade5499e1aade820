import datetime

import pytest
from openpyxl import load_workbook

from articles.models import AuditEntry
from reports import dashboard
from reports.models import Adoption, Outlet
from tests.factories import ArticleFactory, TownshipFactory

from .conftest import shanghai

pytestmark = pytest.mark.django_db


def logged(article, action, when):
    entry = article.log(action, by=None)
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=when)


@pytest.fixture
def november(county):
    """远门镇: 2 submitted, 1 returned, 1 published (3 days after submission), 1 adopted for 5 points."""
    quiet = TownshipFactory(slug="hewan", name="河湾乡")
    first = ArticleFactory(column=county.township_news, township=county.township, published=True)
    second = ArticleFactory(column=county.township_news, township=county.township)
    logged(first, AuditEntry.Action.SUBMITTED, shanghai(2025, 11, 3, 9, 0))
    logged(first, AuditEntry.Action.PUBLISHED, shanghai(2025, 11, 6, 9, 0))
    first.published_at = shanghai(2025, 11, 6, 9, 0)
    first.save()
    logged(second, AuditEntry.Action.SUBMITTED, shanghai(2025, 11, 20, 9, 0))
    logged(second, AuditEntry.Action.RETURNED, shanghai(2025, 11, 21, 9, 0))
    logged(second, AuditEntry.Action.SUBMITTED, shanghai(2025, 12, 1, 0, 30))  # December in Shanghai
    outlet = Outlet.objects.get(name="县党建网转载")
    Adoption.objects.create(article=first, outlet=outlet, points=outlet.points, adopted_at=shanghai(2025, 11, 7))
    return quiet


def test_month_stats_per_township(november, county):
    stats = {s.township.slug: s for s in dashboard.township_stats(dashboard.Span.parse("2025-11"))}
    yuanmen = stats["yuanmen"]
    assert (yuanmen.submitted, yuanmen.returned, yuanmen.published) == (2, 1, 1)
    assert yuanmen.average_days == 3.0 and yuanmen.points == 5 and yuanmen.adoption_rate == 0.5
    assert yuanmen.rank == 1 and stats["hewan"].rank == 2
    assert dashboard.zero_reporters(list(stats.values())) == [november]


def test_spans_follow_shanghai_calendar():
    span = dashboard.Span.parse("2025-Q4")
    assert span.start == shanghai(2025, 10, 1) and span.end == shanghai(2026, 1, 1)
    assert dashboard.Span.parse("2025-12").end == shanghai(2026, 1, 1)
    assert dashboard.Span.parse("nonsense").key == dashboard.Span.parse("").key  # falls back to this month


def test_dashboard_queries_are_bounded(client, people, november, add_articles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people.county_reviewer)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/workspace/dashboard/", {"period": "2025-11"}).status_code == 200
        return len(captured)

    count()  # warm the menu and profile caches
    small = count()
    add_articles(60)
    for _ in range(5):
        TownshipFactory()
    count()  # the new articles may show a column: the menu and profile caches are rebuilt once
    # 30, +2 for the oldest open letter (the 19号 inspection rule and its own dashboard panel).
    assert count() == small <= 32  # the same handful of grouped queries, whatever the data


@pytest.mark.parametrize("role", ["editor", "township_reviewer"])
def test_dashboard_is_for_the_county_only(client, people, role):
    client.force_login(getattr(people, role))
    assert client.get("/workspace/dashboard/").status_code == 403
    assert client.get("/workspace/dashboard/export/townships.xlsx").status_code == 403


def test_excel_export_has_chinese_headers_and_real_numbers(client, people, november):
    client.force_login(people.county_reviewer)
    response = client.get("/workspace/dashboard/export/townships.xlsx", {"period": "2025-11"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    import io

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == [
        "排名",
        "乡镇",
        "报送篇数",
        "退回次数",
        "发布篇数",
        "平均审发天数",
        "被采用篇数",
        "信息报送得分",
        "采用率",
    ]
    row = [c.value for c in sheet[2]]
    assert row[:5] == [1, "远门镇", 2, 1, 1] and row[5] == 3.0 and row[7] == 5 and row[8] == 0.5
    assert sheet["I2"].number_format == "0.0%" and sheet["F2"].number_format == "0.0"
    assert sheet.cell(row=sheet.max_row, column=1).value == "零报送"


def test_submission_and_initiative_exports_open(client, people, period, make_report, county):
    make_report(county.township, period, submitted_at=shanghai(2025, 7, 9, 10, 0))
    client.force_login(people.county_reviewer)
    import io

    book = load_workbook(io.BytesIO(client.get("/workspace/dashboard/export/submissions.xlsx").content))
    sheet = book.active
    assert [c.value for c in sheet[1]][:4] == ["乡镇", "报告标题", "首次报送时间", "报送情况"]
    assert sheet["A2"].value == "远门镇" and sheet["D2"].value == "按时报送"
    assert sheet["C2"].value == datetime.datetime(2025, 7, 9, 10, 0)  # Shanghai wall-clock time
    book = load_workbook(io.BytesIO(client.get("/workspace/dashboard/export/initiatives.xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("党建+ 项目", "乡镇", "指标")
    monitors = next(r for r in rows if r[2] == "监控点位")
    assert monitors[:5] == ("党建+平安建设", "远门镇", "监控点位", 114, "个")
    assert monitors[6:] == (86, 28)  # the previous figure and the change


@pytest.mark.parametrize("label", ['=HYPERLINK("http://e.cn/x","点击")', "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1"])
def test_exported_labels_that_look_like_formulas_stay_text(client, people, county, label):
    import io
    import zipfile

    from tests.factories import FigureFactory

    FigureFactory(practice=county.practice, label=label, value=3, unit="个")
    client.force_login(people.county_reviewer)
    data = client.get("/workspace/dashboard/export/initiatives.xlsx").content
    cell = next(c for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row if c.value == label)
    assert cell.data_type == "s" and cell.quotePrefix
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
