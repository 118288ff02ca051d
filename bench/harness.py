"""What benchmark modules use: `harness.setup`, `harness.http` and `harness.record`.

Every figure is printed next to a baseline measured in the same run on the same machine, so the
ratios mean something even where absolute numbers depend on the hardware.
"""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Harness:
    def __init__(self, *, env: dict, seconds: float, clients: int, port: int) -> None:
        self.env = env
        self.seconds = seconds
        self.clients = clients
        self.port = port
        self.results: list[tuple[str, float, str, float | None]] = []
        self._bare_rps: float | None = None
        self._server: subprocess.Popen | None = None

    # --- the interface for bench modules -------------------------------------------------------

    def setup(self, function: Callable[[], None]) -> None:
        """Run `function` once in this process (Django is set up on the bench database)."""
        function()

    def http(self, name: str, path: str) -> float:
        """Requests per second of GET `path` through gunicorn, printed against the bare view."""
        self._ensure_server()
        bare = self._bare()
        rps = self._measure(path)
        self.record(name, rps, "req/s", baseline=bare)
        return rps

    def record(self, name: str, value: float, unit: str, baseline: float | None = None) -> None:
        self.results.append((name, value, unit, baseline))
        line = f"{name:<52} {value:>10.1f} {unit}"
        if baseline:
            line += f"   baseline {baseline:>9.1f} {unit}   ratio {value / baseline:5.2f}"
        print(line, flush=True)

    # --- internals ---------------------------------------------------------------------------------

    def _bare(self) -> float:
        if self._bare_rps is None:
            self._bare_rps = self._measure("/bench/bare/")
            print(f"{'bare Django view (baseline)':<52} {self._bare_rps:>10.1f} req/s", flush=True)
        return self._bare_rps

    def _ensure_server(self) -> None:
        if self._server:
            return
        command = [
            sys.executable, "-m", "gunicorn", "bench.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--log-level", "warning",
        ]  # fmt: skip
        self._server = subprocess.Popen(command, cwd=ROOT, env=self.env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        self._measure("/bench/bare/", seconds=1.0)  # warm up both workers

    def _measure(self, path: str, seconds: float | None = None) -> float:
        seconds = seconds or self.seconds
        counts = [0] * self.clients
        errors: list[str] = []
        deadline = time.monotonic() + seconds

        def client(index: int) -> None:
            while time.monotonic() < deadline:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                connection.request("GET", path, headers={"Accept-Language": "ur"})
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    errors.append(f"{path} answered {response.status}")
                    return
                counts[index] += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(self.clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise RuntimeError(errors[0])
        return sum(counts) / (time.monotonic() - started)

    def close(self) -> None:
        if self._server:
            self._server.terminate()
            self._server.wait(timeout=15)


def rate_in_process(function: Callable[[], object], seconds: float) -> float:
    """Calls per second of `function` in this process (one warm-up call first)."""
    function()
    count = 0
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        function()
        count += 1
    return count / (time.monotonic() - started)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env() -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", HIFAZAT_ENV="development")
    env.pop("DJANGO_DEBUG", None)
    return env
