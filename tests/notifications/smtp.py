"""A small real SMTP server on a free local port, for tests where a worker sends email over SMTP.

It speaks enough of RFC 5321 for smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every
message it accepted, and refuses the recipients in `refuse` with a temporary error (450), as a mail
server that is briefly unhappy with one mailbox does. Python 3.12 removed `smtpd`; aiosmtpd would be a
new dependency for this alone.
"""

import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class Received:
    to: list[str]
    data: str

    def header(self, name: str) -> str:
        for line in self.data.splitlines():
            if line.lower().startswith(name.lower() + ":"):
                return line.split(":", 1)[1].strip()
        return ""


@dataclass
class SmtpServer:
    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    _server: socketserver.ThreadingTCPServer | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}?tls=off"

    def start(self) -> "SmtpServer":
        smtp = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write((line + "\r\n").encode())

            def handle(self) -> None:
                self.reply("220 test SMTP ready")
                recipients: list[str] = []
                while True:
                    raw = self.rfile.readline()
                    if not raw:
                        return
                    command = raw.decode(errors="replace").strip()
                    verb = command.split(" ", 1)[0].upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250 test")
                    elif verb == "MAIL":
                        recipients = []
                        self.reply("250 OK")
                    elif verb == "RCPT":
                        address = command.split(":", 1)[1].strip().strip("<>").split(">")[0]
                        with smtp.lock:
                            refused = address in smtp.refuse
                            if refused:
                                smtp.refused.append(address)
                        if refused:
                            self.reply("450 4.2.1 Mailbox busy, try again later")
                        else:
                            recipients.append(address)
                            self.reply("250 OK")
                    elif verb == "DATA":
                        self.reply("354 End data with <CR><LF>.<CR><LF>")
                        lines = []
                        while True:
                            line = self.rfile.readline().decode(errors="replace")
                            if line in (".\r\n", ".\n", ""):
                                break
                            lines.append(line[1:] if line.startswith("..") else line)
                        with smtp.lock:
                            smtp.received.append(Received(to=list(recipients), data="".join(lines)))
                        self.reply("250 OK queued")
                    elif verb in ("RSET", "NOOP"):
                        self.reply("250 OK")
                    elif verb == "QUIT":
                        self.reply("221 Bye")
                        return
                    else:
                        self.reply("502 Command not implemented")

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def recipients(self) -> list[str]:
        with self.lock:
            return [address for message in self.received for address in message.to]
