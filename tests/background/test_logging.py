import io
import logging
import sys

import pytest
from django.utils.log import configure_logging


def test_a_task_log_line_is_written_once_in_development(settings_debug_logging):
    """Django's own console handler for the `django` loggers (DEBUG only) repeated every worker line after ours."""
    logging.getLogger("django.tasks").info("Task id=1 path=x state=SUCCESSFUL")

    lines = [line for line in settings_debug_logging.getvalue().splitlines() if "state=SUCCESSFUL" in line]
    assert len(lines) == 1
    assert "INFO django.tasks" in lines[0]  # our formatter: time, level and logger name


def test_django_request_errors_still_reach_the_log(settings_debug_logging):
    logging.getLogger("django.request").error("Internal Server Error: /x/")

    assert settings_debug_logging.getvalue().count("Internal Server Error: /x/") == 1


@pytest.fixture
def settings_debug_logging(settings, monkeypatch):
    """The project's LOGGING applied as Django applies it at start-up, with DEBUG on and INFO level; output captured."""
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    settings.DEBUG = True
    config = {
        **settings.LOGGING,
        "root": {**settings.LOGGING["root"], "level": "INFO"},
        "loggers": {name: {**logger, "level": "INFO"} for name, logger in settings.LOGGING["loggers"].items()},
    }
    configure_logging(settings.LOGGING_CONFIG, config)
    yield stream
    monkeypatch.undo()
    settings.DEBUG = False
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    for name in ("django.tasks", "django.request"):
        logging.getLogger(name).setLevel(logging.NOTSET)
