import pytest

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings):
    """Tasks go to the database queue, as in production: a request only queues them; the worker runs them."""
    settings.TASKS = DB_BACKEND
    settings.PERIODIC_TASKS = []  # a test that wants a periodic job names it
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects
