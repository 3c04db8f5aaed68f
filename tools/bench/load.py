"""Requests per second and latency under gunicorn (2 workers, loopback), measured with wrk."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LATENCY = re.compile(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class LoadResult:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float


def wrk_missing() -> str | None:
    return None if shutil.which("wrk") else "wrk is not installed (apt-get install wrk)"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(environment: dict[str, str], workers: int = 2):
    port = _free_port()
    env = {
        **os.environ,
        **environment,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "gunicorn.conf.py",
        "--access-logfile",
        "/dev/null",
        "wsgi:app",
    ]
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(
            command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        try:
            base = _wait_until_up(server, port, errors)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_until_up(server: subprocess.Popen, port: int, errors) -> str:
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return base
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                errors.seek(0)
                said = errors.read().decode(errors="replace")[-1500:]
                raise RuntimeError(f"gunicorn did not start for the load test:\n{said}") from None
            time.sleep(0.3)


def run_wrk(name: str, url: str, cookie: str | None = None, seconds: int = 8) -> LoadResult:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {p: float(v) * UNIT_MS[unit] for p, v, unit in LATENCY.findall(output)}
    return LoadResult(name, rate, latencies["50"], latencies["99"])
