"""What benchmark modules use: `harness.setup`, `harness.page`, `harness.record` and `harness.staff`.

Load comes from wrk, a separate process (`-t2 -c4`: two threads, four connections), against gunicorn
with two workers on loopback. Every page is measured between two measurements of a bare Django view
(the one just before and the one just after), and their mean is that page's baseline, so a machine
that slows down or speeds up during the run moves both. Every request must succeed: wrk's count of
error answers (status 400 and above) or socket errors, or a first answer that is not 200, stops the
bench with a message saying which page.

Everything measured becomes one row of one table (`Harness.table`), printed at the end; each row is
also printed as it is measured.
"""

import dataclasses
import gzip
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BARE_PATH = "/bench/bare/"
GUNICORN_WORKERS = 2
WRK_THREADS = 2
WRK_CONNECTIONS = 4
WRK_TIMEOUT_SECONDS = 10
PUBLIC_FLOOR = 0.35  # issue #16: every anonymous public page, the quiz page and the quiz answer
STAFF_BUDGET_MS = 300  # issue #18: p95 server time of every staff page at national data
LIGHTHOUSE_FLOOR = (0.95, 1.0)  # issue #16: Lighthouse mobile performance, accessibility
# What a phone's browser sends: the pages are compressed (common/compression.py) as they would be.
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept": "text/html,*/*"}


class BenchFailure(Exception):
    """Something the bench cannot measure honestly: a page that does not answer 200, a socket error."""


# --- wrk ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class WrkResult:
    requests: int
    rps: float
    error_answers: int  # wrk's "Non-2xx or 3xx responses": answers with status 400 and above
    socket_errors: dict[str, int]

    def problem(self) -> str | None:
        if self.error_answers:
            return f"{self.error_answers} of {self.requests} requests answered an error status (400 or above)"
        broken = {kind: count for kind, count in self.socket_errors.items() if count}
        if broken:
            return "socket errors: " + ", ".join(f"{kind} {count}" for kind, count in broken.items())
        if not self.requests:
            return "no request completed"
        return None


def parse_wrk(output: str) -> WrkResult:
    """The figures of wrk's text report (wrk 4.x)."""
    total = re.search(r"^\s*(\d+) requests in ", output, re.MULTILINE)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    if not total or not rate:
        raise BenchFailure(f"could not read wrk's report:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    kinds = ("connect", "read", "write", "timeout")
    return WrkResult(
        requests=int(total.group(1)),
        rps=float(rate.group(1)),
        error_answers=int(errors.group(1)) if errors else 0,
        socket_errors=dict(zip(kinds, (int(n) for n in sockets.groups()), strict=True))
        if sockets
        else dict.fromkeys(kinds, 0),
    )


def _lua_string(value: str) -> str:
    if not value.isascii() or "\n" in value:
        raise ValueError(f"not a plain ASCII header or body: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_script(
    *, headers: dict[str, str], method: str = "GET", body: str = "", fresh_cookie: str = "", run_id: str = ""
) -> str:
    """A wrk Lua script: the method, headers and body of every request. With `fresh_cookie`, each
    request carries that cookie with a value never sent before (a new phone each time: the feedback
    form takes one answer per phone)."""
    lines = [f"wrk.method = {_lua_string(method)}"]
    lines += [f"wrk.headers[{_lua_string(name)}] = {_lua_string(value)}" for name, value in headers.items()]
    if body:
        lines.append(f"wrk.body = {_lua_string(body)}")
    if fresh_cookie:
        prefix = _lua_string(f"{fresh_cookie}=bench-{run_id}-")
        lines += [
            "local threads = 0",
            "function setup(thread)",
            "  threads = threads + 1",
            "  thread:set('tid', threads)",
            "end",
            "local sent = 0",
            "local cookie = wrk.headers['Cookie']",
            "function request()",
            "  sent = sent + 1",
            "  local fresh = " + prefix + " .. tid .. '-' .. sent",
            "  wrk.headers['Cookie'] = cookie and (cookie .. '; ' .. fresh) or fresh",
            "  return wrk.format()",
            "end",
        ]
    return "\n".join(lines) + "\n"


# --- rows and the table -----------------------------------------------------------------------------


@dataclasses.dataclass
class Row:
    page: str
    language: str = ""
    # A page under wrk:
    rps: float | None = None
    bare_before: float | None = None
    bare_after: float | None = None
    floor: float | None = None
    # A staff page in process:
    p50: float | None = None
    p95: float | None = None
    budget_ms: float | None = None
    # Any other figure (unit given), optionally against a baseline measured the same way:
    value: float | None = None
    unit: str = ""
    baseline: float | None = None
    # What a page costs:
    queries: int | None = None
    html_bytes: int | None = None
    sent_bytes: int | None = None
    lighthouse: tuple[float, float] | None = None  # Lighthouse (performance, accessibility) scores

    @property
    def bare(self) -> float | None:
        known = [rate for rate in (self.bare_before, self.bare_after) if rate]
        return statistics.mean(known) if known else None

    @property
    def ratio(self) -> float | None:
        if self.rps is not None and self.bare:
            return self.rps / self.bare
        if self.value is not None and self.baseline:
            return self.value / self.baseline
        return None

    @property
    def passed(self) -> bool | None:
        checks = []
        if self.floor is not None and self.ratio is not None:
            checks.append(self.ratio >= self.floor)
        elif self.budget_ms is not None and self.p95 is not None:
            checks.append(self.p95 <= self.budget_ms)
        if self.lighthouse is not None:
            checks.append(
                all(score >= floor for score, floor in zip(self.lighthouse, LIGHTHOUSE_FLOOR, strict=True))
            )
        return all(checks) if checks else None

    def cells(self) -> list[str]:
        if self.rps is not None:
            figure = f"{self.rps:,.0f} req/s"
            bare = f"{self.bare_before or 0:,.0f} / {self.bare_after or 0:,.0f}"
        elif self.p95 is not None:
            figure = f"p50 {self.p50:,.0f} / p95 {self.p95:,.0f} ms"
            bare = ""
        else:
            figure = f"{self.value:,.1f} {self.unit}".strip() if self.value is not None else ""
            bare = f"{self.baseline:,.1f}" if self.baseline else ""
        if self.floor is not None:
            floor = f"≥ {self.floor:.2f}"
        elif self.budget_ms is not None:
            floor = f"p95 ≤ {self.budget_ms:.0f} ms"
        else:
            floor = ""
        ok = {True: "pass", False: "**FAIL**", None: ""}[self.passed]
        return [
            self.page,
            self.language,
            figure,
            bare,
            f"{self.ratio:.2f}" if self.ratio is not None else "",
            floor,
            ok,
            "" if self.queries is None else str(self.queries),
            "" if self.html_bytes is None else f"{self.html_bytes / 1024:.1f}",
            "" if self.sent_bytes is None else f"{self.sent_bytes / 1024:.1f}",
            "" if self.lighthouse is None else "{:.2f} / {:.2f}".format(*self.lighthouse),
        ]


COLUMNS = [
    "page",
    "lang",
    "figure",
    "bare before / after",
    "ratio",
    "floor",
    "ok",
    "queries",
    "KB",
    "KB sent",
    "LH perf / a11y",
]


def table(rows: list[Row]) -> str:
    """One Markdown table of every row."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


# --- the harness -------------------------------------------------------------------------------------


class Harness:
    def __init__(self, *, env: dict, seconds: float, port: int, lighthouse: str | None = None) -> None:
        self.env = env
        self.seconds = max(1, round(seconds))
        self.port = port
        self.lighthouse = lighthouse  # path of the lighthouse command, or None
        self.rows: list[Row] = []
        self._lighthouse_queue: list[tuple[Row, str]] = []  # (row, path) to score with Lighthouse
        self.run_id = uuid.uuid4().hex[:8]
        self._server: subprocess.Popen | None = None
        self._last_bare: tuple[float, float] | None = None  # (req/s, when), if the last wrk run was bare

    def settings_line(self) -> str:
        return (
            f"gunicorn {GUNICORN_WORKERS} sync workers; wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} "
            f"-d{self.seconds}s --timeout {WRK_TIMEOUT_SECONDS}s (a separate process, same machine); "
            f"Accept-Encoding: {BROWSER_HEADERS['Accept-Encoding']}; "
            f"bare view measured before and after every page"
        )

    # --- the interface for bench modules -------------------------------------------------------

    def setup(self, function: Callable[[], object]) -> object:
        """Run `function` once in this process (Django is set up on the bench database)."""
        return function()

    def page(
        self,
        name: str,
        path: str,
        *,
        language: str,
        floor: float | None = PUBLIC_FLOOR,
        client=None,
        post: dict | None = None,
        fresh_cookie: str = "",
    ) -> Row:
        """Requests per second of `path` through gunicorn under wrk, against the bare view just before
        and just after. `client`: a django.test.Client whose cookies (a signed-in session) go with
        every request. `post`: form data to POST (a CSRF cookie and token are fetched first)."""
        self._ensure_server()
        client = client or _anonymous_client(language)
        cookies = {key: morsel.value for key, morsel in client.cookies.items()}
        headers = {**BROWSER_HEADERS, "Accept-Language": language}
        body = ""
        if post is not None:
            csrf_cookie, token = self._csrf(path, headers, cookies)
            cookies[csrf_cookie[0]] = csrf_cookie[1]
            body = urlencode({**post, "csrfmiddlewaretoken": token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in cookies.items())
        fresh = {fresh_cookie: f"bench-{self.run_id}-check"} if fresh_cookie else {}
        html_bytes, sent_bytes = self._check(path, headers, body, fresh)
        row = Row(page=name, language=language, floor=floor, html_bytes=html_bytes, sent_bytes=sent_bytes)
        row.queries = _queries(client, path, post, fresh_cookie and f"bench-{self.run_id}-queries")
        script = wrk_script(
            headers=headers,
            method="POST" if post is not None else "GET",
            body=body,
            fresh_cookie=fresh_cookie,
            run_id=self.run_id,
        )
        row.bare_before = self._bare()
        row.rps = self._wrk(path, script, what=name)
        row.bare_after = self._bare(fresh=True)
        if self.lighthouse and post is None and not cookies:
            self._lighthouse_queue.append((row, path))
        return self._add(row)

    def score_queued_pages(self) -> None:
        """Lighthouse for the pages measured since the last call (run.py calls it after each module,
        before the next one changes the data). After the throughput measurements, never between them:
        a page measured while Lighthouse's Chromium was closing showed half its throughput."""
        for row, path in self._lighthouse_queue:
            row.lighthouse = self._lighthouse(path)
            scores = "no score" if row.lighthouse is None else "{:.2f} / {:.2f}".format(*row.lighthouse)
            print(f"Lighthouse perf / a11y  {row.page} [{row.language}]  {scores}", flush=True)
        self._lighthouse_queue = []

    def record(
        self,
        name: str,
        value: float,
        unit: str,
        baseline: float | None = None,
        language: str = "",
        queries: int | None = None,
    ) -> Row:
        """A figure measured some other way (in process, by a worker...), with its unit."""
        row = Row(page=name, language=language, value=value, unit=unit, baseline=baseline, queries=queries)
        return self._add(row)

    def staff(self, name: str, *, p50: float, p95: float, queries: int, language: str = "en") -> Row:
        """A staff page measured in process (server time), against the 300 ms p95 budget."""
        return self._add(
            Row(page=name, language=language, p50=p50, p95=p95, budget_ms=STAFF_BUDGET_MS, queries=queries)
        )

    def below_floor(self) -> list[Row]:
        return [row for row in self.rows if row.passed is False]

    def table(self) -> str:
        return table(self.rows)

    # --- internals ---------------------------------------------------------------------------------

    def _add(self, row: Row) -> Row:
        self.rows.append(row)
        cells = dict(zip(COLUMNS, row.cells(), strict=True))
        shown = "  ".join(
            f"{key} {value}" for key, value in cells.items() if value and key not in ("page", "lang")
        )
        print(f"{row.page} [{row.language}]  {shown}" if row.language else f"{row.page}  {shown}", flush=True)
        return row

    def _bare(self, fresh: bool = False) -> float:
        """The bare view's req/s: the last wrk run if it was the bare view a moment ago, else measured now."""
        if not fresh and self._last_bare and time.monotonic() - self._last_bare[1] < 5:
            return self._last_bare[0]
        rps = self._wrk(BARE_PATH, wrk_script(headers=BROWSER_HEADERS), what="the bare view")
        self._last_bare = (rps, time.monotonic())
        return rps

    def _wrk(self, path: str, script: str, *, what: str) -> float:
        self._last_bare = None
        with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bench-wrk-") as lua:
            lua.write(script)
            lua.flush()
            result = run_wrk(f"http://127.0.0.1:{self.port}{path}", lua.name, self.seconds)
        problem = result.problem()
        if problem:
            raise BenchFailure(
                f"{what} ({path}): {problem}. Every request must succeed; see the gunicorn log above."
            )
        return result.rps

    def _request(self, method: str, path: str, headers: dict, body: str = "") -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request(method, path, body=body.encode() or None, headers=headers)
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        return response

    def _check(self, path: str, headers: dict, body: str, fresh: dict) -> tuple[int, int]:
        """One request as wrk will send it: it must answer 200 (wrk does not count redirects as errors).
        Returns the HTML's size and the size sent (compressed)."""
        headers = dict(headers)
        if fresh:
            extra = "; ".join(f"{key}={value}" for key, value in fresh.items())
            headers["Cookie"] = f"{headers['Cookie']}; {extra}" if headers.get("Cookie") else extra
        response = self._request("POST" if body else "GET", path, headers, body)
        if response.status != 200:
            where = response.getheader("Location")
            raise BenchFailure(
                f"{path} answered {response.status}{f' (to {where})' if where else ''}, not 200: "
                "every page of the bench must answer 200"
            )
        sent = response.body
        html = gzip.decompress(sent) if response.getheader("Content-Encoding") == "gzip" else sent
        return len(html), len(sent)

    def _csrf(self, path: str, headers: dict, cookies: dict) -> tuple[tuple[str, str], str]:
        """A CSRF cookie and the form's token, from a GET of the page (as a phone gets them)."""
        from django.conf import settings

        get_headers = {key: value for key, value in headers.items() if key != "Accept-Encoding"}
        if cookies:
            get_headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in cookies.items())
        response = self._request("GET", path, get_headers)
        name = settings.CSRF_COOKIE_NAME
        cookie = next(
            (
                value.split(";", 1)[0].split("=", 1)
                for key, value in response.getheaders()
                if key.lower() == "set-cookie" and value.startswith(f"{name}=")
            ),
            None,
        )
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.body)
        if response.status != 200 or not cookie or not token:
            raise BenchFailure(f"GET {path} gave no CSRF cookie and token (status {response.status})")
        return (cookie[0], cookie[1]), token.group(1).decode()

    def _lighthouse(self, path: str) -> tuple[float, float] | None:
        """Lighthouse's mobile performance and accessibility scores (simulated slow 4G, 4x CPU slowdown)."""
        import json

        command = [
            self.lighthouse, f"http://127.0.0.1:{self.port}{path}", "--quiet",
            "--only-categories=performance,accessibility", "--form-factor=mobile", "--output=json",
            "--output-path=stdout",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --disable-sync --disable-quic",
        ]  # fmt: skip
        env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        for _attempt in range(2):  # Lighthouse sometimes loses its trace (NO_NAVSTART) and says to run again
            done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180, check=False)
            _wait_for_chromium_to_exit()  # before the next page's Lighthouse run
            try:
                categories = json.loads(done.stdout)["categories"]
                return categories["performance"]["score"], categories["accessibility"]["score"]
            except (ValueError, KeyError, TypeError):
                print(f"  Lighthouse gave no score for {path}: {done.stderr.strip()[-300:]}", flush=True)
        return None

    def _ensure_server(self) -> None:
        if self._server:
            return
        command = [
            sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(GUNICORN_WORKERS), "--log-level", "warning",
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
            raise BenchFailure("gunicorn did not start within 30 s")
        run_wrk(f"http://127.0.0.1:{self.port}{BARE_PATH}", None, 1)  # both workers warm

    def close(self) -> None:
        if self._server:
            self._server.terminate()
            self._server.wait(timeout=15)


def run_wrk(url: str, script: str | None, seconds: int) -> WrkResult:
    if not shutil.which("wrk"):
        raise BenchFailure("make bench needs wrk (Debian: apt-get install wrk)")
    command = [
        "wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", f"--timeout={WRK_TIMEOUT_SECONDS}s",
    ]  # fmt: skip
    if script:
        command += ["-s", script]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchFailure(f"wrk failed on {url}: {done.stderr.strip() or done.stdout.strip()}")
    return parse_wrk(done.stdout)


def _anonymous_client(language: str):
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE=language, HTTP_HOST="127.0.0.1")


def _queries(client, path: str, post: dict | None, fresh_value: str) -> int:
    """Queries of one request in this process (after one warm-up request), as the page runs them."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    def once(suffix: str):
        if fresh_value:
            from workshops.views import FEEDBACK_DEVICE_COOKIE

            client.cookies[FEEDBACK_DEVICE_COOKIE] = f"{fresh_value}-{suffix}"
        response = client.post(path, post) if post is not None else client.get(path)
        if response.status_code != 200:
            raise BenchFailure(f"{path} answered {response.status_code} in process, not 200")
        return response

    once("warm")
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        once("counted")
    return len(queries)


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


def _wait_for_chromium_to_exit(timeout: float = 15) -> None:
    """Lighthouse returns while its Chromium may still be closing: wait until no Chromium process is
    left, `timeout` seconds at most (a browser test could be running beside)."""
    if not shutil.which("pgrep"):
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if subprocess.run(["pgrep", "-x", "chromium"], capture_output=True, check=False).returncode != 0:
            return
        time.sleep(0.2)


def bench_env() -> dict:
    # The limits on answers from one address would refuse a load generator on loopback within a
    # second; the counting itself still runs on every request.
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.settings",
        HIFAZAT_ENV="development",
        WORKSHOP_QUIZ_ANSWERS_PER_HOUR="1000000000",
        WORKSHOP_FEEDBACK_PER_HOUR="1000000000",
    )
    env.pop("DJANGO_DEBUG", None)
    return env


def size(name: str, full: float, tiny: float) -> float:
    """A data size: the environment variable `name` if set, else `tiny` under BENCH_SIZE=tiny, else `full`."""
    if os.environ.get(name):
        return float(os.environ[name])
    return tiny if os.environ.get("BENCH_SIZE") == "tiny" else full
