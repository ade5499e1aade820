"""backup -> empty database -> restore gives identical pages (run on SQLite and on PostgreSQL by CI)."""

import json

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from articles import viewcounts
from articles.models import Article

# Real commits: PostgreSQL cannot TRUNCATE tables with constraint checks pending in the same transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def pages(client):
    cache.clear()
    viewcounts.discard()
    urls = ["/", "/columns/township-news/", "/townships/yuanmen/", "/initiatives/public-safety/", "/sitemap.xml"]
    urls += [a.get_absolute_url() for a in Article.objects.published().order_by("pk")[:8]]
    urls += ["/search/?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4"]
    rendered = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        rendered[url] = response.content
        viewcounts.discard()
    return rendered


@pytest.fixture
def site(db):
    call_command("load_demo", "--quiet-logins")


def test_backup_then_restore_on_an_empty_database_gives_identical_pages(client, site, tmp_path, settings):
    before = pages(client)
    articles, users = Article.objects.count(), __import__("accounts.models").models.User.objects.count()
    call_command("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["counts"]["articles.article"] == articles
    assert set(manifest["files"]) == {"data.json", "media.tar"}

    call_command("flush", interactive=False, verbosity=0)  # the empty database of a new server
    media = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("restore", str(tmp_path / "backup"))
    assert Article.objects.count() == articles
    assert __import__("accounts.models").models.User.objects.count() == users
    after = pages(client)
    assert after == before
    cover = Article.objects.exclude(cover="").first().cover.name
    assert (tmp_path / "restored-media" / cover).read_bytes() == (media / cover).read_bytes()


def test_a_damaged_backup_is_refused(site, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    data = tmp_path / "backup" / "data.json"
    data.write_text(data.read_text().replace("远门镇", "近门镇", 1))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="校验值不符"):
        call_command("restore", str(tmp_path / "backup"))
    assert not Article.objects.exists()


def test_restore_never_overwrites_a_site_with_content(site, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="空数据库"):
        call_command("restore", str(tmp_path / "backup"))


def test_backup_refuses_an_existing_folder(site, tmp_path):
    (tmp_path / "exists").mkdir()
    with pytest.raises(CommandError, match="已存在"):
        call_command("backup", str(tmp_path / "exists"))
