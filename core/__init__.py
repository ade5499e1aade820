"""Low-level utilities that import no app: the page cache primitives, the Redis cache backend, text helpers."""
