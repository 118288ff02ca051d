"""Two web nodes, each with its own disk (HIFAZAT_VAR_DIR), on the same PostgreSQL, Redis and an
S3-compatible bucket (moto's server mode, started here): what one node makes, the other serves.

Node A and node B are real gunicorn processes; the offline pack is built by a real Celery worker on
node A's configuration. One browser-like client talks to both, as a load balancer would send it."""

import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from curriculum.models import Material, OfflinePack
from incidents.crypto import decrypt_bytes
from incidents.models import Case, Evidence
from tests import factories
from tests.curriculum.factories import PDF_BYTES, ActivityFactory, ModuleFactory
from tests.incidents import factories as incident_factories

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "hifazat-media"
# Only the fake S3 endpoint started below accepts these.
S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
PASSWORD = "a long admin passphrase"
EVIDENCE_PDF = b"%PDF-1.4\n% a screenshot of the scam, saved as PDF\n%%EOF\n"

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, what: str, logs: list[Path] = ()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    tails = "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in logs)
    raise AssertionError(f"timed out waiting for {what}\n{tails}")


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Processes:
    """Subprocesses of this test, each in its own process group, all stopped at the end."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path, self.running, self.logs = tmp_path, [], []

    def start(self, name: str, command: list[str], env: dict) -> Path:
        log = self.tmp_path / f"{name}.log"
        self.logs.append(log)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=open(log, "wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running.append(process)
        return log

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture
def processes(tmp_path):
    running = Processes(tmp_path)
    yield running
    running.stop_all()


@pytest.fixture
def s3(processes):
    """moto's S3 server on a free port, with an empty private bucket."""
    import boto3

    port = free_port()
    log = processes.start(
        "moto", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], dict(os.environ)
    )
    wait_until(lambda: port_open(port), timeout=60, what="the S3 endpoint", logs=[log])
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    client.endpoint = endpoint
    return client


def object_keys(s3_client) -> set[str]:
    listing = s3_client.list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


def node_env(tmp_path: Path, name: str, endpoint: str) -> dict:
    database = urlsplit(os.environ["DATABASE_URL"])
    var_dir = tmp_path / f"var-{name}"
    var_dir.mkdir()
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"MEDIA_ROOT", "DJANGO_DEBUG"}},
        **S3_CREDENTIALS,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # pytest-django's test database (committed data), the tests' Redis database, one bucket.
        "DATABASE_URL": urlunsplit(database._replace(path="/" + connection.settings_dict["NAME"])),
        "DATABASE_CONN_MAX_AGE": "0",
        "REDIS_URL": settings.REDIS_URL,
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        # Each node's own disk: nothing a request needs may be only here.
        "HIFAZAT_VAR_DIR": str(var_dir),
        "EMAIL_URL": f"file://{var_dir / 'mail'}",
        "CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES": "2",
    }
    return env


def start_node(processes: Processes, tmp_path: Path, name: str, endpoint: str) -> str:
    port = free_port()
    log = processes.start(
        f"node-{name}",
        [
            sys.executable, "-m", "gunicorn", "config.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "120",
        ],
        node_env(tmp_path, name, endpoint),
    )  # fmt: skip
    wait_until(lambda: port_open(port), timeout=60, what=f"node {name}", logs=[log])
    return f"http://127.0.0.1:{port}"


def start_worker(processes: Processes, tmp_path: Path, endpoint: str) -> None:
    env = node_env(tmp_path, "worker", endpoint)
    log = processes.start(
        "worker",
        [
            sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"two-nodes-{uuid.uuid4().hex[:8]}@%h",
        ],
        env,
    )  # fmt: skip
    wait_until(lambda: b" ready." in log.read_bytes(), timeout=60, what="the worker", logs=[log])


def form_fields(html: str) -> dict[str, str]:
    """Hidden inputs of a page (CSRF token, admin management forms)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="hidden"' in tag:
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name:
                fields[name.group(1)] = value.group(1) if value else ""
    return fields


def sign_in(browser, node: str, *, email: str, password: str, totp_secret: str) -> None:
    page = browser.get(f"{node}/en/accounts/login/")
    answer = browser.post(
        f"{node}/en/accounts/login/",
        data={**form_fields(page.text), "login": email, "password": password},
    )
    assert "/2fa/authenticate/" in answer.url, answer.text[:2000]
    code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
    answer = browser.post(answer.url, data={**form_fields(answer.text), "code": code})
    assert answer.status_code == 200 and "/2fa/" not in answer.url, answer.text[:2000]


@pytest.fixture
def two_nodes(processes, s3, tmp_path):
    if not settings.REDIS_URL:
        pytest.skip("two web nodes share Redis: set REDIS_URL")
    import redis

    redis.Redis.from_url(settings.REDIS_URL).flushdb()  # this Redis database is the tests' own
    node_a = start_node(processes, tmp_path, "a", s3.endpoint)
    node_b = start_node(processes, tmp_path, "b", s3.endpoint)
    return node_a, node_b


def test_what_one_node_makes_the_other_serves(two_nodes, s3, processes, tmp_path):
    import requests

    node_a, node_b = two_nodes
    totp_secret = generate_totp_secret()
    admin = factories.UserFactory(role="admin", is_staff=True, is_superuser=True, password=PASSWORD)
    # The nodes are not under pytest: they verify with the production hashers, not the tests' MD5.
    admin.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    admin.save(update_fields=["password"])
    TOTP.activate(admin, totp_secret)
    module = ModuleFactory()
    ActivityFactory(module=module)
    browser = requests.Session()  # one person; the balancer sends each request to either node

    # A session: signed in (password and code) on node A, recognised on node B.
    sign_in(browser, node_a, email=admin.email, password=PASSWORD, totp_secret=totp_secret)
    dashboard = browser.get(f"{node_b}/en/dashboard/", allow_redirects=False)
    assert dashboard.status_code == 200 and admin.full_name in dashboard.text

    # A rate limit: two unknown certificate codes on node A; node B refuses the third lookup.
    for guess in ("AAAAA-AAAAA", "BBBBB-BBBBB"):
        page = requests.get(f"{node_a}/en/certificates/verify/", params={"code": guess})
        assert page.status_code == 200 and "result--unknown" in page.text
    limited = requests.get(f"{node_b}/en/certificates/verify/", params={"code": "CCCCC-CCCCC"})
    assert limited.status_code == 429 and "result--limited" in limited.text

    # An evidence file: reported with a file on node A, opened by the handler on node B.
    reporter = requests.Session()
    form = reporter.get(f"{node_a}/en/report/")
    data = {
        **form_fields(form.text),
        "step": "report",
        "immediate_danger": "False",
        "category": incident_factories.category("wallet-otp").pk,
        "channel": "whatsapp",
        "when": "week",
        "district": factories.district("Karachi Central", "SD").pk,
        "narrative": "A caller said he was from my bank and asked for the code in my SMS.",
        "website": "",
    }
    receipt = reporter.post(
        f"{node_a}/en/report/", data=data, files={"evidence": ("scam.pdf", EVIDENCE_PDF, "application/pdf")}
    )
    assert receipt.status_code == 200 and 'data-testid="case-code"' in receipt.text, receipt.text[:2000]
    evidence = Evidence.objects.get()
    # In the bucket, and only as ciphertext.
    stored = s3.get_object(Bucket=BUCKET, Key=evidence.file.name)["Body"].read()
    assert b"%PDF" not in stored and decrypt_bytes(stored) == EVIDENCE_PDF
    assert not any((tmp_path / "var-a").rglob(evidence.file.name.rsplit("/", 1)[-1]))
    case_page = browser.get(f"{node_b}/en/cases/{evidence.case_id}/")
    assert case_page.status_code == 200 and evidence.case.code in case_page.text.replace(" ", "")
    download = browser.get(f"{node_b}/en/cases/{evidence.case_id}/files/{evidence.pk}/")
    assert download.status_code == 200 and download.content == EVIDENCE_PDF

    # A material: uploaded in the admin on node A, downloaded from the library on node B.
    add_page = browser.get(f"{node_a}/admin/curriculum/material/add/")
    saved = browser.post(
        f"{node_a}/admin/curriculum/material/add/",
        data={
            **form_fields(add_page.text),
            "module": module.pk,
            "kind": Material.Kind.HANDOUT,
            "language": "en",
            "title": "What a fake bank call sounds like",
            "license": Material.DEFAULT_LICENSE,
            "attribution": "Hifazat contributors",
            "position": "0",
        },
        files={"file": ("bank-call.pdf", PDF_BYTES, "application/pdf")},
    )
    assert saved.status_code == 200 and "/add/" not in saved.url, saved.text[:3000]
    material = Material.objects.get(module=module)
    assert material.file.name in object_keys(s3)
    got = requests.get(f"{node_b}/en/library/materials/{material.pk}/download/")
    assert got.status_code == 200 and got.content == PDF_BYTES
    resumed = requests.get(
        f"{node_b}/en/library/materials/{material.pk}/download/", headers={"Range": "bytes=100-"}
    )
    assert resumed.status_code == 206 and resumed.content == PDF_BYTES[100:]

    # An offline pack: asked for on node A, built by a worker, downloaded from node B.
    start_worker(processes, tmp_path, s3.endpoint)
    assert requests.get(f"{node_a}/en/library/{module.slug}/offline/").status_code == 200
    wait_until(
        lambda: OfflinePack.objects.filter(
            module=module, language="en", status=OfflinePack.Status.READY
        ).exists(),
        timeout=120,
        what="the offline pack",
        logs=processes.logs,
    )
    pack = OfflinePack.objects.get(module=module, language="en")
    assert pack.file.name in object_keys(s3)
    zipped = requests.get(f"{node_b}/en/library/{module.slug}/offline/download/")
    assert zipped.status_code == 200 and zipped.headers["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(zipped.content))
    assert archive.read(f"materials/en/{material.download_name}") == PDF_BYTES
    assert module.title_en in archive.read("index.html").decode()

    # Deleting the case on node B removes its evidence object from the bucket.
    delete_page = browser.get(f"{node_b}/en/cases/{evidence.case_id}/delete/")
    deleted = browser.post(
        f"{node_b}/en/cases/{evidence.case_id}/delete/",
        data={**form_fields(delete_page.text), "reason": "Duplicate of another report", "confirm": "on"},
    )
    assert deleted.status_code == 200 and "done=deleted" in deleted.url
    assert not Case.objects.exists()
    assert evidence.file.name not in object_keys(s3)
    assert material.file.name in object_keys(s3)  # only the case's objects went
