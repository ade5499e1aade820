"""The demo's old-site addresses lead somewhere, and its 最近的404 has a few entries."""

import pytest
from django.core.management import call_command

from oldlinks.models import NotFoundPath

pytestmark = pytest.mark.django_db


def test_the_demo_old_addresses_redirect_and_a_second_load_changes_nothing(client):
    call_command("load_demo", "--quiet-logins")
    for old in [
        "/news/show.asp?id=1024",
        "/Article/ShowClass.asp?ClassID=3",
        "/xzfc/yuanmen.html",
        "/plus/list.php?tid=12",
    ]:
        response = client.get(old, follow=True)
        assert response.redirect_chain[0][1] == 301 and response.status_code == 200, old
    assert client.get("/%D0%C2%CE%C5/index.html").url == "/columns/news/"
    assert NotFoundPath.objects.count() == 3
    call_command("load_demo", "--quiet-logins")
    assert NotFoundPath.objects.count() == 3
