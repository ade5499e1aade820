"""
Django's Redis cache backend, made to degrade: Redis is a cache only, so its outage must never fail a request.

While Redis cannot be reached every cache call answers as a miss (get → default, set → nothing
stored, add → False), the site renders pages afresh, and one warning is logged, not a traceback
per call. For RETRY_SECONDS after a failure the backend does not even try, so requests stay fast;
then the next call tries again and, once Redis answers, the cache is used again without a restart.
Writes dropped during the outage (a publication's tag bump, a deleted key) cannot be replayed, so
recovering sends `cache_recovered`; the page cache then treats everything stored before as stale.

It also keeps one client per connection pool: Django's `RedisCacheClient.get_client()` builds a new
`redis.Redis` for every cache call, and redis-py's constructor spends ~0.2 ms filling its
response-callback table, a third of a cached page hit.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.dispatch import Signal
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_SECONDS = 2.0  # after a failure, calls answer "miss" at once for this long, then one tries again
LOG_EVERY = 300  # while the outage lasts, a reminder this often (seconds)

# Sent (once per process and outage) when Redis answers again after failing.
cache_recovered = Signal()


class Health:
    """Whether this process reaches one Redis server. Django keeps a backend per thread; this is shared."""

    def __init__(self, name):
        self.name = name
        self._lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0
        self.logged_at = 0.0

    def should_try(self):
        return self.down_since is None or time.monotonic() >= self.retry_at

    def failed(self, error):
        now = time.monotonic()
        with self._lock:
            first = self.down_since is None
            if first:
                self.down_since = now
            self.retry_at = now + RETRY_SECONDS
            remind = first or now - self.logged_at >= LOG_EVERY
            if remind:
                self.logged_at = now
        if remind:
            logger.warning(
                "Redis %s %s (%s: %s); pages are served without the cache until it answers again",
                self.name,
                "unavailable" if first else "still unavailable",
                type(error).__name__,
                error,
            )

    def succeeded(self, backend):
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is None:
                return
            seconds, self.down_since = time.monotonic() - self.down_since, None
        logger.warning("Redis %s answers again after %.0f s; the cache is in use again", self.name, seconds)
        cache_recovered.send(sender=type(backend), backend=backend)


_health = {}
_health_lock = threading.Lock()


def health_of(location):
    with _health_lock:
        return _health.setdefault(location, Health(location))


def _degrading(on_failure):
    """Run the cache call; if Redis fails (or failed a moment ago), answer `on_failure(*args)` instead."""

    def decorator(method):
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            if not self.available():
                return on_failure(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                self.health.failed(error)
                return on_failure(*args, **kwargs)

        return wrapped

    return decorator


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable).")


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        try:
            return self._clients[id(pool)]
        except KeyError:
            return self._clients.setdefault(id(pool), self._client(connection_pool=pool))


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        # A Redis that hangs must not hang the workers: give up quickly, the page renders without it.
        # One immediate retry: a pooled connection broken by a Redis restart reconnects, not fails.
        options = {
            "socket_connect_timeout": 1,
            "socket_timeout": 2,
            "retry": Retry(NoBackoff(), 1),
            **params.get("OPTIONS", {}),
        }
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self.health = health_of(self._servers[0])

    def available(self):
        """Whether to use Redis now. After a failure: not for RETRY_SECONDS, then once a PING answers,
        and the outage's end is announced (cache_recovered) before anything is read or written."""
        if self.health.down_since is None:
            return True
        if not self.health.should_try():
            return False
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            self.health.failed(error)
            return False
        self.health.succeeded(self)
        return True

    @_degrading(lambda key, value, *a, **k: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_degrading(lambda key, default=None, *a, **k: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrading(lambda *a, **k: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_degrading(lambda *a, **k: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_degrading(lambda *a, **k: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrading(lambda *a, **k: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_degrading(lambda *a, **k: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_degrading(_missing_key)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_degrading(lambda data, *a, **k: list(data))  # every key failed, as Django's contract says
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_degrading(lambda *a, **k: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrading(lambda *a, **k: False)
    def clear(self):
        return super().clear()

    def get_many_and(self, keys, queue):
        """`get_many(keys)` with the commands `queue(pipeline)` adds, in one round trip.

        Returns (values, True), or ({}, False) when Redis is down or fails: then none of the
        queued commands may be assumed to have run.
        """
        if not self.available():
            return {}, False
        made = {self.make_and_validate_key(key): key for key in keys}
        try:
            pipeline = self.client().pipeline(transaction=False)
            pipeline.mget(list(made))
            queue(pipeline)
            values = pipeline.execute()[0]
        except RedisError as error:
            self.health.failed(error)
            return {}, False
        loads = self._cache._serializer.loads
        return {made[key]: loads(value) for key, value in zip(made, values, strict=True) if value is not None}, True

    def client(self):
        """The redis-py client for commands Django's cache API lacks (HINCRBY for view counts)."""
        return self._cache.get_client(write=True)
