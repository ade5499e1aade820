"""Real servers that tests start on this machine: a free port, gunicorn as production runs it, waiting for it."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    """Poll until `url` answers; its status."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local test servers
                return response.status
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not come up")


def start_gunicorn(env, port, workers=1):
    """The site under gunicorn with the project's gunicorn.conf.py, on 127.0.0.1:`port`."""
    command = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--workers", str(workers)]
    return subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "dangjian.wsgi:application"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
