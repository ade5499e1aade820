"""Queueing helpers for tasks that rebuild something from the database as it is when they run."""

from django.tasks import Task


def enqueue_once(task: Task):
    """Queue `task` (which takes no arguments) unless a run of it is already waiting: that run has not started, so
    it will see the change that asked for this one too. Twenty column edits in a row cost one full export."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = task.get_backend()
    if isinstance(backend, DatabaseBackend):
        waiting = DBTaskResult.objects.ready().filter(backend_name=backend.alias, task_path=task.module_path)
        if waiting.exists():
            return None
    return task.enqueue()
