"""Periodic jobs: which period is due now, and queueing each period's run exactly once.

settings.PERIODIC_TASKS lists the jobs as {"task": dotted path, "every": "minute" | "hour" | "day", "at": "HH:MM"}.
A period is named by local time ("2026-12-02" for a daily job); a job is queued when the period it is in has not been
queued before. The claim and the queued task are written in one transaction, so two workers (or a crash between the
two writes) never queue a period twice or lose it, and a worker that was down catches up once when it starts.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicRun
from .queue import enqueue_once

FORMATS = {"minute": "%Y-%m-%dT%H:%M", "hour": "%Y-%m-%dT%H", "day": "%Y-%m-%d"}


@dataclass(frozen=True)
class Job:
    task: str
    every: str
    at: datetime.time = datetime.time(0, 0)

    @classmethod
    def from_setting(cls, entry):
        if entry["every"] not in FORMATS:
            raise ValueError(f"{entry['task']}: every must be one of {', '.join(FORMATS)}")
        at = datetime.time.fromisoformat(entry["at"]) if entry.get("at") else datetime.time(0, 0)
        return cls(task=entry["task"], every=entry["every"], at=at)

    def period(self, now):
        """The name of the period `now` falls in; a daily job's day starts at its `at` time."""
        local = timezone.localtime(now)
        if self.every == "day":
            local -= datetime.timedelta(hours=self.at.hour, minutes=self.at.minute)
        return local.strftime(FORMATS[self.every])


def jobs():
    return [Job.from_setting(entry) for entry in settings.PERIODIC_TASKS]


def claim(job, period, now):
    """Mark `period` as queued for `job` unless it (or a later one) already was; True when this call claimed it."""
    PeriodicRun.objects.get_or_create(job=job.task)  # a row made by another worker meanwhile is fetched instead
    return bool(
        PeriodicRun.objects.filter(job=job.task, last_period__lt=period).update(last_period=period, enqueued_at=now)
    )


def enqueue_due(now=None):
    """Queue every job whose current period has not been queued yet; returns the task paths queued."""
    now = now or timezone.now()
    queued = []
    for job in jobs():
        period = job.period(now)
        with transaction.atomic():
            # A run still waiting (behind a long export, say) covers this period too: minute jobs never pile up.
            if claim(job, period, now) and enqueue_once(import_string(job.task)) is not None:
                queued.append(job.task)
    return queued
