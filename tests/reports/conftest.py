import datetime

import pytest
from django.utils import timezone

from articles.models import Article, AuditEntry
from reports.models import ReportPeriod, WorkReport
from tests.factories import ColumnFactory

ZONE = timezone.get_default_timezone()


def shanghai(*args):
    return timezone.make_aware(datetime.datetime(*args), ZONE)


@pytest.fixture
def period(db):
    return ReportPeriod.objects.create(year=2025, span="half", number=1, deadline=shanghai(2025, 7, 10, 18, 0))


@pytest.fixture
def report_column(db):
    return ColumnFactory(slug="work-reports", name="工作报告", update_class="report")


@pytest.fixture
def make_report(report_column, people):
    def make(township, period, submitted_at=None, internal=True, status=Article.Status.PUBLISHED):
        article = Article(
            title=f"{township.name}{period.title}党建工作总结",
            column=report_column,
            township=township,
            body="<h2>一、主要工作及成效</h2><p>全镇党员1260名。</p>",
            is_internal=internal,
            status=status,
            published_at=(submitted_at or timezone.now()) + datetime.timedelta(days=2),
        )
        article.save_revision(by=people.editor)
        if submitted_at:
            entry = article.log(AuditEntry.Action.SUBMITTED, by=people.editor, to_status="township_review")
            AuditEntry.objects.filter(pk=entry.pk).update(created_at=submitted_at)
        return WorkReport.objects.create(article=article, township=township, period=period)

    return make
