from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    """Work that must not run inside a request: the task queue's worker and the periodic jobs it starts.

    A low-level app: it knows jobs only by their dotted task paths (settings.PERIODIC_TASKS), never by import.
    """

    name = "background"
    verbose_name = "后台任务"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
