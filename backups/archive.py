"""
A backup is a folder: data.json (every table that holds content, with natural keys so it loads
into any fresh database of either engine), media.tar (uploads and covers), and manifest.json
(what, when, from which schema, with SHA-256 checksums). Restore checks the checksums first,
refuses a database that already has content, and loads everything back.
"""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import django
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

# Recreated by `migrate` (content types, permissions) or not worth keeping (sessions, lockouts).
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes", "admin.logentry"]
FILES = ("data.json", "media.tar")


class BackupError(Exception):
    pass


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=False)
    data = io.StringIO()
    call_command(
        "dumpdata", "--natural-foreign", "--natural-primary", *[f"--exclude={e}" for e in EXCLUDE], stdout=data
    )
    (out / "data.json").write_text(data.getvalue(), encoding="utf-8")
    media = Path(settings.MEDIA_ROOT)
    on_filesystem = settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    with tarfile.open(out / "media.tar", "w") as archive:
        # With object storage, uploads are backed up by the store itself (versioning, replication).
        if on_filesystem and media.exists():
            archive.add(media, arcname=".")
    records = json.loads(data.getvalue())
    counts = {}
    for record in records:
        counts[record["model"]] = counts.get(record["model"], 0) + 1
    manifest = {
        "format": 1,
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "database": connection.vendor,
        "django": django.get_version(),
        "migrations": sorted(
            f"{app}.{name}" for app, name in MigrationRecorder.Migration.objects.values_list("app", "name")
        ),
        "counts": counts,
        "media": "media.tar"
        if on_filesystem
        else f"对象存储（{settings.STORAGES['default']['BACKEND']}），未包含在本备份中",
        "files": {name: {"sha256": sha256(out / name), "bytes": (out / name).stat().st_size} for name in FILES},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def verify(folder):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"无法读取备份清单 manifest.json：{error}") from error
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.exists():
            raise BackupError(f"备份缺少文件 {name}")
        if sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} 的校验值不符，备份可能已损坏或被改动，已停止恢复。")
    return manifest


def database_is_empty():
    from django.contrib.auth import get_user_model

    from articles.models import Article

    return not Article.objects.exists() and not get_user_model().objects.exists()


def restore(folder):
    folder = Path(folder)
    manifest = verify(folder)
    call_command("migrate", interactive=False, verbosity=0)
    if not database_is_empty():
        raise BackupError("目标数据库中已有文章或用户。恢复只能在空数据库上进行，以免覆盖现有内容。")
    # Remove what migrations seeded (roles, starter lists); the backup holds the site's real versions.
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", str(folder / "data.json"), verbosity=0)
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar") as archive:
        archive.extractall(media, filter="data")  # refuses absolute paths and ../ escapes
    cache.clear()
    return manifest
