"""
浏览次数 without a database write per page view.

Each process adds views to an in-memory buffer and writes the sums with one UPDATE per article
every VIEW_COUNT_FLUSH_SECONDS, and once more when the process exits cleanly (atexit, and
gunicorn's worker_exit hook in gunicorn.conf.py). Increments are added with F(), so several
processes never overwrite each other's counts.
"""

import atexit
import logging
import threading
from collections import Counter

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending = Counter()
_timer = None


def record(article_id, views=1):
    with _lock:
        _pending[article_id] += views
    _ensure_timer()


def pending(article_id):
    with _lock:
        return _pending.get(article_id, 0)


def flush():
    """Write the buffered views to the database; returns how many views were written."""
    from articles.models import Article

    with _lock:
        counts = dict(_pending)
        _pending.clear()
    if not counts:
        return 0
    try:
        with transaction.atomic():
            for article_id, views in sorted(counts.items()):
                Article.objects.filter(pk=article_id).update(view_count=F("view_count") + views)
    except Exception:
        # Put them back: a database hiccup must not lose the counts; the next flush retries.
        with _lock:
            _pending.update(counts)
        logger.exception("view counts not flushed; will retry")
        return 0
    return sum(counts.values())


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
        if _timer is None and _pending:
            _timer = threading.Timer(settings.VIEW_COUNT_FLUSH_SECONDS, _tick)
            _timer.daemon = True
            _timer.start()


atexit.register(flush)


def discard():
    """Forget buffered views without writing them (tests; after restoring a backup)."""
    with _lock:
        _pending.clear()
