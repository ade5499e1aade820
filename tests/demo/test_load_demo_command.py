"""load_demo as `make run` and a county's first install run it: a real process on a fresh database."""

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database of its own: PostgreSQL when the suite runs on it, else a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    import psycopg

    name = f"dangjian_demo_{uuid.uuid4().hex[:8]}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{server}/{name}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def site_env(tmp_path, database, **extra):
    """Only what the site reads: nothing inherited from the test run or a developer's shell."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DATABASE_URL": database,
        "CONN_MAX_AGE": "0",
        "STATIC_ROOT": str(tmp_path / "staticfiles"),  # empty: collectstatic has not run
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CACHE_DIR": str(tmp_path / "cache"),
        **extra,
    }


def manage(env, *args):
    return subprocess.run([*MANAGE, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_demo_loads_with_debug_off_before_collectstatic(tmp_path, fresh_database):
    env = site_env(
        tmp_path,
        fresh_database,
        DEBUG="false",
        SECRET_KEY="demo-test-" + uuid.uuid4().hex,
        ALLOWED_HOSTS="testserver,127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        # The queued work (fingerprints render pages) runs during loading, before collectstatic: the case
        # that crashed. The queue itself is tested in tests/background/.
        TASKS_BACKEND="django.tasks.backends.immediate.ImmediateBackend",
    )
    assert manage(env, "migrate", "-v0").returncode == 0
    demo = manage(env, "load_demo", "--quiet-logins")
    assert demo.returncode == 0, demo.stderr
    assert "Traceback" not in demo.stderr, demo.stderr
    assert "演示数据已就绪" in demo.stdout
    assert not (tmp_path / "staticfiles" / "staticfiles.json").exists()

    # Then the checklist's collectstatic: pages name the hashed files, nothing cached before leaks.
    assert manage(env, "collectstatic", "--noinput", "-v0").returncode == 0
    script = (
        "from django.test import Client; from inspection.models import PageFingerprint; "
        "print(PageFingerprint.objects.count()); print(Client().get('/').content.decode())"
    )
    page = manage(env, "shell", "-v0", "-c", script)
    assert page.returncode == 0, page.stderr
    fingerprints, html = page.stdout.split("\n", 1)
    assert int(fingerprints) > 0  # the tamper watch fingerprinted what the demo published
    assert "云溪党建网" in html
    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', html), html[:2000]


def test_demo_loading_sends_no_mail(tmp_path):
    env = site_env(tmp_path, f"sqlite:///{tmp_path / 'fresh.sqlite3'}", DEBUG="true")  # mail to the console
    assert manage(env, "migrate", "-v0").returncode == 0
    demo = manage(env, "load_demo")
    assert demo.returncode == 0, demo.stderr
    output = demo.stdout + demo.stderr
    for mime in ("Content-Type:", "Subject:", "Content-Transfer-Encoding"):
        assert mime not in output, output[:2000]
    # The summary line, then straight to the demo logins.
    lines = [line for line in demo.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("演示数据已就绪") and lines[1].startswith("演示账号"), lines[:3]
    # Nor is any mail left in the queue for the worker to send later under the real mailer.
    script = "from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects.count())"
    queued = manage(env, "shell", "-v0", "-c", script)
    assert queued.returncode == 0, queued.stderr
    assert queued.stdout.strip() == "0"
