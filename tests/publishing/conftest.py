import os
import shutil
import socket
import subprocess
import time

import pytest
import redis


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def real_clock_env():
    """The environment without libfaketime: redis-server does not start under it (CI runs the suite at faked
    hours, .ci/run). The server's clock only times its own expiries, so the real one does."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("FAKETIME") and not (name == "LD_PRELOAD" and "faketime" in value)
    }


class RedisServer:
    """A private redis-server on a free port, which a test may stop and start again."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=real_clock_env(),
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=2)

    def page_keys(self):
        return self.client().keys("*pc:page:*")


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server):
    """The site's cache is the private Redis, through the production backend."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "dangjian",  # as the settings have it: other processes find the same keys
        }
    }
    settings.PAGE_CACHE = True
    return redis_server
