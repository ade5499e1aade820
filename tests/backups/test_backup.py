"""backup -> empty database -> restore gives identical pages (run on SQLite and on PostgreSQL by CI)."""

import json

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

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
    # Published through the workflow at a moment with microseconds (the backup keeps milliseconds only).
    waiting = Article.objects.get(status=Article.Status.COUNTY_REVIEW)
    with time_machine.travel(timezone.now().replace(microsecond=123456), tick=False):
        waiting.publish(by=get_user_model().objects.get(username="county_reviewer"))
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


def test_the_task_queue_is_not_backed_up(site, tmp_path, settings):
    """Waiting mail and exports restored onto a new site would run there again."""
    import json

    from background.mail import send_mail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_mail.enqueue("主题", "正文", "noreply@localhost", ["a@example.cn"])
    call_command("backup", str(tmp_path / "backup"))
    models = {row["model"] for row in json.loads((tmp_path / "backup" / "data.json").read_text(encoding="utf-8"))}
    assert not any(model.startswith("django_tasks_database.") for model in models)
    assert "articles.article" in models


def test_backup_files_and_folder_are_private_whatever_the_umask(site, tmp_path):
    import os
    import stat

    previous = os.umask(0)  # the loosest umask a shell or unit could leave
    try:
        call_command("backup", str(tmp_path / "backup"))
    finally:
        os.umask(previous)
    folder = tmp_path / "backup"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()}
    assert modes == {"data.json": 0o600, "media.tar": 0o600, "manifest.json": 0o600}


def test_the_backup_unit_runs_with_a_private_umask():
    import configparser
    from pathlib import Path

    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(Path(__file__).resolve().parents[2] / "deploy/systemd/dangjian-backup.service", encoding="utf-8")
    assert unit["Service"]["UMask"] == "0077"


def test_a_truncated_data_file_with_matching_checksum_gives_a_chinese_message(site, tmp_path):
    from backups.archive import seal

    call_command("backup", str(tmp_path / "backup"))
    folder = tmp_path / "backup"
    data = folder / "data.json"
    data.write_bytes(data.read_bytes()[: data.stat().st_size // 2])  # the disk filled up mid-backup
    seal(folder, json.loads((folder / "manifest.json").read_text()))  # checksums taken of what was written
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError) as raised:
        call_command("restore", str(folder))
    assert "data.json 无法载入" in str(raised.value) and "Traceback" not in str(raised.value)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m["counts"].update({"articles.article": 1}),
        lambda m: m.update(created_at="2020-01-01T00:00:00+08:00"),
        lambda m: m["files"].pop("data.json"),
        lambda m: m.pop("signature"),
    ],
    ids=["counts", "date", "checksum-dropped", "signature-dropped"],
)
def test_a_changed_manifest_is_refused(site, tmp_path, change):
    call_command("backup", str(tmp_path / "backup"))
    path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest, ensure_ascii=False))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=r"manifest\.json"):
        call_command("restore", str(tmp_path / "backup"))
    assert not Article.objects.exists()


def test_a_backup_from_a_site_with_another_key_says_so_and_restores_with_the_old_key_as_fallback(
    site, tmp_path, settings
):
    call_command("backup", str(tmp_path / "backup"))
    call_command("flush", interactive=False, verbosity=0)
    old_key, settings.SECRET_KEY = settings.SECRET_KEY, "another-site-" + "k" * 50
    with pytest.raises(CommandError, match="SECRET_KEY"):
        call_command("restore", str(tmp_path / "backup"))
    assert not Article.objects.exists()
    settings.SECRET_KEY_FALLBACKS = [old_key]
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("restore", str(tmp_path / "backup"))
    assert Article.objects.exists()
