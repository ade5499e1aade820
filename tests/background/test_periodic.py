"""Periodic jobs are queued once per period, whatever the worker's restarts; a missed period runs once."""

import datetime
import zoneinfo

import pytest
from django.core import checks
from django.core.management import call_command
from django.tasks import TaskResultStatus

from articles.status import Status
from background import schedule
from background.models import PeriodicRun

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
INSPECTION = "inspection.tasks.daily_inspection"


def at(day, hour, minute=0):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def only_inspection(settings):
    settings.PERIODIC_TASKS = [{"task": INSPECTION, "every": "day", "at": "02:00"}]


def test_daily_job_is_queued_once_a_day_however_often_the_worker_restarts(db, queued_tasks, only_inspection):
    assert schedule.enqueue_due(now=at(10, 9)) == [INSPECTION]
    # Restarts later the same day (each start asks again): the day's run is already queued.
    for hour in (9, 13, 23):
        assert schedule.enqueue_due(now=at(10, hour, 30)) == []
    assert schedule.enqueue_due(now=at(11, 1, 59)) == [], "before 02:00 it is still the 10th's period"
    queued_tasks.update(status=TaskResultStatus.SUCCESSFUL)  # the worker ran the 10th's
    assert schedule.enqueue_due(now=at(11, 2, 0)) == [INSPECTION]
    assert queued_tasks.filter(task_path=INSPECTION).count() == 2
    assert PeriodicRun.objects.get(job=INSPECTION).last_period == "2026-03-11"


def test_a_worker_down_for_days_runs_the_missed_job_once_when_it_starts(db, queued_tasks, only_inspection):
    PeriodicRun.objects.create(job=INSPECTION, last_period="2026-03-07")

    assert schedule.enqueue_due(now=at(10, 15)) == [INSPECTION]
    assert schedule.enqueue_due(now=at(10, 15, 1)) == []
    assert queued_tasks.filter(task_path=INSPECTION).count() == 1


def test_a_job_still_waiting_is_not_queued_again_for_the_next_period(db, queued_tasks, settings):
    """Behind a long export, 定时发布 is not stacked up once a minute: the waiting run covers the new minutes."""
    job = "articles.tasks.publish_due_articles"
    settings.PERIODIC_TASKS = [{"task": job, "every": "minute"}]
    assert schedule.enqueue_due(now=at(10, 9, 0)) == [job]
    assert schedule.enqueue_due(now=at(10, 9, 1)) == []
    assert schedule.enqueue_due(now=at(10, 9, 2)) == []
    assert queued_tasks.filter(task_path=job, status=TaskResultStatus.READY).count() == 1


def test_a_clock_set_back_never_repeats_a_period(db, queued_tasks, only_inspection):
    schedule.enqueue_due(now=at(12, 8))
    assert schedule.enqueue_due(now=at(11, 8)) == []
    assert queued_tasks.filter(task_path=INSPECTION).count() == 1


def test_hourly_and_minutely_periods(settings, db, queued_tasks):
    settings.PERIODIC_TASKS = [
        {"task": "reports.tasks.send_deadline_reminders", "every": "hour"},
        {"task": "articles.tasks.publish_due_articles", "every": "minute"},
    ]
    ran = {"status": TaskResultStatus.SUCCESSFUL}  # the worker works the queue between the periods
    assert len(schedule.enqueue_due(now=at(10, 9, 0))) == 2
    assert schedule.enqueue_due(now=at(10, 9, 0)) == []
    queued_tasks.update(**ran)
    assert schedule.enqueue_due(now=at(10, 9, 1)) == ["articles.tasks.publish_due_articles"]
    queued_tasks.update(**ran)
    assert len(schedule.enqueue_due(now=at(10, 10, 0))) == 2


@pytest.mark.django_db(transaction=True)  # the worker commits as in production
def test_the_worker_publishes_a_scheduled_article_that_has_come_due(draft, people, queued_tasks, settings):
    from django.utils import timezone

    from articles.models import Article

    settings.PERIODIC_TASKS = [{"task": "articles.tasks.publish_due_articles", "every": "minute"}]
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.approve(by=people.township_reviewer)
    draft.publish(by=people.county_reviewer, at=timezone.now() + datetime.timedelta(hours=2))
    Article.objects.filter(pk=draft.pk).update(scheduled_at=timezone.now() - datetime.timedelta(seconds=1))
    assert draft.status == Status.SCHEDULED

    call_command("run_worker", "--once")

    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    run = queued_tasks.get(task_path="articles.tasks.publish_due_articles")
    assert run.status == TaskResultStatus.SUCCESSFUL, run.traceback


# The model checks ask the database what it supports (JSONField): the first test of a worker may be this one.
@pytest.mark.django_db
def test_check_warns_when_the_immediate_backend_would_export_inside_requests(settings, tmp_path):
    settings.STATIC_EXPORT_DIR = str(tmp_path)
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    assert "background.W001" in {m.id for m in checks.run_checks()}

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "background.W001" not in {m.id for m in checks.run_checks()}

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.STATIC_EXPORT_DIR = ""
    assert "background.W001" not in {m.id for m in checks.run_checks()}
