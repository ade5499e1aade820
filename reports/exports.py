"""Dashboard tables as Excel workbooks (openpyxl): Chinese headers, real numbers with number formats."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .dashboard import zero_reporters

HEADER_FILL = PatternFill("solid", fgColor="FBEEEE")
INTEGER, DECIMAL, PERCENT, DATETIME = "0", "0.0", "0.0%", "yyyy-mm-dd hh:mm"
# A text cell starting with one of these is a formula (or DDE payload) to Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _sheet(workbook, title, headers, rows, formats, widths=None):
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(list(row))
    for column, number_format in enumerate(formats, start=1):
        if number_format:
            for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cells[0].number_format = number_format
    for column, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = (widths or {}).get(
            column, max(10, len(header) * 2 + 2)
        )
    sheet.freeze_panes = "A2"
    return sheet


def _book():
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _as_text(workbook):
    """Write every text cell as text: a figure label `=HYPERLINK(...)` must never become a live formula.

    openpyxl stores a string starting with "=" as a formula; forcing the string type keeps the value
    exactly as typed, and the quote prefix keeps Excel from re-reading it as a formula on edit.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
                    cell.quotePrefix = True


def _bytes(workbook):
    _as_text(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def township_stats_workbook(span, stats):
    """The dashboard's table as a sheet: `stats` from dashboard.township_stats, shown as the page shows them."""
    workbook = _book()
    headers = [
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
    rows = [
        (
            s.rank,
            s.township.name,
            s.submitted,
            s.returned,
            s.published,
            s.average_days,
            s.adopted,
            s.points,
            "—" if s.adoption_rate is None else s.adoption_rate,
        )
        for s in stats
    ]
    formats = [INTEGER, None, INTEGER, INTEGER, INTEGER, DECIMAL, INTEGER, INTEGER, PERCENT]
    sheet = _sheet(workbook, f"信息报送统计（{span.label}）"[:31], headers, rows, formats, {2: 14})
    sheet.append([])
    zero = [township.name for township in zero_reporters(stats)]
    sheet.append(["零报送", "、".join(zero) or "无"])
    return _bytes(workbook)


def submission_workbook(period, rows):
    workbook = _book()
    headers = ["乡镇", "报告标题", "首次报送时间", "报送情况", "逾期天数", "截止时间"]
    data = [
        (
            row.township.name,
            row.report.article.title if row.report else "",
            _local(row.submitted_at),
            row.label,
            row.days_late or None,
            _local(period.deadline),
        )
        for row in rows
    ]
    _sheet(
        workbook,
        f"{period.title}报送情况"[:31],
        headers,
        data,
        [None, None, DATETIME, None, INTEGER, DATETIME],
        {2: 40, 3: 18, 6: 18},
    )
    return _bytes(workbook)


def initiatives_workbook(initiatives):
    workbook = _book()
    headers = ["党建+ 项目", "乡镇", "指标", "最新数值", "单位", "统计截至", "上期数值", "变化"]
    rows = []
    for initiative in initiatives:
        for practice in initiative.practices.all():
            for series in practice.series:
                previous = series.previous.value if series.previous else None
                rows.append(
                    (
                        initiative.name,
                        practice.township.name,
                        series.label,
                        float(series.latest.value),
                        series.latest.unit,
                        series.latest.as_of,
                        float(previous) if previous is not None else None,
                        float(series.change) if series.change is not None else None,
                    )
                )
    _sheet(
        workbook,
        "党建+ 数据",
        headers,
        rows,
        [None, None, None, "#,##0.##", None, "yyyy-mm-dd", "#,##0.##", "+#,##0.##;-#,##0.##;0"],
        {1: 16, 3: 18},
    )
    return _bytes(workbook)


def _local(moment):
    from django.utils import timezone

    # Excel has no time zones: write the Asia/Shanghai wall-clock time a reader expects.
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None
