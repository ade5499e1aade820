"""
最近的404 without a database write per request.

A 404 is one Lua call on the shared Redis (hit count and last sighting of the address, in two hashes); the
periodic task `flush_not_found` takes both hashes in one MULTI and writes the sums to NotFoundPath. Without
Redis, or while it is down, a 404 goes to this process's buffer instead, which the process writes itself on a
404 once the buffer is NOT_FOUND_FLUSH_SECONDS old (so at most one write a minute per process), and which the
task's own process writes too. Recording never fails a request: at worst a sighting is not counted.

Caps keep a crawler from filling anything: at most MAX_PENDING distinct addresses wait (further new ones are
dropped, known ones still counted), a flush writes the MAX_PER_FLUSH most hit, the table keeps KEEP_ROWS rows
and KEEP_DAYS days. Scanners' well-known probes (wp-admin, phpMyAdmin, .env …) are not recorded at all. Plain
.php/.asp/.jsp addresses are: the county sites this replaces ran on DedeCMS, PHPCMS or ASP (/plus/view.php?aid=).
"""

import datetime
import logging
import re
import threading
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

HITS_KEY = "oldlinks:404:hits"
SEEN_KEY = "oldlinks:404:seen"
MAX_PENDING = 500
MAX_PER_FLUSH = 500
KEEP_ROWS = 2000
KEEP_DAYS = 90
MAX_PATH = 500
MAX_REFERRER = 500

JUNK = re.compile(
    r"(^|/)(wp-(admin|login|content|includes|json)|xmlrpc\.php|phpmyadmin|pma|myadmin|cgi-bin|\.env|\.git|\.svn|"
    r"\.aws|\.ds_store|vendor/phpunit|boaform|hnap1|actuator|owa/|autodiscover|\.well-known/security\.txt)",
    re.IGNORECASE,
)
JUNK_SUFFIX = (".sql", ".bak", ".old", ".swp", ".tar.gz", ".rar", ".7z", ".ini", ".log", ".yml", ".yaml")

# Count a sighting unless MAX_PENDING other addresses already wait; keep its latest time and referrer.
RECORD = """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then
  return 0
end
redis.call('HINCRBY', KEYS[1], ARGV[1], tonumber(ARGV[2]))
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1
"""

_lock = threading.Lock()
_pending = {}  # path -> [hits, first seen, last seen, referrer] (epoch seconds)
_pending_since = None
_scripts = {}


def is_junk(path):
    lowered = path.split("?", 1)[0].lower()
    return bool(JUNK.search(lowered)) or lowered.endswith(JUNK_SUFFIX)


def _shared():
    from django.core.cache import caches

    from core.redis_cache import RedisCache

    backend = caches["default"]
    if isinstance(backend, RedisCache) and backend.available():
        return backend
    return None


def _script(client):
    script = _scripts.get(id(client))
    if script is None:
        script = _scripts[id(client)] = client.register_script(RECORD)
    return script


def _record_shared(backend, path, hits, seen, referrer, cap=MAX_PENDING):
    try:
        client = backend.client()
        _script(client)(
            keys=[backend.make_key(HITS_KEY), backend.make_key(SEEN_KEY)],
            args=[path, hits, f"{seen}\t{referrer}", cap],
            client=client,
        )
    except RedisError as error:
        backend.health.failed(error)
        return False
    return True


def _record_local(path, hits, first, last, referrer):
    global _pending_since
    with _lock:
        entry = _pending.get(path)
        if entry is None:
            if len(_pending) >= MAX_PENDING:
                return
            _pending[path] = [hits, first, last, referrer]
            _pending_since = _pending_since or time.monotonic()
        else:
            entry[0] += hits
            entry[2] = max(entry[2], last)
            entry[3] = referrer or entry[3]


def record(path, referrer=""):
    """Note one 404 of `path` (path and query as the reader asked). Never raises."""
    path, referrer = path[:MAX_PATH], (referrer or "")[:MAX_REFERRER]
    if is_junk(path):
        return
    now = time.time()
    backend = _shared()
    if backend is None or not _record_shared(backend, path, 1, now, referrer):
        _record_local(path, 1, now, now, referrer)
        _flush_local_when_due()


def _flush_local_when_due():
    every = settings.NOT_FOUND_FLUSH_SECONDS
    if every > 0 and _pending_since is not None and time.monotonic() - _pending_since >= every:
        _flush_local()


def _take_local():
    global _pending_since
    with _lock:
        taken = dict(_pending)
        _pending.clear()
        _pending_since = None
    return {path: tuple(entry) for path, entry in taken.items()}


def _flush_local():
    entries = _take_local()
    if not entries:
        return 0
    try:
        return _write(entries)
    except Exception:
        logger.exception("404 records not written; kept for the next flush")
        for path, (hits, first, last, referrer) in entries.items():
            _record_local(path, hits, first, last, referrer)
        return 0


def _take_shared(backend):
    """Both hashes, emptied in the same MULTI: two flushing processes never write a sighting twice."""
    try:
        pipe = backend.client().pipeline(transaction=True)
        hits_key, seen_key = backend.make_key(HITS_KEY), backend.make_key(SEEN_KEY)
        pipe.hgetall(hits_key).hgetall(seen_key).delete(hits_key).delete(seen_key)
        hits, seen, *_ = pipe.execute()
    except RedisError as error:
        backend.health.failed(error)
        return {}
    entries = {}
    for raw_path, raw_hits in hits.items():
        path = raw_path.decode("utf-8", "replace")
        when, _, referrer = (seen.get(raw_path) or b"").decode("utf-8", "replace").partition("\t")
        try:
            when = float(when)
        except ValueError:
            when = time.time()
        entries[path] = (int(raw_hits), when, when, referrer)
    return entries


def _flush_shared(backend):
    entries = _take_shared(backend)
    if not entries:
        return 0
    try:
        return _write(entries)
    except Exception:
        logger.exception("404 records not written; put back for the next flush")
        for path, (hits, _first, last, referrer) in entries.items():
            if not _record_shared(backend, path, hits, last, referrer, cap=MAX_PENDING * 2):
                _record_local(path, hits, last, last, referrer)
        return 0


def _moment(epoch):
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC)


def _write(entries):
    """Add the sightings to NotFoundPath (the MAX_PER_FLUSH most hit), then prune; returns the addresses written."""
    from .models import NotFoundPath

    top = sorted(entries.items(), key=lambda item: (-item[1][0], item[0]))[:MAX_PER_FLUSH]
    with transaction.atomic():
        existing = {row.path: row for row in NotFoundPath.objects.filter(path__in=[path for path, _ in top])}
        new, changed = [], []
        for path, (hits, first, last, referrer) in top:
            if row := existing.get(path):
                row.hits += hits
                row.last_seen = max(row.last_seen, _moment(last))
                row.referrer = referrer or row.referrer
                changed.append(row)
            else:
                new.append(
                    NotFoundPath(
                        path=path, hits=hits, first_seen=_moment(first), last_seen=_moment(last), referrer=referrer
                    )
                )
        NotFoundPath.objects.bulk_update(changed, ["hits", "last_seen", "referrer"])
        # Another process may have added the same address a moment ago: its row wins, these hits are dropped.
        NotFoundPath.objects.bulk_create(new, ignore_conflicts=True)
        prune()
    return len(top)


def prune(now=None):
    from .models import NotFoundPath

    now = now or timezone.now()
    NotFoundPath.objects.filter(last_seen__lt=now - datetime.timedelta(days=KEEP_DAYS)).delete()
    beyond = list(NotFoundPath.objects.order_by("-last_seen", "-id").values_list("pk", flat=True)[KEEP_ROWS:])
    if beyond:
        NotFoundPath.objects.filter(pk__in=beyond).delete()


def flush():
    """Write what Redis and this process hold; returns the number of addresses written."""
    written = 0
    if backend := _shared():
        written += _flush_shared(backend)
    return written + _flush_local()


def discard():
    """Forget sightings not yet written (tests)."""
    _take_local()
    if backend := _shared():
        try:
            backend.client().delete(backend.make_key(HITS_KEY), backend.make_key(SEEN_KEY))
        except RedisError as error:
            backend.health.failed(error)
