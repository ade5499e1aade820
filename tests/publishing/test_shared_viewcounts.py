"""浏览次数 through Redis: shared by every process, so a worker that dies loses none of them."""

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from articles import viewcounts
from tests.factories import ArticleFactory
from tests.servers import free_port, start_gunicorn, wait_for

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.django_db


def site_env(tmp_path, redis_url):
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": redis_url,
        "VIEW_COUNT_FLUSH_SECONDS": "3600",  # nothing is written behind the test's back
        "GUNICORN_ACCESSLOG": "off",
    }


def test_views_recorded_by_a_process_that_is_killed_are_flushed_by_another(redis_cache, county, client, tmp_path):
    article = ArticleFactory(published=True, column=county.township_news, view_count=40)
    script = (
        "import os, signal\n"
        "from articles import viewcounts\n"
        f"viewcounts.record({article.pk}, views=9)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"  # no atexit, no flush: only what Redis holds survives
    )
    run = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=site_env(tmp_path, redis_cache.url),
        cwd=ROOT,
    )
    assert run.returncode == -signal.SIGKILL
    assert viewcounts.pending(article.pk) == 9
    page = client.get(article.get_absolute_url()).content.decode()
    assert "浏览次数：<span data-view-count>50</span>" in page  # 40 stored + 9 pending + this view
    assert viewcounts.flush() == 10
    article.refresh_from_db()
    assert article.view_count == 50 and viewcounts.pending(article.pk) == 0


def test_views_are_buffered_here_while_redis_is_down_and_written_by_the_next_flush(redis_cache, county):
    article = ArticleFactory(published=True, column=county.township_news)
    viewcounts.record(article.pk, views=2)
    redis_cache.stop()
    viewcounts.record(article.pk, views=3)
    assert viewcounts.pending(article.pk) == 3  # what this process holds; Redis is out of reach
    assert viewcounts.flush() == 3
    redis_cache.start()  # an empty Redis (no persistence): the 2 recorded before are gone with it
    article.refresh_from_db()
    assert article.view_count == 3


def test_view_reports_are_limited_per_address_and_article(redis_cache, county, client):
    article, other = (ArticleFactory(published=True, column=county.township_news) for _ in range(2))
    url = f"/articles/{article.pk}/views/"
    statuses = [client.post(url).status_code for _ in range(30)]
    counted = statuses.count(200)
    assert 0 < counted < 30 and statuses == [200] * counted + [429] * (30 - counted)
    assert client.post(url, REMOTE_ADDR="10.0.0.9").status_code == 200  # another reader
    assert client.post(f"/articles/{other.pk}/views/").status_code == 200  # another article
    assert viewcounts.pending(article.pk) == counted + 1

    redis_cache.stop()  # the limit lives in the cache: without it, views are counted, never refused
    assert client.post(url).status_code == 200


def workers_of(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


@pytest.mark.django_db(transaction=True)
def test_kill_9_of_gunicorn_workers_loses_no_views(redis_cache, tmp_path):
    env = site_env(tmp_path, redis_cache.url)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    script = (
        "from tests.factories import ArticleFactory, ColumnFactory\n"
        "print(ArticleFactory(published=True, column=ColumnFactory()).pk)\n"
    )
    made = subprocess.run([*manage, "shell", "-c", script], env=env, cwd=ROOT, check=True, capture_output=True)
    pk = int(made.stdout.split()[-1])
    port = free_port()
    server = start_gunicorn(env, port, workers=2)
    try:
        url = f"http://127.0.0.1:{port}/articles/{pk}/"
        wait_for(f"http://127.0.0.1:{port}/")
        for _ in range(30):  # each view once: no retry that could count one twice
            with urllib.request.urlopen(url, timeout=60) as response:
                assert response.status == 200
        for worker in workers_of(server.pid):
            os.kill(worker, signal.SIGKILL)
        wait_for(f"http://127.0.0.1:{port}/")  # the master starts new workers
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    check = f"from articles.models import Article; print(Article.objects.get(pk={pk}).view_count)"
    out = subprocess.run([*manage, "shell", "-c", check], env=env, cwd=ROOT, check=True, capture_output=True)
    assert int(out.stdout.split()[-1]) == 30


def test_the_worker_flushes_shared_views_every_minute(redis_cache, county, settings):
    """Views a dead worker left in Redis need no other web process: the periodic task writes them."""
    from articles.tasks import flush_view_counts

    assert {"task": "articles.tasks.flush_view_counts", "every": "minute"} in settings.PERIODIC_TASKS
    article = ArticleFactory(published=True, column=county.township_news, view_count=1)
    viewcounts.record(article.pk, views=4)
    assert flush_view_counts.call() == 4
    article.refresh_from_db()
    assert article.view_count == 5
