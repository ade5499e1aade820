"""The shipped nginx configs are valid, and nginx really serves the static publishing output."""

import getpass
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def prefix(tmp_path, site_conf):
    for folder in ("conf", "ssl", "tmp"):
        (tmp_path / folder).mkdir(exist_ok=True)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=dj.example.gov.cn",
            "-keyout",
            str(tmp_path / "ssl/privkey.pem"),
            "-out",
            str(tmp_path / "ssl/fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    (tmp_path / "conf/site.conf").write_text(site_conf, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {tmp_path / 'tmp' / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        # Workers run as this user: pytest's temporary folders are private to it.
        f"user {getpass.getuser()};\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; {temp} include {tmp_path}/conf/site.conf; }}\n",
        encoding="utf-8",
    )
    return tmp_path / "nginx.conf"


def test_https_site_config_is_valid(tmp_path):
    assert Path(NGINX).exists(), "nginx is installed by `make test-tools`"
    conf = (ROOT / "deploy/nginx/dangjian.conf").read_text(encoding="utf-8")
    conf = conf.replace("/etc/ssl/dangjian", str(tmp_path / "ssl")).replace(
        "/etc/nginx/dangjian-proxy.conf", str(ROOT / "deploy/nginx/dangjian-proxy.conf")
    )
    conf = conf.replace("listen [::]:80;", "").replace("listen [::]:443 ssl http2;", "")
    conf = conf.replace("listen 80;", "listen 127.0.0.1:18980;").replace(
        "listen 443 ssl http2;", "listen 127.0.0.1:18943 ssl http2;"
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(prefix(tmp_path, conf))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_nginx_serves_the_static_output_and_falls_back(tmp_path, county, add_articles):
    out = tmp_path / "public"
    articles = add_articles(25)
    call_command("publish_static", str(out), "--skip-collectstatic")
    conf = (ROOT / "deploy/nginx/dangjian-static.conf").read_text(encoding="utf-8")
    conf = (
        conf.replace("/srv/dangjian/public", str(out))
        .replace("include /etc/nginx/dangjian-proxy.conf;", "")
        .replace("listen 80;", "listen 127.0.0.1:18981;")
        .replace("server 127.0.0.1:8000;", "server 127.0.0.1:9;")
    )
    config = prefix(tmp_path, conf)
    server = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(config), "-g", "daemon off;"])
    try:
        time.sleep(0.5)
        page = urllib.request.urlopen(f"http://127.0.0.1:18981/articles/{articles[3].pk}/").read().decode()
        assert articles[3].title in page
        second = urllib.request.urlopen("http://127.0.0.1:18981/columns/news/?page=2").read().decode()
        assert "第 2/" in second
        with pytest.raises(urllib.error.HTTPError) as error:  # not exported: falls back to Django (down here: 502)
            urllib.request.urlopen("http://127.0.0.1:18981/search/?q=x")
        assert error.value.code == 502
    finally:
        server.terminate()
        server.wait(10)
