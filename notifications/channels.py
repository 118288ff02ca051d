"""One way to send a message, whatever the channel: `send(channel=..., to=..., subject=..., body=..., language=...)`.

Email goes through Django's email backend (SMTP in production, console or file in the embedded
default). SMS goes through the backend SMS_BACKEND names: "console" (prints), "file" (appends to
SMS_FILE_PATH), "http" (a generic gateway: URL, method, payload template and headers from settings, so
an organisation plugs in its aggregator without code), or the dotted path of a class of its own.
"""

import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.module_loading import import_string

from notifications.sms import UCS2, sms_length


class DeliveryError(Exception):
    """A message did not go out. `permanent` errors (a refused number) are not retried."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def send(*, channel: str, to: str, subject: str, body: str, language: str, reference: str = "") -> None:
    """Send one message now. Raises DeliveryError when it could not be handed over."""
    if channel == "email":
        _send_email(to=to, subject=subject, body=body, language=language, reference=reference)
    elif channel == "sms":
        sms_backend().send(to=to, body=body, reference=reference)
    else:
        raise DeliveryError(f"unknown channel {channel!r}", permanent=True)


def sent_references(*, channel: str, references: list[str]) -> set[str] | None:
    """Which of these references the channel is known to have handed over; None when it cannot tell.

    Used after a worker died between claiming a message and recording the result.
    """
    if channel == "sms":
        return sms_backend().sent_references(references)
    return None


def _send_email(*, to: str, subject: str, body: str, language: str, reference: str) -> None:
    headers = {"Content-Language": language}
    if reference:
        headers["X-Hifazat-Delivery"] = reference
    message = EmailMessage(subject=subject, body=body, to=[to], headers=headers)
    try:
        message.send()
    except OSError as error:  # smtplib.SMTPException is an OSError
        raise DeliveryError(f"email: {error}") from error


class ConsoleSmsBackend:
    """Prints each SMS (the embedded default: `make run` shows reminders on the console)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stdout

    def send(self, *, to: str, body: str, reference: str) -> None:
        length = sms_length(body)
        self.stream.write(
            f"----- SMS to {to} ({length.segments} segment(s), {length.encoding}) [{reference}]\n{body}\n-----\n"
        )
        self.stream.flush()

    def sent_references(self, references: list[str]) -> set[str] | None:
        return None


class FileSmsBackend:
    """Appends each SMS as one JSON line to SMS_FILE_PATH; can tell later whether a reference went out."""

    _lock = threading.Lock()

    def __init__(self, path: str | None = None) -> None:
        self.path = Path(path or settings.SMS_FILE_PATH)

    def send(self, *, to: str, body: str, reference: str) -> None:
        length = sms_length(body)
        line = json.dumps(
            {
                "at": timezone.now().isoformat(),
                "to": to,
                "reference": reference,
                "segments": length.segments,
                "encoding": length.encoding,
                "body": body,
            },
            ensure_ascii=False,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = (line + "\n").encode()
        # One write() on an O_APPEND file: lines from several worker processes never interleave.
        with self._lock, open(self.path, "ab", buffering=0) as handle:
            handle.write(data)

    def sent_references(self, references: list[str]) -> set[str] | None:
        wanted = set(references)
        found: set[str] = set()
        if not self.path.exists():
            return found
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    reference = json.loads(line).get("reference")
                except ValueError:
                    continue
                if reference in wanted:
                    found.add(reference)
        return found


class HttpSmsBackend:
    """A generic HTTP SMS gateway: most Pakistani aggregators take a GET or POST with the number, the
    text and an API key. SMS_GATEWAY_PAYLOAD is a template with {to}, {to_local}, {body}, {reference},
    {sender} and {unicode} ("1" for Urdu/Sindhi/Pashto text); a template starting with "{" is sent as
    JSON (values JSON-escaped), anything else as form data (values URL-encoded), or as the query string
    for GET. 2xx is success; 4xx is a permanent refusal; 5xx, timeouts and network errors are retried.
    """

    def __init__(
        self,
        *,
        url: str | None = None,
        method: str | None = None,
        payload: str | None = None,
        headers: str | dict | None = None,
        timeout: float | None = None,
    ) -> None:
        self.url = url or settings.SMS_GATEWAY_URL
        self.method = (method or settings.SMS_GATEWAY_METHOD).upper()
        self.payload = settings.SMS_GATEWAY_PAYLOAD if payload is None else payload
        headers = settings.SMS_GATEWAY_HEADERS if headers is None else headers
        self.headers = json.loads(headers or "{}") if isinstance(headers, str) else dict(headers)
        self.timeout = timeout or settings.SMS_GATEWAY_TIMEOUT
        if not self.url:
            raise DeliveryError("SMS_BACKEND is http but SMS_GATEWAY_URL is not set", permanent=True)

    def _values(self, *, to: str, body: str, reference: str) -> dict[str, str]:
        local = "0" + to.removeprefix("+92") if to.startswith("+92") else to
        return {
            "to": to,
            "to_local": local,
            "body": body,
            "reference": reference,
            "sender": settings.SMS_SENDER_ID,
            "unicode": "1" if sms_length(body).encoding == UCS2 else "0",
        }

    def _fill(self, values: dict[str, str], escape) -> str:
        text = self.payload
        for name, value in values.items():
            text = text.replace("{" + name + "}", escape(value))
        return text

    def request(self, *, to: str, body: str, reference: str) -> urllib.request.Request:
        values = self._values(to=to, body=body, reference=reference)
        headers = dict(self.headers)
        url, data = self.url, None
        if self.payload.lstrip().startswith("{"):
            data = self._fill(values, lambda value: json.dumps(value)[1:-1]).encode()
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
        else:
            encoded = self._fill(values, lambda value: urllib.parse.quote(value, safe=""))
            if self.method == "GET":
                url = f"{url}{'&' if '?' in url else '?'}{encoded}" if encoded else url
            else:
                data = encoded.encode()
                headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urllib.request.Request(url, data=data, headers=headers, method=self.method)  # noqa: S310

    def send(self, *, to: str, body: str, reference: str) -> None:
        request = self.request(to=to, body=body, reference=reference)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            permanent = 400 <= error.code < 500 and error.code not in (408, 429)
            raise DeliveryError(f"gateway answered {error.code}", permanent=permanent) from error
        except (urllib.error.URLError, OSError) as error:
            raise DeliveryError(f"gateway unreachable: {getattr(error, 'reason', error)}") from error

    def sent_references(self, references: list[str]) -> set[str] | None:
        return None


BACKENDS = {"console": ConsoleSmsBackend, "file": FileSmsBackend, "http": HttpSmsBackend}


@cache
def _backend_class(name: str):
    return BACKENDS.get(name) or import_string(name)


def sms_backend():
    return _backend_class(settings.SMS_BACKEND)()
