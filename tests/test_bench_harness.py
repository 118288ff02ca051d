"""`make bench`'s harness (bench/harness.py): it reads wrk's report, fails on any error answer or socket
error, refuses a page that does not answer 200, sends a fresh cookie per request when asked, and
marks a figure below its floor. Real wrk against a small local HTTP server; no timing is asserted."""

import http.server
import shutil
import threading

import pytest

from bench.harness import BenchFailure, Harness, Row, parse_wrk, run_wrk, table, wrk_script

WRK_REPORT = """Running 1s test @ http://127.0.0.1:8000/en/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.04ms    1.01ms  14.20ms   91.03%
    Req/Sec     1.00k   120.11     1.21k    70.00%
  1990 requests in 1.00s, 300.12KB read
  Socket errors: connect 0, read 3, write 0, timeout 1
  Non-2xx or 3xx responses: 12
Requests/sec:   1985.03
Transfer/sec:    299.44KB
"""

needs_wrk = pytest.mark.skipif(not shutil.which("wrk"), reason="make bench needs wrk (.ci/run installs it)")


class _Server:
    """A loopback HTTP server answering every request with `status`, keeping each request's cookie."""

    def __init__(self, status: int, location: str = "") -> None:
        self.cookies: list[str] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                owner.cookies.append(self.headers.get("Cookie", ""))
                body = b"<p>ok</p>"
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_parse_wrk_reads_rate_requests_error_answers_and_socket_errors():
    result = parse_wrk(WRK_REPORT)
    assert (result.requests, result.rps, result.error_answers) == (1990, 1985.03, 12)
    assert result.socket_errors == {"connect": 0, "read": 3, "write": 0, "timeout": 1}
    assert "12 of 1990 requests answered an error status" in result.problem()


def test_a_clean_wrk_report_has_no_problem_and_a_socket_error_is_one():
    clean = WRK_REPORT.replace("  Socket errors: connect 0, read 3, write 0, timeout 1\n", "").replace(
        "  Non-2xx or 3xx responses: 12\n", ""
    )
    assert parse_wrk(clean).problem() is None
    sockets = clean.replace(
        "300.12KB read\n", "300.12KB read\n  Socket errors: connect 0, read 0, write 0, timeout 7\n"
    )
    assert parse_wrk(sockets).problem() == "socket errors: timeout 7"


def test_an_unreadable_report_stops_the_bench():
    with pytest.raises(BenchFailure, match="could not read wrk's report"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


@needs_wrk
def test_error_answers_under_wrk_stop_the_bench():
    with _Server(500) as server:
        harness = Harness(env={}, seconds=1, port=server.port)
        with pytest.raises(BenchFailure, match=r"/broken/\): \d+ of \d+ requests answered an error status"):
            harness._wrk("/broken/", wrk_script(headers={"Accept-Language": "ur"}), what="a broken page")
    with _Server(200) as server:
        result = run_wrk(f"http://127.0.0.1:{server.port}/", None, 1)
    assert result.requests > 0
    assert result.problem() is None


@needs_wrk
def test_a_post_script_sends_the_body_and_a_fresh_cookie_on_every_request():
    script = wrk_script(
        headers={"Cookie": "csrftoken=abc", "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
        body="useful=4&csrfmiddlewaretoken=abc",
        fresh_cookie="hifazat_feedback",
        run_id="r1",
    )
    with _Server(200) as server:
        harness = Harness(env={}, seconds=1, port=server.port)
        harness._wrk("/feedback/", script, what="feedback")
    sent = [cookie for cookie in server.cookies if cookie]
    assert len(sent) > 1
    assert all(cookie.startswith("csrftoken=abc; hifazat_feedback=bench-r1-") for cookie in sent)
    assert len(set(sent)) == len(sent)  # never the same phone twice


def test_a_page_that_redirects_is_refused_before_it_is_measured():
    with _Server(302, location="/en/accounts/login/") as server:
        harness = Harness(env={}, seconds=1, port=server.port)
        with pytest.raises(
            BenchFailure, match=r"/en/cases/ answered 302 \(to /en/accounts/login/\), not 200"
        ):
            harness._check("/en/cases/", {"Accept-Language": "en"}, "", {})


def test_the_table_marks_a_figure_below_its_floor():
    below = Row(page="workshop detail", language="ur", rps=30, bare_before=1000, bare_after=1400, floor=0.35)
    above = Row(page="home", language="en", rps=500, bare_before=1000, bare_after=1000, floor=0.35, queries=0)
    slow = Row(page="Impact dashboard", language="en", p50=200, p95=450, budget_ms=300, queries=21)
    text = table([below, above, slow])
    assert "| workshop detail | ur | 30 req/s | 1,000 / 1,400 | 0.03 | ≥ 0.35 | **FAIL** |" in text
    assert "| home | en | 500 req/s | 1,000 / 1,000 | 0.50 | ≥ 0.35 | pass | 0 |" in text
    assert "| Impact dashboard | en | p50 200 / p95 450 ms |  |  | p95 ≤ 300 ms | **FAIL** | 21 |" in text
    harness = Harness(env={}, seconds=1, port=1)
    harness.rows = [below, above, slow]
    assert harness.below_floor() == [below, slow]
