"""Media storage: S3_BUCKET switches media to an S3-compatible bucket; a storage that fails after a
deletion was committed never undoes it or shows an error, and the orphan sweep removes what was left.
The two-node test (tests/test_two_nodes.py) runs the bucket for real."""

import datetime
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from common.storage import stored_file_delete
from incidents import services
from incidents.models import Case, Evidence
from incidents.uploads import CleanFile
from tests import factories
from tests.incidents import factories as incident_factories

ROOT = Path(__file__).resolve().parent.parent.parent


def closed_port() -> int:
    """A local port nothing listens on: an object store that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unreachable_bucket() -> dict:
    from botocore.config import Config

    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "hifazat-media",
                "endpoint_url": f"http://127.0.0.1:{closed_port()}",
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "client_config": Config(connect_timeout=1, retries={"max_attempts": 1}),
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def test_s3_bucket_setting_puts_media_in_the_bucket_and_nothing_on_local_disk():
    script = (
        'from django.core.files.storage import storages; s = storages["default"]; '
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.file_overwrite, s.default_acl)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "S3_BUCKET": "hifazat-media",
        "S3_ENDPOINT_URL": "http://minio:9000",
    }
    shown = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split()[-5:] == ["S3Storage", "hifazat-media", "http://minio:9000", "False", "None"]
    without = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            'from django.core.files.storage import storages; s = storages["default"]; print(type(s).__name__)',
        ],
        cwd=ROOT,
        env={key: value for key, value in env.items() if key != "S3_BUCKET"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert without.stdout.split()[-1] == "FileSystemStorage"


def test_a_deletion_the_storage_refuses_is_logged_without_the_name(settings, caplog):
    settings.STORAGES = unreachable_bucket()
    with caplog.at_level(logging.WARNING, logger="common.storage"):
        assert stored_file_delete(name="incidents/0123456789abcdef") is False
    assert "could not be deleted now" in caplog.text
    assert "0123456789abcdef" not in caplog.text


@pytest.mark.django_db
def test_a_case_deleted_while_the_bucket_is_down_is_gone_and_its_file_is_swept_later(
    settings, django_capture_on_commit_callbacks
):
    receipt = incident_factories.submit()
    services.reporter_message_add(
        case=receipt.case, files=[CleanFile(name="a.pdf", content_type="application/pdf", data=b"%PDF-1 z")]
    )
    name = Evidence.objects.get().file.name
    stored = settings.MEDIA_ROOT / name
    assert stored.exists()
    local_disk = settings.STORAGES

    settings.STORAGES = unreachable_bucket()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_delete(case=receipt.case, actor=factories.admin_user(), reason="Asked by the reporter")
    assert not Case.objects.exists() and not Evidence.objects.exists()

    settings.STORAGES = local_disk  # the store is back; the nightly sweep finds the leftover
    assert stored.exists()
    assert services.evidence_orphans_remove(now=timezone.now() + datetime.timedelta(hours=2)) == 1
    assert not stored.exists()


def test_docker_compose_runs_two_web_replicas_on_one_port_with_media_in_minio():
    compose = (ROOT / "docker-compose.yml").read_text()
    web = compose[compose.index("\n  web:\n") : compose.index("\n  proxy:\n")]
    assert "replicas: 2" in web and "ports:" not in web  # reached only through the proxy
    assert "S3_BUCKET: ${S3_BUCKET:-hifazat-media}" in compose
    assert "S3_ENDPOINT_URL: ${S3_ENDPOINT_URL:-http://minio:9000}" in compose
    assert "MEDIA_ROOT" not in compose  # no media on a replica's own disk
    assert 'mc anonymous set none "hifazat/$$S3_BUCKET"' in compose  # the bucket stays private
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "server web:8000" in nginx
    # Evidence is plaintext until the app encrypts it: the proxy never spools bodies to its disk.
    assert "proxy_request_buffering off;" in nginx and "proxy_max_temp_file_size 0;" in nginx
    # Transparent: TRUSTED_PROXY_HOPS keeps counting only the TLS proxy in front.
    assert "proxy_set_header X-Forwarded-For $http_x_forwarded_for;" in nginx
