"""
A backup is a folder: data.json (every table that holds content, with natural keys so it loads
into any fresh database of either engine), media.tar (uploads and covers), and manifest.json
(what, when, from which schema, with SHA-256 checksums, signed). Restore checks the signature and
the checksums first, refuses a database that already has content, and loads everything back.

The backup holds password hashes: the folder is 0700 and every file 0600 whatever the umask.

The manifest is signed with an HMAC keyed on SECRET_KEY over its canonical JSON (sorted keys, no
whitespace), not merely given a checksum of its own: a checksum lying beside the manifest can be
recomputed by whoever edits it, so a backup altered on purpose (a user added to data.json, checksums
and manifest updated to match) would restore. The HMAC needs the key the site already keeps in its
environment file; a backup from a site with another key gets a message saying so, restores once the
old key is listed in SECRET_KEY_FALLBACKS, and `restore --skip-signature` is the deliberate way out
for a lost key.
"""

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

import django
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

# Recreated by `migrate` (content types, permissions) or not worth keeping (sessions, lockouts).
# The task queue is not site data: restored, its waiting mail and exports would run again on the new site.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes", "admin.logentry", "django_tasks_database"]
FILES = ("data.json", "media.tar")
SIGNATURE_SALT = "dangjian.backups.manifest"


class BackupError(Exception):
    pass


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def canonical(manifest):
    unsigned = {key: value for key, value in manifest.items() if key != "signature"}
    return json.dumps(unsigned, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def signature(manifest, secret=None):
    return salted_hmac(SIGNATURE_SALT, canonical(manifest), secret=secret, algorithm="sha256").hexdigest()


def seal(folder, manifest):
    """Checksum the data files, sign the manifest and write it (0600)."""
    folder = Path(folder)
    manifest["files"] = {
        name: {"sha256": sha256(folder / name), "bytes": (folder / name).stat().st_size} for name in FILES
    }
    manifest["signature"] = signature(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    for path in folder.iterdir():
        path.chmod(0o600)
    return manifest


def backup(out):
    out = Path(out)
    out.mkdir(mode=0o700, parents=True, exist_ok=False)
    out.chmod(0o700)  # mkdir's mode is cut by the umask, never widened; chmod makes it exact
    previous_umask = os.umask(0o077)  # files are created private, not made private afterwards
    try:
        return _write(out)
    finally:
        os.umask(previous_umask)


def _write(out):
    data = io.StringIO()
    call_command(
        # --all: the default managers hide the recycle bin (Article.objects); a backup keeps it.
        "dumpdata",
        "--all",
        "--natural-foreign",
        "--natural-primary",
        *[f"--exclude={e}" for e in EXCLUDE],
        stdout=data,
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
    }
    return seal(out, manifest)


def check_signature(manifest):
    given = manifest.get("signature")
    if not isinstance(given, str):
        raise BackupError(
            "备份清单 manifest.json 没有签名，无法确认它未被改动，已停止恢复。"
            "如确认备份可信，可加 --skip-signature 参数恢复。"
        )
    if constant_time_compare(given, signature(manifest)):
        return
    if any(constant_time_compare(given, signature(manifest, key)) for key in settings.SECRET_KEY_FALLBACKS):
        return
    raise BackupError(
        "备份清单 manifest.json 的签名不符：清单被改动过，或备份来自使用另一个 SECRET_KEY 的站点。"
        "已停止恢复。若是后者，请把原站点的密钥加入 SECRET_KEY_FALLBACKS 后重试。"
    )


def verify(folder, *, check_signed=True):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except OSError as error:
        raise BackupError(f"无法读取备份清单 manifest.json：{error.strerror or error}") from error
    except ValueError as error:
        raise BackupError("备份清单 manifest.json 已损坏（不是有效的 JSON），已停止恢复。") from error
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise BackupError("备份清单 manifest.json 内容不完整，已停止恢复。")
    if check_signed:
        check_signature(manifest)
    for name in FILES:
        expected = manifest["files"].get(name)
        path = folder / name
        if not isinstance(expected, dict) or "sha256" not in expected:
            raise BackupError(f"备份清单中没有 {name} 的校验值，已停止恢复。")
        if not path.exists():
            raise BackupError(f"备份缺少文件 {name}")
        if sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} 的校验值不符，备份可能已损坏或被改动，已停止恢复。")
    return manifest


def database_is_empty():
    from django.contrib.auth import get_user_model

    from articles.models import Article

    return not Article.all_objects.exists() and not get_user_model().objects.exists()


def restore(folder, *, check_signed=True):
    folder = Path(folder)
    manifest = verify(folder, check_signed=check_signed)
    call_command("migrate", interactive=False, verbosity=0)
    if not database_is_empty():
        raise BackupError("目标数据库中已有文章或用户。恢复只能在空数据库上进行，以免覆盖现有内容。")
    # Remove what migrations seeded (roles, starter lists); the backup holds the site's real versions.
    call_command("flush", interactive=False, verbosity=0)
    try:
        call_command("loaddata", str(folder / "data.json"), verbosity=0)
    except (DeserializationError, DatabaseError, LookupError, ValueError) as error:
        # loaddata runs in one transaction: nothing of a bad file stays in the database.
        raise BackupError(
            "data.json 无法载入：文件不完整或内容有误（可能在备份时被截断），没有载入任何内容，已停止恢复。"
            "请改用另一份备份。"
        ) from error
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(folder / "media.tar") as archive:
            archive.extractall(media, filter="data")  # refuses absolute paths and ../ escapes
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"上传文件 media.tar 无法解开（{error}）：数据库已恢复，上传文件未恢复。") from error
    cache.clear()
    return manifest
