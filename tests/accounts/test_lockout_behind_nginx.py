"""
Login lockout behind the documented nginx: the real nginx with deploy/nginx/dangjian.conf in front of
a live Django server, clients connecting from different loopback addresses (127.0.0.2, 127.0.0.3 …)
so nginx sees each as its own client and sets X-Forwarded-For as in production.
"""

import http.client
import re
import ssl
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.deploy.test_configs import NGINX, prefix
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
HOST = "dj.example.gov.cn"
PASSWORD = "Yunxi@2026"
pytestmark = pytest.mark.django_db(transaction=True)


def production_proxy_settings(monkeypatch):
    """What dangjian/settings.py sets when the environment says BEHIND_PROXY=true."""
    import runpy

    monkeypatch.setenv("BEHIND_PROXY", "true")
    loaded = runpy.run_path(str(ROOT / "dangjian/settings.py"))
    return {
        name: value for name, value in loaded.items() if name.startswith("AXES_") or name == "SECURE_PROXY_SSL_HEADER"
    }


@pytest.fixture
def nginx(tmp_path, live_server, settings, monkeypatch):
    for name, value in production_proxy_settings(monkeypatch).items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = [HOST]
    port = free_port()
    upstream = urllib.parse.urlsplit(live_server.url).netloc
    conf = (ROOT / "deploy/nginx/dangjian.conf").read_text(encoding="utf-8")
    conf = (
        conf.replace("/etc/ssl/dangjian", str(tmp_path / "ssl"))
        .replace("/etc/nginx/dangjian-proxy.conf", str(ROOT / "deploy/nginx/dangjian-proxy.conf"))
        .replace("/srv/dangjian/public", str(tmp_path / "public"))
        .replace("listen [::]:80;", "")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
        .replace("listen 443 ssl http2;", f"listen {port} ssl;")
        .replace("server 127.0.0.1:8000;", f"server {upstream};")
    )
    server = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(prefix(tmp_path, conf)), "-g", "daemon off;"])
    try:
        for _ in range(50):
            try:
                Client("127.0.0.9", port).get("/accounts/login/")
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(10)


class Client:
    """One browser on one address: connects from `address`, keeps its cookies."""

    def __init__(self, address, port):
        self.address, self.port, self.cookies = address, port, {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPSConnection(
            "127.0.0.1",
            self.port,
            source_address=(self.address, 0),
            context=ssl._create_unverified_context(),  # noqa: S323 - the test's own self-signed certificate
            timeout=20,
        )
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, text

    def get(self, path):
        return self.request("GET", path)

    def log_in(self, username, password, extra_headers=None):
        status, page = self.get("/accounts/login/")
        assert status == 200, page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://{HOST}/accounts/login/",
            **(extra_headers or {}),
        }
        return self.request("POST", "/accounts/login/", body, headers)


def locked(response):
    status, page = response
    return status in (403, 429) and "暂时锁定" in page


def test_wrong_passwords_from_one_address_never_lock_a_reviewer_out_elsewhere(nginx, people):
    reviewer = people.county_reviewer.username
    attacker = Client("127.0.0.2", nginx)
    for _ in range(4):
        assert not locked(attacker.log_in(reviewer, "wrong-password"))
    assert locked(attacker.log_in(reviewer, "wrong-password"))  # the fifth locks that address …
    assert locked(attacker.log_in(reviewer, PASSWORD))

    status, _ = Client("127.0.0.3", nginx).log_in(reviewer, PASSWORD)
    assert status == 302  # … the reviewer, at their own address, is not


def test_a_made_up_forwarded_address_cannot_lock_out_the_reviewers_address(nginx, people):
    reviewer = people.county_reviewer.username
    attacker = Client("127.0.0.2", nginx)
    for _ in range(6):
        attacker.log_in(reviewer, "wrong-password", {"X-Forwarded-For": "127.0.0.3"})
    status, _ = Client("127.0.0.3", nginx).log_in(reviewer, PASSWORD)
    assert status == 302


def test_one_address_trying_many_accounts_is_locked(nginx, people):
    sprayer = Client("127.0.0.4", nginx)
    names = [p.username for p in (people.editor, people.township_reviewer, people.county_reviewer, people.admin)]
    for name in names:
        assert not locked(sprayer.log_in(name, "Password123!"))
    assert locked(sprayer.log_in(people.other_editor.username, "Password123!"))
    assert locked(sprayer.log_in(people.other_reviewer.username, PASSWORD))
    status, _ = Client("127.0.0.5", nginx).log_in(people.other_reviewer.username, PASSWORD)
    assert status == 302
