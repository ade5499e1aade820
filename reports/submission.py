"""报送情况: which township sent its report for a period on time, late, or not at all."""

import math
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from articles.models import AuditEntry
from townships.models import Township

from .models import WorkReport

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"
LABELS = {ON_TIME: "按时报送", LATE: "逾期报送", MISSING: "未报送", PENDING: "尚未报送（未到截止时间）"}


@dataclass
class SubmissionRow:
    township: Township
    report: WorkReport | None
    submitted_at: object  # aware datetime or None
    status: str
    days_late: int = 0

    @property
    def label(self):
        return LABELS[self.status] + (f"（{self.days_late} 天）" if self.status == LATE else "")


def status_for(submitted_at, deadline, now):
    """The rule: a report counts from its first submission; the deadline is an exact moment (Asia/Shanghai)."""
    if submitted_at is None:
        return (MISSING if now > deadline else PENDING), 0
    if submitted_at <= deadline:
        return ON_TIME, 0
    return LATE, math.ceil((submitted_at - deadline).total_seconds() / 86400)


def first_submission():
    return Subquery(
        AuditEntry.objects.filter(article=OuterRef("article"), action=AuditEntry.Action.SUBMITTED)
        .order_by("created_at")
        .values("created_at")[:1]
    )


def submission_table(period, kind=WorkReport.Kind.SUMMARY, now=None):
    """One row per township, in township order (two queries, however many townships)."""
    now = now or timezone.now()
    reports = {
        report.township_id: report
        for report in WorkReport.objects.filter(period=period, kind=kind)
        .select_related("article")
        .annotate(first_submitted_at=first_submission())
    }
    rows = []
    for township in Township.objects.all():
        report = reports.get(township.pk)
        submitted_at = report.first_submitted_at if report else None
        status, days_late = status_for(submitted_at, period.deadline, now)
        rows.append(SubmissionRow(township, report, submitted_at, status, days_late))
    return rows
