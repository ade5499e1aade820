"""One process for all background work: django-tasks-db's worker, and a thread that queues periodic jobs."""

import logging
import threading

from django.core.management import call_command
from django.db import close_old_connections

from . import schedule

logger = logging.getLogger(__name__)


def queue_periodic_jobs(stop, interval):
    """Every `interval` seconds, queue the periodic jobs whose period has come (see schedule.py)."""
    while not stop.is_set():
        try:
            for path in schedule.enqueue_due():
                logger.info("queued periodic job %s", path)
        except Exception:
            logger.exception("queueing periodic jobs failed; retrying in %s s", interval)
        finally:
            close_old_connections()
        stop.wait(interval)


def run(*, interval=30, batch=False, stdout=None):
    """Work the queue until stopped, queueing periodic jobs meanwhile; `batch`: queue what is due, run all, exit."""
    stop = threading.Event()
    if batch:
        schedule.enqueue_due()
    else:
        threading.Thread(target=queue_periodic_jobs, args=(stop, interval), daemon=True, name="periodic").start()
    try:
        call_command("db_worker", batch=batch, reload=False, interval=1, startup_delay=False, stdout=stdout)
    finally:
        stop.set()
