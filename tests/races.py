"""Fire the same request from several real threads at once (each its own client and DB connection)."""

import threading

import pytest
from django.db import connection
from django.test import Client

# The SQLite test database lives in memory with a shared cache, where a second writer gets "table is
# locked" at once instead of waiting (production SQLite is a WAL file with BEGIN IMMEDIATE and a busy
# timeout, which queues writers). Real concurrency is therefore proven on PostgreSQL.
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (see tests/races.py)"
)


def at_once(requests, user=None, follow=False):
    """Run each `(method, path, data)` in its own thread, released together; return the responses.

    A request that raised (what a user would see as a 500) comes back as the exception. (The test
    client hears every thread's request exceptions, so one failure may show up in several results.)
    """
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def run(index, method, path, data):
        client = Client()
        if user is not None:
            client.force_login(user)
        try:
            barrier.wait()
            results[index] = getattr(client, method)(path, data, follow=follow)
        except Exception as error:  # reported to the test, which asserts there is none
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, *request)) for i, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
