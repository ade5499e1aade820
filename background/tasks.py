"""Housekeeping of the task queue itself."""

from django.core.management import call_command
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends

KEEP_RESULTS_DAYS = 14
KEEP_FAILURES_DAYS = 60


@task
def prune_task_results():
    """Finished task results go after two weeks; failures stay visible in the admin for two months."""
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return  # nothing is stored to prune
    call_command(
        "prune_db_task_results", min_age_days=KEEP_RESULTS_DAYS, failed_min_age_days=KEEP_FAILURES_DAYS, verbosity=0
    )
