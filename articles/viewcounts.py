"""
浏览次数 without a database write per page view, and without losing views when a process dies.

With Redis as the cache, a view is one HINCRBY on a hash every worker and server shares: a worker
killed with `kill -9` loses nothing, because nothing is kept in it. `flush()` writes the pending
sums to the database with one UPDATE per article (added with F(), so processes never overwrite each
other), then subtracts exactly what it wrote, so views recorded meanwhile stay pending. One process
flushes at a time (a Redis lock). Every process that records views flushes every
VIEW_COUNT_FLUSH_SECONDS; so do gunicorn's worker_exit hook (gunicorn.conf.py) and a clean exit.

Without Redis, or while it cannot be reached, views go to this process's buffer instead and are
flushed the same way; only then does a killed process lose what it had not yet written.
"""

import atexit
import logging
import threading
from collections import Counter

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PENDING_KEY = "viewcounts:pending"
LOCK_TIMEOUT = 60
# One address counts at most REPORT_LIMIT views of one article per REPORT_WINDOW seconds.
REPORT_LIMIT = 10
REPORT_WINDOW = 600

_lock = threading.Lock()
_pending = Counter()
_timer = None
_recorded = False  # views were recorded since the last flush (here or in Redis)

# Subtracts what a flush wrote, dropping fields that reach zero, in one atomic step.
SUBTRACT = """
for i = 1, #ARGV, 2 do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) <= 0 then
    redis.call('HDEL', KEYS[1], ARGV[i])
  end
end
"""


def _shared():
    """The Redis cache backend if the cache is Redis and has not just failed, else None."""
    from django.core.cache import caches

    from core.redis_cache import RedisCache

    backend = caches["default"]
    if isinstance(backend, RedisCache) and backend.available():
        return backend
    return None


def _call(backend, command):
    """Run `command(client, key)` on the shared Redis; None (and the outage noted) if it fails."""
    try:
        result = command(backend.client(), backend.make_key(PENDING_KEY))
    except RedisError as error:
        backend.health.failed(error)
        return None
    return result


def record(article_id, views=1):
    global _recorded
    backend = _shared()
    if backend is None or _call(backend, lambda redis, key: redis.hincrby(key, article_id, views)) is None:
        with _lock:
            _pending[article_id] += views
    _recorded = True
    _ensure_timer()


def queue(pipeline, backend, article_id, views=1):
    """Add a view to `pipeline`, a Redis pipeline of `backend` sent by the caller (the page cache sends
    it with the tag versions of a hit: one round trip for both)."""
    global _recorded
    pipeline.hincrby(backend.make_key(PENDING_KEY), article_id, views)
    _recorded = True
    _ensure_timer()


def within_limit(address, article_id):
    """Whether another view of this article from this address still counts. Kept in the cache, and
    open when the cache is down: a reader is never refused because Redis is."""
    from django.core.cache import cache

    key = f"viewcounts:reports:{address}:{article_id}"
    if cache.add(key, 1, timeout=REPORT_WINDOW):
        return True
    try:
        return cache.incr(key) <= REPORT_LIMIT
    except ValueError:  # expired just now, or the cache cannot be reached
        return True


def pending(article_id):
    """Views recorded but not yet in the database: shared ones and this process's own."""
    shared = 0
    if backend := _shared():
        shared = int(_call(backend, lambda redis, key: redis.hget(key, article_id)) or 0)
    with _lock:
        return shared + _pending.get(article_id, 0)


def _write(counts):
    from articles.models import Article

    with transaction.atomic():
        for article_id, views in sorted(counts.items()):
            Article.objects.filter(pk=article_id).update(view_count=F("view_count") + views)


def _flush_local():
    with _lock:
        counts = dict(_pending)
        _pending.clear()
    if not counts:
        return 0
    try:
        _write(counts)
    except Exception:
        # Put them back: a database hiccup must not lose the counts; the next flush retries.
        with _lock:
            _pending.update(counts)
        logger.exception("view counts not flushed; will retry")
        return 0
    return sum(counts.values())


def _flush_shared(redis, key):
    lock = redis.lock(key + ":flush", timeout=LOCK_TIMEOUT, blocking=False)
    if not lock.acquire():
        return 0  # another process is flushing them right now
    try:
        counts = {int(k): int(v) for k, v in redis.hgetall(key).items() if int(v) > 0}
        if not counts:
            return 0
        try:
            _write(counts)
        except Exception:
            logger.exception("view counts not flushed; will retry")  # still in Redis: nothing lost
            return 0
        # Written: take exactly those off. A crash just here would count them twice, never lose them.
        redis.register_script(SUBTRACT)(keys=[key], args=[x for item in counts.items() for x in item])
        return sum(counts.values())
    finally:
        lock.release()


def flush():
    """Write pending views to the database; returns how many views were written."""
    global _recorded
    _recorded = False
    written = 0
    if backend := _shared():
        written += _call(backend, _flush_shared) or 0
    # Views buffered here while Redis was down go to the database too (not back to Redis).
    return written + _flush_local()


def _tick():
    global _timer
    try:
        flush()
    finally:
        connections.close_all()  # this timer thread's own connection; the next tick opens a new one
        with _lock:
            _timer = None
    _ensure_timer()


def _ensure_timer():
    global _timer
    if settings.VIEW_COUNT_FLUSH_SECONDS <= 0:
        return
    with _lock:
        if _timer is None and (_pending or _recorded):
            _timer = threading.Timer(settings.VIEW_COUNT_FLUSH_SECONDS, _tick)
            _timer.daemon = True
            _timer.start()


atexit.register(flush)


def discard():
    """Forget pending views without writing them (tests; after restoring a backup)."""
    global _recorded
    with _lock:
        _pending.clear()
        _recorded = False
    if backend := _shared():
        _call(backend, lambda redis, key: redis.delete(key))
