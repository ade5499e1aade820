"""
A province-wide installation in miniature: two app processes (gunicorn) sharing one database,
one Redis and one S3-compatible object store (moto's server; MinIO is not in the package
registries this project installs from). Publishing through a third process must reach both
servers at once, uploads must be served from the object store, and view counts from both
servers must add up after a clean shutdown.
"""

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.servers import free_port, start_gunicorn, wait_for

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.django_db(transaction=True)]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local test servers
        return response.read()


@pytest.fixture
def shared_database(tmp_path):
    """A database of its own: PostgreSQL when the suite runs on it, else a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = f"dangjian_multi_{uuid.uuid4().hex[:8]}"
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        yield url.rsplit("/", 1)[0] + f"/{name}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    else:
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"


@pytest.fixture
def object_store():
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(endpoint + "/")
        import boto3

        s3 = boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="k", aws_secret_access_key="s", region_name="us-east-1"
        )
        s3.create_bucket(Bucket="dangjian-media")
        # Public pages show the images, so anyone may read them (MinIO: `mc anonymous set download`).
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::dangjian-media/*",
                }
            ],
        }
        s3.put_bucket_policy(Bucket="dangjian-media", Policy=json.dumps(policy))
        yield endpoint
    finally:
        server.terminate()
        server.wait(10)


def test_two_servers_share_database_cache_and_object_store(shared_database, object_store, tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DEBUG": "false",
        "SECRET_KEY": "multi-server-test-" + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": shared_database,
        "CONN_MAX_AGE": "0",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "CACHE_KEY_PREFIX": "multi-" + uuid.uuid4().hex[:8],
        "S3_BUCKET": "dangjian-media",
        "S3_ENDPOINT_URL": object_store,
        "S3_ACCESS_KEY": "k",
        "S3_SECRET_KEY": "s",
        "S3_REGION": "us-east-1",
        "S3_PUBLIC_PROTOCOL": "http:",
        "S3_PUBLIC_DOMAIN": object_store.removeprefix("http://") + "/dangjian-media",
        "GUNICORN_ACCESSLOG": "off",
        "VIEW_COUNT_FLUSH_SECONDS": "3600",
        # With DEBUG off, pages name hashed static files, so deploy them as production does.
        "STATIC_ROOT": str(tmp_path / "staticfiles"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    demo = subprocess.run([*manage, "load_demo", "--quiet-logins"], env=env, cwd=ROOT, capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr

    servers, ports = [], [free_port(), free_port()]
    for port in ports:
        servers.append(start_gunicorn(env, port))
    try:
        a, b = (f"http://127.0.0.1:{port}" for port in ports)
        wait_for(a + "/")
        wait_for(b + "/")

        # Both servers serve the same site; covers live in the object store, not on either server.
        home_a, home_b = get(a + "/").decode(), get(b + "/").decode()
        assert home_a == home_b
        cover = re.search(r'<img src="(http://[^"]+\.jpg)"', home_a).group(1)
        assert cover.startswith(object_store) and get(cover)[:3] == b"\xff\xd8\xff"

        # B caches the column page; a third process publishes; both servers show it at once (shared Redis).
        column_b = get(b + "/columns/township-news/").decode()
        script = (
            "from articles.models import Article, Column\n"
            "from accounts.models import User\n"
            "u = {x.username: x for x in User.objects.all()}\n"
            "a = Article(title='多服务器发布测试稿件', column=Column.objects.get(slug='township-news'), "
            "township=u['yuanmen_editor'].township, body='<p>远门镇召开党员大会。</p>')\n"
            "a.save_revision(by=u['yuanmen_editor'])\n"
            "a.submit(by=u['yuanmen_editor'], confidentiality_confirmed=True)\n"
            "a.approve(by=u['yuanmen_reviewer'])\n"
            "a.publish(by=u['county_reviewer'])\n"
            "print(a.pk)\n"
        )
        out = subprocess.run(
            [*manage, "shell", "-c", script], env=env, cwd=ROOT, check=True, capture_output=True, text=True
        )
        new_pk = int(out.stdout.strip().splitlines()[-1])
        assert "多服务器发布测试稿件" not in column_b
        assert "多服务器发布测试稿件" in get(b + "/columns/township-news/").decode()
        assert "多服务器发布测试稿件" in get(a + "/columns/township-news/").decode()

        # Views counted on both servers add up once they shut down cleanly.
        for _ in range(3):
            get(a + f"/articles/{new_pk}/")
        for _ in range(2):
            get(b + f"/articles/{new_pk}/")
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(30)
    check = f"from articles.models import Article; print(Article.objects.get(pk={new_pk}).view_count)"
    out = subprocess.run([*manage, "shell", "-c", check], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == 5
