"""gunicorn settings for dangjian (systemd runs `gunicorn dangjian.wsgi`, which reads this file)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
# Restart a worker now and then to bound slow memory growth, but not often: at 5,000 a benchmark
# worker serving ~1,100 cached pages a second restarted every ~4 s (21 restarts a minute, p99 261 ms).
# The process-local caches are bounded (core/pagecache.py), so a worker can live long: 200,000
# requests is 3 minutes at that rate and days at a county site's real traffic. The jitter (a quarter)
# keeps the workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 200_000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 4))
# "-" logs requests to stdout (journald); GUNICORN_ACCESSLOG=off disables it (benchmarks).
accesslog = None if os.environ.get("GUNICORN_ACCESSLOG") == "off" else os.environ.get("GUNICORN_ACCESSLOG", "-")


def worker_exit(server, worker):
    """A worker leaving (restart, max_requests, shutdown) writes pending 浏览次数 first (its own buffer
    when Redis is down; the shared ones otherwise, which a killed worker leaves for the others)."""
    from django.apps import apps

    if not apps.is_installed("articles"):  # bench/floor.py runs under these settings too
        return
    from articles import viewcounts

    viewcounts.flush()
