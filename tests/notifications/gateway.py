"""A real local HTTP server standing in for an SMS aggregator, started by the test in a thread."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Gateway:
    url: str
    requests: list[dict] = field(default_factory=list)
    # Status codes to answer, in order; once used up, 200.
    answers: list[int] = field(default_factory=list)


def start_gateway() -> tuple[Gateway, ThreadingHTTPServer]:
    gateway = Gateway(url="")

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            gateway.requests.append(
                {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
            )
            status = gateway.answers.pop(0) if gateway.answers else 200
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"ok": true}' if status == 200 else b'{"error": "no"}')

        do_GET = do_POST = _handle

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}/sms/send"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return gateway, server
