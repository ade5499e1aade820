"""System checks: background work that would silently run inside requests."""

from django.conf import settings
from django.core import checks
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.tasks.backends.immediate import ImmediateBackend


@checks.register(checks.Tags.compatibility)
def immediate_backend_with_static_export(app_configs=None, **kwargs):
    if not settings.STATIC_EXPORT_DIR:
        return []
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend):
        return []
    return [
        checks.Warning(
            "STATIC_EXPORT_DIR is set but tasks run on the immediate backend: saving a column, township or the "
            "site profile would re-export the whole site inside the admin's request.",
            hint="Use django_tasks_db.DatabaseBackend (TASKS_BACKEND) and run `manage.py run_worker`.",
            id="background.W001",
        )
    ]
