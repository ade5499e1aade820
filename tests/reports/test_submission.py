"""报送情况 around the deadline, in Asia/Shanghai, across period boundaries."""

import datetime

import pytest

from reports.models import ReportPeriod
from reports.submission import LATE, MISSING, ON_TIME, PENDING, status_for, submission_table

from .conftest import shanghai

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.mark.parametrize(
    ("submitted", "expected", "days"),
    [
        (shanghai(2025, 7, 10, 17, 59), ON_TIME, 0),
        (shanghai(2025, 7, 10, 18, 0), ON_TIME, 0),  # exactly at the deadline still counts
        (shanghai(2025, 7, 10, 18, 1), LATE, 1),
        (shanghai(2025, 7, 12, 9, 0), LATE, 2),
        # 2025-07-10 10:30 UTC is 18:30 in Shanghai: late, although the UTC date looks early.
        (datetime.datetime(2025, 7, 10, 10, 30, tzinfo=UTC), LATE, 1),
        # 2025-07-10 09:59 UTC is 17:59 in Shanghai: on time.
        (datetime.datetime(2025, 7, 10, 9, 59, tzinfo=UTC), ON_TIME, 0),
    ],
)
def test_deadline_is_an_exact_moment_in_shanghai(period, submitted, expected, days):
    assert status_for(submitted, period.deadline, shanghai(2025, 8, 1)) == (expected, days)


def test_not_submitted_is_pending_before_and_missing_after_the_deadline(period):
    assert status_for(None, period.deadline, shanghai(2025, 7, 10, 17, 0))[0] == PENDING
    assert status_for(None, period.deadline, shanghai(2025, 7, 10, 18, 0, 1))[0] == MISSING


def test_table_has_every_township_with_its_status(period, make_report, county, people):
    make_report(county.township, period, submitted_at=shanghai(2025, 7, 11, 9, 0))
    rows = {row.township.slug: row for row in submission_table(period, now=shanghai(2025, 7, 20))}
    assert rows["yuanmen"].status == LATE and rows["yuanmen"].label == "逾期报送（1 天）"
    assert rows["shiqiao"].status == MISSING and rows["shiqiao"].report is None


def test_the_first_submission_counts_not_a_resubmission(period, make_report, county):
    from articles.models import AuditEntry

    report = make_report(county.township, period, submitted_at=shanghai(2025, 7, 9, 9, 0))
    later = report.article.log(AuditEntry.Action.SUBMITTED, by=None)  # returned and resubmitted after the deadline
    AuditEntry.objects.filter(pk=later.pk).update(created_at=shanghai(2025, 7, 15, 9, 0))
    [row] = [r for r in submission_table(period, now=shanghai(2025, 8, 1)) if r.township == county.township]
    assert row.status == ON_TIME


@pytest.mark.parametrize(
    ("span", "number", "starts", "ends", "title"),
    [
        ("half", 1, (2025, 1, 1), (2025, 6, 30), "2025年上半年"),
        ("half", 2, (2025, 7, 1), (2025, 12, 31), "2025年下半年"),
        ("quarter", 4, (2025, 10, 1), (2025, 12, 31), "2025年第四季度"),
        ("quarter", 1, (2025, 1, 1), (2025, 3, 31), "2025年第一季度"),
        ("year", 1, (2025, 1, 1), (2025, 12, 31), "2025年度"),
    ],
)
def test_period_boundaries(span, number, starts, ends, title):
    period = ReportPeriod(year=2025, span=span, number=number, deadline=shanghai(2026, 1, 15))
    assert (period.starts_on, period.ends_on, period.title) == (datetime.date(*starts), datetime.date(*ends), title)


def test_a_period_number_must_fit_its_span():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ReportPeriod(year=2025, span="half", number=3, deadline=shanghai(2025, 7, 1)).full_clean()
