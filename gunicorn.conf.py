"""gunicorn settings for dangjian (systemd runs `gunicorn dangjian.wsgi`, which reads this file)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
max_requests = 5000
max_requests_jitter = 500
# "-" logs requests to stdout (journald); GUNICORN_ACCESSLOG=off disables it (benchmarks).
accesslog = None if os.environ.get("GUNICORN_ACCESSLOG") == "off" else os.environ.get("GUNICORN_ACCESSLOG", "-")


def worker_exit(server, worker):
    """A worker leaving (restart, max_requests, shutdown) writes pending 浏览次数 first (its own buffer
    when Redis is down; the shared ones otherwise, which a killed worker leaves for the others)."""
    from articles import viewcounts

    viewcounts.flush()
