"""In development, links in e-mails name the port the server runs on (`make run PORT=8001`), not always 8000."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def site_url(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT")}
    environment.update(DJANGO_SETTINGS_MODULE="dangjian.settings", DEBUG="true", **env)
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_site_url_follows_the_port():
    assert site_url(PORT="8123") == "http://127.0.0.1:8123"
    assert site_url() == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins():
    assert site_url(PORT="8123", SITE_URL="https://dj.example.gov.cn") == "https://dj.example.gov.cn"


@pytest.mark.parametrize(("given", "expected"), [((), "8000"), (("PORT=8123",), "8123")])
def test_make_run_hands_its_port_to_django(given, expected):
    """`make run` starts manage.py with PORT in its environment (the Makefile exports it)."""
    environment = {k: v for k, v in os.environ.items() if k != "PORT"}
    result = subprocess.run(
        ["make", "-s", "--eval", 'show-port: ; @echo "$$PORT"', "show-port", *given],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected
