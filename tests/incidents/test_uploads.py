"""Evidence files: checked by content, images re-encoded without EXIF/GPS, caps, never on disk."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from incidents.crypto import decrypt_bytes
from incidents.models import Case, Evidence
from tests.incidents import factories as incident_factories
from tests.incidents.test_report import receipt_from, report_data

pytestmark = pytest.mark.django_db


def stored_plaintext(evidence: Evidence, settings) -> bytes:
    return decrypt_bytes((settings.MEDIA_ROOT / evidence.file.name).read_bytes())


def test_jpeg_gps_and_camera_metadata_are_removed(client, settings):
    original = incident_factories.jpeg_with_gps(marker=b"MARKER-IN-COMMENT")
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test file has GPS
    photo = SimpleUploadedFile("photo.jpg", original, content_type="image/jpeg")
    response = client.post("/en/report/", report_data(evidence=[photo]))
    assert response.status_code == 200
    evidence = Evidence.objects.get()
    clean = stored_plaintext(evidence, settings)
    image = Image.open(io.BytesIO(clean))
    assert image.format == "JPEG"
    assert image.size == (64, 48)
    assert not image.getexif()
    assert "exif" not in image.info and "comment" not in image.info
    assert b"SecretPhoneMaker" not in clean and b"MARKER-IN-COMMENT" not in clean and b"GPS" not in clean


@pytest.mark.parametrize(
    ("name", "content", "claimed"),
    [
        ("holiday.jpg", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200, "image/jpeg"),
        ("page.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "application/pdf"),
        ("notes.png", b"just some text pretending", "image/png"),
    ],
)
def test_files_that_are_not_pictures_or_pdf_are_refused_and_the_form_is_kept(client, name, content, claimed):
    upload = SimpleUploadedFile(name, content, content_type=claimed)
    response = client.post("/en/report/", report_data(evidence=[upload], narrative="Keep this text please"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "This type of file cannot be accepted" in html
    assert name in html
    assert "Keep this text please" in html
    assert 'value="whatsapp" selected' in html
    assert Case.objects.count() == 0


def test_a_decompression_bomb_is_refused(client, settings):
    settings.INCIDENT_UPLOAD_MAX_PIXELS = 1_000_000
    output = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(output, format="PNG")  # 400 MP, a few KB compressed
    assert len(output.getvalue()) < 200_000
    upload = SimpleUploadedFile("bomb.png", output.getvalue(), content_type="image/png")
    response = client.post("/en/report/", report_data(evidence=[upload]))
    assert response.status_code == 400
    assert "This picture is too large to accept" in response.content.decode()


def test_a_pdf_is_kept_as_it_is(client, settings):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = client.post("/en/report/", report_data(evidence=[SimpleUploadedFile("bill.pdf", pdf)]))
    assert response.status_code == 200
    evidence = Evidence.objects.get()
    assert evidence.content_type == "application/pdf"
    assert stored_plaintext(evidence, settings) == pdf


def test_too_many_files_are_refused(client, settings):
    settings.INCIDENT_UPLOAD_MAX_FILES = 2
    files = [SimpleUploadedFile(f"{n}.png", incident_factories.png()) for n in range(3)]
    response = client.post("/en/report/", report_data(evidence=files))
    assert response.status_code == 400
    assert "at most 2 files" in response.content.decode()


def test_a_file_over_the_cap_is_refused_without_touching_the_temp_directory(settings, tmp_path, monkeypatch):
    """13 MB is above FILE_UPLOAD_MAX_MEMORY_SIZE: Django would write it to a temporary file."""
    from django.core.files import uploadedfile

    temp_files = []
    original_init = uploadedfile.TemporaryUploadedFile.__init__

    def spy(self, *args, **kwargs):
        temp_files.append(args)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", spy)
    temp_dir = tmp_path / "upload-tmp"
    temp_dir.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(temp_dir)
    marker = b"PLAINTEXT-UPLOAD-MARKER-7731"
    big = incident_factories.png() + marker * (13 * 1024 * 1024 // len(marker))
    assert len(big) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    upload = SimpleUploadedFile("big.png", big, content_type="image/png")
    response = Client().post("/en/report/", report_data(evidence=[upload], narrative="Still here"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "This file is too large" in html and "big.png" in html
    assert "Still here" in html
    assert os.listdir(temp_dir) == []
    assert temp_files == []  # no temporary file was ever opened
    assert Case.objects.count() == 0


def test_without_our_handler_django_would_have_used_a_temporary_file(settings, monkeypatch):
    """The control for the test above: the spy does catch Django's default behaviour."""
    from django.core.files import uploadedfile
    from django.test import RequestFactory

    temp_files = []
    original_init = uploadedfile.TemporaryUploadedFile.__init__

    def spy(self, *args, **kwargs):
        temp_files.append(args)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", spy)
    big = SimpleUploadedFile("big.png", b"x" * (13 * 1024 * 1024))
    request = RequestFactory().post("/en/somewhere/", {"file": big})
    request.FILES  # noqa: B018 - parse with Django's default handlers
    assert len(temp_files) == 1


def test_a_request_over_the_total_cap_is_refused_before_it_is_read(client, settings):
    settings.INCIDENT_UPLOAD_MAX_REQUEST_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"x" * (2 * 1024 * 1024))
    response = client.post("/en/report/", report_data(evidence=[big]))
    assert response.status_code == 413
    assert "too large to send" in response.content.decode()
    assert Case.objects.count() == 0


def test_follow_up_evidence_is_checked_the_same_way(client):
    receipt = incident_factories.submit()
    upload = SimpleUploadedFile("x.jpg", b"MZ\x90\x00" + b"\x00" * 100)
    response = client.post(
        "/en/report/follow-up/",
        {
            "code": receipt.code,
            "secret": receipt.secret,
            "action": "message",
            "body": "see file",
            "evidence": [upload],
        },
    )
    assert response.status_code == 400
    assert "This type of file cannot be accepted" in response.content.decode()
    assert "see file" in response.content.decode()
    assert not Evidence.objects.exists()


def test_receipt_survives_a_rejected_then_fixed_submission(client):
    bad = SimpleUploadedFile("x.jpg", b"MZ\x90\x00" + b"\x00" * 100)
    assert client.post("/en/report/", report_data(evidence=[bad])).status_code == 400
    good = SimpleUploadedFile("x.png", incident_factories.png())
    code, _secret = receipt_from(client.post("/en/report/", report_data(evidence=[good])).content.decode())
    assert Case.objects.get(code=code).evidence.count() == 1


def test_a_follow_up_over_the_total_cap_is_refused_and_leads_back_to_follow_up(client, settings):
    settings.INCIDENT_UPLOAD_MAX_REQUEST_BYTES = 1024
    receipt = incident_factories.submit()
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"x" * 4096)
    response = client.post(
        "/en/report/follow-up/",
        {"code": receipt.code, "secret": receipt.secret, "action": "message", "evidence": [big]},
    )
    assert response.status_code == 413
    assert 'href="/en/report/follow-up/"' in response.content.decode()
    assert not Evidence.objects.exists()
