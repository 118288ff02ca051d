import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from curriculum.forms import MaterialAdminForm
from curriculum.models import MaterialDownloadCount
from tests.curriculum.factories import PDF_BYTES, ModuleFactory, material, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_download_has_type_length_etag_and_safe_name(client):
    item = material(title='"../../etc/passwd" هینڈ آؤٹ')
    response = client.get(f"/ur/library/materials/{item.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF_BYTES))
    assert response["ETag"] and response["Last-Modified"]
    assert response["Accept-Ranges"] == "bytes"
    assert (
        response["Content-Disposition"] == f'attachment; filename="hifazat-{item.module.slug}-handout-ur.pdf"'
    )
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_range_request_returns_206_with_the_right_bytes(client):
    item = material()
    response = client.get(f"/ur/library/materials/{item.pk}/download/", HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(PDF_BYTES)}"
    assert response["Content-Length"] == "100"
    assert b"".join(response.streaming_content) == PDF_BYTES[100:200]
    suffix = client.get(f"/ur/library/materials/{item.pk}/download/", HTTP_RANGE="bytes=-10")
    assert b"".join(suffix.streaming_content) == PDF_BYTES[-10:]
    beyond = client.get(
        f"/ur/library/materials/{item.pk}/download/", HTTP_RANGE=f"bytes={len(PDF_BYTES) + 5}-"
    )
    assert beyond.status_code == 416


def test_repeat_download_is_304_with_etag(client):
    item = material()
    first = client.get(f"/ur/library/materials/{item.pk}/download/")
    again = client.get(f"/ur/library/materials/{item.pk}/download/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_downloads_are_counted_per_material_and_language_without_who(client):
    item = material(language="sd")
    for _ in range(3):
        client.get(f"/ur/library/materials/{item.pk}/download/")
    client.get(f"/ur/library/materials/{item.pk}/download/", HTTP_RANGE="bytes=500-")  # a resumed download
    counter = MaterialDownloadCount.objects.get(material=item)
    assert (counter.language, counter.count) == ("sd", 3)
    assert {field.name for field in MaterialDownloadCount._meta.fields} == {
        "id",
        "material",
        "language",
        "count",
    }


def test_material_of_an_unpublished_module_is_404(client):
    module = ModuleFactory(status_en="draft", status_ur="draft")
    item = material(module)
    assert client.get(f"/ur/library/materials/{item.pk}/download/").status_code == 404


def _form(upload, kind="handout"):
    module = ModuleFactory()
    return MaterialAdminForm(
        data={"module": module.pk, "kind": kind, "language": "ur", "title": "x", "license": "CC BY-SA 4.0",
              "attribution": "Hifazat", "position": 0},
        files={"file": upload},
    )  # fmt: skip


def test_html_renamed_pdf_is_refused_with_a_clear_message():
    form = _form(SimpleUploadedFile("handout.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"))
    assert not form.is_valid()
    assert "web page" in str(form.errors["file"])


def test_svg_with_script_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    form = _form(SimpleUploadedFile("poster.png", svg), kind="poster")
    assert not form.is_valid()
    assert "SVG" in str(form.errors["file"])


def test_oversized_upload_is_refused(settings):
    settings.CURRICULUM_MAX_UPLOAD_MB = 1
    form = _form(SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (1024 * 1024)))
    assert not form.is_valid()
    assert "too large" in str(form.errors["file"])


def test_pdf_upload_through_the_form_is_accepted_and_typed_by_content():
    form = _form(pdf_upload("اردو ہینڈ آؤٹ.bin"))
    assert form.is_valid(), form.errors
    assert form.checked_file.content_type == "application/pdf"


def test_audio_file_cannot_be_a_handout_type_mismatch():
    with pytest.raises(ValidationError):
        material(kind="audio")


def test_admin_upload_refuses_html_with_message(client):
    from tests.factories import admin_user

    client.force_login(admin_user())
    module = ModuleFactory()
    response = client.post(
        "/admin/curriculum/material/add/",
        {"module": module.pk, "kind": "handout", "language": "ur", "title": "x", "license": "CC BY-SA 4.0",
         "attribution": "Hifazat", "position": 0, "download_counts-TOTAL_FORMS": 0,
         "download_counts-INITIAL_FORMS": 0,
         "file": SimpleUploadedFile("evil.pdf", b"<html><body><script>alert(1)</script></body></html>")},
    )  # fmt: skip
    assert response.status_code == 200
    assert "ویب صفحہ" in response.content.decode()  # the admin speaks the browser's default: Urdu
