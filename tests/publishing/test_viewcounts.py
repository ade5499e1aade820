import subprocess
import sys
from pathlib import Path

import pytest

from articles import viewcounts
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_buffered_views_survive_a_flush_and_add_up(county):
    article = ArticleFactory(published=True, column=county.township_news, view_count=10)
    for _ in range(5):
        viewcounts.record(article.pk)
    assert viewcounts.flush() == 5
    viewcounts.record(article.pk)
    assert viewcounts.flush() == 1
    article.refresh_from_db()
    assert article.view_count == 16
    assert viewcounts.flush() == 0


def test_static_pages_report_views_to_a_small_endpoint(client, county):
    article = ArticleFactory(published=True, column=county.township_news, view_count=41)
    response = client.post(f"/articles/{article.pk}/views/")
    assert response.status_code == 200 and response.json() == {"views": 42}
    assert response["Cache-Control"] == "no-store"
    assert client.get(f"/articles/{article.pk}/views/").status_code == 405
    draft = ArticleFactory(column=county.township_news)
    assert client.post(f"/articles/{draft.pk}/views/").status_code == 404


def test_gunicorn_flushes_when_a_worker_exits(county):
    import runpy

    article = ArticleFactory(published=True, column=county.township_news)
    viewcounts.record(article.pk, views=7)
    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    hooks["worker_exit"](server=None, worker=None)
    article.refresh_from_db()
    assert article.view_count == 7


def test_a_clean_process_exit_writes_the_buffer(tmp_path):
    """A separate process records views and exits normally: atexit writes them; nothing is lost."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DEBUG": "true", "PATH": "/usr/bin:/bin"}
    run = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*run, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    script = (
        "from tests.factories import ArticleFactory, ColumnFactory\n"
        "from articles import viewcounts\n"
        "a = ArticleFactory(published=True, column=ColumnFactory())\n"
        "viewcounts.record(a.pk, views=9)\n"
    )
    subprocess.run([*run, "shell", "-c", script], env=env, check=True, cwd=ROOT)
    check = "from articles.models import Article; print(Article.objects.get().view_count)"
    out = subprocess.run([*run, "shell", "-c", check], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "9"
