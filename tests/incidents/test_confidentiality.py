"""DESIGN.md, Confidential reporting rules: nothing about the reporter's connection anywhere; content
encrypted at rest (absent from pg_dump and MEDIA_ROOT); wrong keys raise; keys rotate; argon2."""

import logging
import os
import subprocess

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client

from incidents import receipts
from incidents.crypto import DecryptionError
from incidents.models import Case, Evidence, Message
from tests.incidents import factories as incident_factories
from tests.incidents.test_report import receipt_from, report_data

CLIENT_ADDRESS = "203.0.113.77"
USER_AGENT = "Mozilla/5.0 (Linux; Android 9) UniqueAgent-4471"
REFERRER = "https://referrer.example/unique-ref-9931"
MARKERS = {
    "narrative": "NARRATIVE-MARKER-5f3a91",
    "contact": "CONTACT-MARKER-0300-99",
    "message": "MESSAGE-MARKER-c0ffee",
    "file": "FILE-MARKER-b16b00b5",
}


def reporter_client() -> Client:
    return Client(REMOTE_ADDR=CLIENT_ADDRESS, HTTP_USER_AGENT=USER_AGENT, HTTP_REFERER=REFERRER)


def pg_dump() -> str:
    params = connection.settings_dict
    command = ["pg_dump", "--no-owner", "--data-only", "-d", params["NAME"]]
    env = dict(os.environ)
    if params.get("HOST"):
        command += ["-h", params["HOST"]]
    if params.get("PORT"):
        command += ["-p", str(params["PORT"])]
    if params.get("USER"):
        command += ["-U", params["USER"]]
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    return subprocess.run(command, capture_output=True, check=True, env=env, text=True).stdout


def traces_of_the_client(text: str) -> list[str]:
    found = [
        value
        for value in (CLIENT_ADDRESS, "203.0.113.", USER_AGENT, "UniqueAgent", REFERRER, "unique-ref")
        if value in text
    ]
    return found


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_after_a_report_and_a_follow_up_nothing_holds_the_client_or_the_plaintext(caplog, settings):
    caplog.set_level(logging.DEBUG)
    client = reporter_client()
    pdf = f"%PDF-1.4\n% {MARKERS['file']}\n%%EOF\n".encode()
    response = client.post(
        "/ur/report/",
        report_data(
            narrative=f"My story {MARKERS['narrative']}",
            contact=MARKERS["contact"],
            contact_consent="on",
            evidence=[SimpleUploadedFile("proof.pdf", pdf)],
        ),
    )
    assert response.status_code == 200
    code, secret = receipt_from(response.content.decode())
    client.post("/ur/report/follow-up/", {"code": code, "secret": "000000000000"})  # a failed attempt
    response = client.post(
        "/ur/report/follow-up/",
        {"code": code, "secret": secret, "action": "message", "body": MARKERS["message"]},
    )
    assert response.status_code == 200
    case = Case.objects.get(code=code)
    assert case.narrative.endswith(MARKERS["narrative"])  # the app reads it back
    assert Message.objects.get(case=case).body == MARKERS["message"]

    # The database dump: the case is there, its content and the client are not.
    dump = pg_dump()
    assert code in dump
    for name, marker in MARKERS.items():
        assert marker not in dump, f"{name} in plaintext in pg_dump"
    assert secret not in dump
    assert not traces_of_the_client(dump)

    # Files on disk: ciphertext only.
    for root, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            data = open(os.path.join(root, name), "rb").read()
            assert MARKERS["file"].encode() not in data and b"%PDF" not in data

    # Logs: nothing about the client (and no content).
    logged = "\n".join(f"{record.name} {record.getMessage()} {record.__dict__}" for record in caplog.records)
    assert not traces_of_the_client(logged)
    for marker in MARKERS.values():
        assert marker not in logged

    # Cache: only rate-limit keys made of an HMAC, no address in keys or values.
    if django_settings.REDIS_URL:
        redis = cache._cache.get_client()
        keys = [key.decode() for key in redis.keys("*")]
        assert any(":rl:" in key for key in keys)
        for key in keys:
            assert not traces_of_the_client(key)
            assert not traces_of_the_client(str(redis.get(key)))
        assert all(redis.ttl(key) > 0 for key in keys if ":rl:" in key)


@pytest.mark.django_db
def test_error_emails_are_not_sent_with_request_details(rf, settings):
    """ADMINS is empty, so Django's mail_admins handler never mails a request's META."""
    assert settings.ADMINS == []
    request = rf.post("/ur/report/", REMOTE_ADDR=CLIENT_ADDRESS, HTTP_USER_AGENT=USER_AGENT)
    logging.getLogger("django.request").error("boom", extra={"request": request, "status_code": 500})
    assert mail.outbox == []


@pytest.mark.django_db
def test_request_lines_are_not_logged_by_the_development_server(caplog):
    from django.core.servers.basehttp import WSGIRequestHandler

    caplog.set_level(logging.DEBUG)
    handler = WSGIRequestHandler.__new__(WSGIRequestHandler)
    handler.client_address = (CLIENT_ADDRESS, 5555)
    handler.request = None
    handler.requestline = "POST /ur/report/ HTTP/1.1"
    handler.request_version = "HTTP/1.1"
    handler.command = "POST"
    handler.path = "/ur/report/"
    handler.log_request(200, 1234)
    assert not traces_of_the_client(caplog.text)


def test_masked_addresses_and_their_hmac():
    from common.ratelimit import masked_address

    assert masked_address("203.0.113.77") == "203.0.113.0/24"
    assert masked_address("2001:db8:abcd:12:1:2:3:4") == "2001:db8:abcd::/48"
    assert masked_address("not an address") == "unknown"


@pytest.mark.django_db
def test_rate_limit_key_is_an_hmac_of_the_masked_address_with_its_own_key(rf, settings):
    from common.ratelimit import client_fingerprint

    first = client_fingerprint(rf.get("/", REMOTE_ADDR="203.0.113.77"))
    assert first == client_fingerprint(rf.get("/", REMOTE_ADDR="203.0.113.5"))  # same /24
    assert first != client_fingerprint(rf.get("/", REMOTE_ADDR="203.0.114.5"))
    settings.INCIDENT_RATE_LIMIT_KEY = "another-key"
    assert first != client_fingerprint(rf.get("/", REMOTE_ADDR="203.0.113.77"))


@pytest.mark.django_db
def test_a_wrong_key_raises_instead_of_returning_ciphertext(settings):
    case = incident_factories.case(narrative="secret story")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(DecryptionError):
        Case.objects.get(pk=case.pk).narrative  # noqa: B018


@pytest.mark.django_db
def test_keys_rotate_with_the_management_command(settings, tmp_path):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    receipt = incident_factories.submit(narrative="rotate me", contact="0300", contact_consent=True)
    from incidents import services
    from incidents.uploads import CleanFile

    services.reporter_message_add(
        case=receipt.case,
        body="and me",
        files=[CleanFile(name="a.pdf", content_type="application/pdf", data=b"%PDF-1 z")],
    )
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("incidents_rotate_keys", stdout=open(os.devnull, "w"))
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    case = Case.objects.get(pk=receipt.case.pk)
    assert case.narrative == "rotate me" and case.contact == "0300"
    assert Message.objects.get(case=case).body == "and me"
    evidence = Evidence.objects.get(case=case)
    from incidents.crypto import decrypt_bytes

    assert evidence.name == "a.pdf"
    assert decrypt_bytes((settings.MEDIA_ROOT / evidence.file.name).read_bytes()) == b"%PDF-1 z"
    # Rewritten under a new name, the old ciphertext removed: one file per evidence.
    assert [path.name for path in (settings.MEDIA_ROOT / "incidents").iterdir()] == [
        evidence.file.name.removeprefix("incidents/")
    ]


def test_field_encryption_keys_are_not_the_secret_key():
    assert django_settings.SECRET_KEY not in django_settings.FIELD_ENCRYPTION_KEYS


@pytest.mark.django_db
def test_secret_is_stored_only_as_an_argon2_hash_and_drawn_from_secrets(monkeypatch):
    calls = []
    original = receipts.secrets.choice

    def counting_choice(sequence):
        calls.append(sequence)
        return original(sequence)

    monkeypatch.setattr(receipts.secrets, "choice", counting_choice)
    receipt = incident_factories.submit()
    assert len(calls) == receipts.CODE_DIGITS + receipts.SECRET_DIGITS
    case = Case.objects.get(pk=receipt.case.pk)
    assert case.secret_hash.startswith("$argon2id$")
    assert receipt.secret not in case.secret_hash
    assert receipts.verify_secret(case.secret_hash, receipt.secret)
    assert not receipts.verify_secret(case.secret_hash, "0" * 12)


@pytest.mark.django_db
def test_receipt_is_not_kept_in_the_session_or_cache(client):
    response = client.post("/en/report/", report_data())
    code, secret = receipt_from(response.content.decode())
    from django.contrib.sessions.models import Session

    for session in Session.objects.all():
        assert secret not in str(session.get_decoded())
    assert "sessionid" not in response.cookies


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_referral_recipients_and_audit_details_are_encrypted_like_the_case():
    from incidents import services
    from incidents.models import AuditEntry, Referral

    handler = incident_factories.handler("SD")
    case = incident_factories.submit().case
    services.referral_record(case=case, actor=handler, contact=None, to_whom="RECIPIENT-MARKER-Shazia")
    deleted = incident_factories.submit().case
    services.case_delete(case=deleted, actor=handler, reason="DELETE-REASON-MARKER-duplicate")

    assert Referral.objects.get(case=case).recipient == "RECIPIENT-MARKER-Shazia"  # the app reads it
    details = set(AuditEntry.objects.values_list("detail", flat=True))
    assert {"RECIPIENT-MARKER-Shazia", "DELETE-REASON-MARKER-duplicate"} <= details
    dump = pg_dump()
    assert "RECIPIENT-MARKER" not in dump and "DELETE-REASON-MARKER" not in dump
