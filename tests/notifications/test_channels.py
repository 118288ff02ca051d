import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from notifications import channels
from notifications.channels import ConsoleSmsBackend, DeliveryError, FileSmsBackend, HttpSmsBackend
from tests.notifications.gateway import start_gateway

URDU = "حفاظت: آپ کی ورکشاپ کل صبح دس بجے ہے۔"


@pytest.fixture
def gateway():
    gateway, server = start_gateway()
    yield gateway
    server.shutdown()
    server.server_close()


def test_http_gateway_posts_json_with_the_text_escaped(gateway, settings):
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = gateway.url
    settings.SMS_GATEWAY_HEADERS = '{"Authorization": "Bearer test-token"}'
    settings.SMS_GATEWAY_PAYLOAD = (
        '{"to": "{to}", "message": "{body}", "ref": "{reference}", "unicode": {unicode}}'
    )
    body = URDU + ' "quoted"\nsecond line'
    channels.send(channel="sms", to="+923001234567", subject="", body=body, language="ur", reference="hz-7")
    [request] = gateway.requests
    assert request["method"] == "POST"
    assert request["headers"]["Authorization"] == "Bearer test-token"
    assert request["headers"]["Content-Type"].startswith("application/json")
    payload = json.loads(request["body"])
    assert payload == {"to": "+923001234567", "message": body, "ref": "hz-7", "unicode": 1}


def test_http_gateway_by_get_puts_the_payload_in_the_query_string(gateway):
    backend = HttpSmsBackend(
        url=gateway.url + "?api_key=k",
        method="GET",
        payload="to={to_local}&text={body}&mask={sender}",
        headers={},
    )
    backend.send(to="+923001234567", body=URDU, reference="hz-1")
    [request] = gateway.requests
    query = parse_qs(urlsplit(request["path"]).query)
    assert query == {"api_key": ["k"], "to": ["03001234567"], "text": [URDU], "mask": ["Hifazat"]}


def test_http_gateway_form_post(gateway):
    backend = HttpSmsBackend(url=gateway.url, method="POST", payload="msisdn={to}&msg={body}", headers={})
    backend.send(to="+923001234567", body="Hello & welcome", reference="hz-2")
    assert parse_qs(gateway.requests[0]["body"]) == {"msisdn": ["+923001234567"], "msg": ["Hello & welcome"]}


def test_gateway_server_errors_are_retryable_and_refusals_are_not(gateway):
    backend = HttpSmsBackend(url=gateway.url, method="POST", payload='{"to": "{to}"}', headers={})
    gateway.answers = [503, 400]
    with pytest.raises(DeliveryError) as unavailable:
        backend.send(to="+923001234567", body="x", reference="hz-3")
    assert not unavailable.value.permanent
    with pytest.raises(DeliveryError) as refused:
        backend.send(to="+923001234567", body="x", reference="hz-3")
    assert refused.value.permanent


def test_unreachable_gateway_is_retryable():
    backend = HttpSmsBackend(url="http://127.0.0.1:9/none", payload="{}", headers={}, timeout=2)
    with pytest.raises(DeliveryError) as error:
        backend.send(to="+923001234567", body="x", reference="hz-4")
    assert not error.value.permanent


def test_file_backend_appends_one_line_per_sms_and_knows_what_it_sent(tmp_path):
    backend = FileSmsBackend(path=str(tmp_path / "sms.log"))
    backend.send(to="+923001234567", body=URDU, reference="hz-1")
    backend.send(to="+923001234568", body="Hello", reference="hz-2")
    lines = [json.loads(line) for line in (tmp_path / "sms.log").read_text().splitlines()]
    assert [line["reference"] for line in lines] == ["hz-1", "hz-2"]
    assert lines[0]["body"] == URDU
    assert (lines[0]["encoding"], lines[1]["encoding"]) == ("UCS-2", "GSM-7")
    assert backend.sent_references(["hz-1", "hz-3"]) == {"hz-1"}


def test_console_backend_prints_the_sms_with_its_segments():
    stream = io.StringIO()
    ConsoleSmsBackend(stream=stream).send(to="+923001234567", body="ب" * 71, reference="hz-9")
    assert "2 segment(s), UCS-2" in stream.getvalue()
    assert "+923001234567" in stream.getvalue()


def test_email_goes_through_djangos_backend_in_the_given_language(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    channels.send(
        channel="email", to="a@hifazat.test", subject="موضوع", body=URDU, language="ur", reference="hz-5"
    )
    [message] = mail.outbox
    assert message.to == ["a@hifazat.test"]
    assert message.extra_headers["Content-Language"] == "ur"
    assert message.extra_headers["X-Hifazat-Delivery"] == "hz-5"
