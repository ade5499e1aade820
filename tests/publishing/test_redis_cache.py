"""The Redis cache backend that keeps one client per pool, against the real Redis server."""

import uuid

import pytest

from core.redis_cache import RedisCache


@pytest.fixture
def redis_cache():
    backend = RedisCache("redis://127.0.0.1:6379/12", {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield backend
    backend.clear()


def test_behaves_as_a_django_cache(redis_cache):
    redis_cache.set("page", {"title": "远门镇"}, timeout=60)
    redis_cache.set_many({"tag:a": 1, "tag:b": 2}, timeout=None)
    assert redis_cache.get("page") == {"title": "远门镇"}
    assert redis_cache.get_many(["tag:a", "tag:b", "tag:c"]) == {"tag:a": 1, "tag:b": 2}
    assert redis_cache.add("tag:a", 9) is False and redis_cache.add("tag:c", 3) is True
    assert redis_cache.incr("tag:c") == 4
    redis_cache.delete_many(["tag:a", "tag:b"])
    assert redis_cache.get("tag:a") is None


def test_one_client_serves_every_call(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.get("anything")
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client  # one server: one pool, one client
