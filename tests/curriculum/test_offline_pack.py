import io
import zipfile

import pytest

from curriculum import services
from curriculum.models import OfflinePack
from tests.curriculum.factories import ActivityFactory, ModuleFactory, MythFactCardFactory, material

pytestmark = pytest.mark.django_db


def _module_with_materials():
    module = ModuleFactory()
    ActivityFactory(module=module)
    MythFactCardFactory(module=module)
    materials = [material(module, language="ur"), material(module, language="en", kind="poster")]
    return module, materials


def test_pack_status_queues_a_build_on_commit_and_then_serves_the_zip(
    client, eager_celery, django_capture_on_commit_callbacks
):
    module, materials = _module_with_materials()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/ur/library/{module.slug}/offline/")
    assert response.status_code == 200
    assert 'http-equiv="refresh"' in response.content.decode()  # progress page refreshes without JS
    pack = OfflinePack.objects.get(module=module, language="ur")
    assert pack.status == OfflinePack.Status.READY and pack.size > 0
    page = client.get(f"/ur/library/{module.slug}/offline/").content.decode()
    assert f"/ur/library/{module.slug}/offline/download/" in page
    download = client.get(f"/ur/library/{module.slug}/offline/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert "index.html" in names and "pack.css" in names
    assert "fonts/noto-nastaliq-urdu-arabic-400-normal.woff2" in names
    assert "fonts/noto-naskh-arabic-arabic-400-normal.woff2" in names
    for item in materials:
        assert f"materials/{item.language}/{item.download_name}" in names
    index = archive.read("index.html").decode()
    assert module.title_ur in index and 'dir="rtl"' in index
    assert "http://" not in index and "https://" not in index  # nothing fetched from a network
    assert "CC BY-SA 4.0" in index


def test_build_is_idempotent_and_rebuilt_when_a_material_changes(django_capture_on_commit_callbacks):
    module, _materials = _module_with_materials()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    built = OfflinePack.objects.get(pk=pack.pk)
    services.pack_build(pack_id=pack.pk)  # redelivered task: nothing changes
    assert OfflinePack.objects.get(pk=pack.pk).file.name == built.file.name

    with django_capture_on_commit_callbacks() as callbacks:
        assert services.pack_request(module=module, language="ur").status == OfflinePack.Status.READY
    assert callbacks == []  # current: nothing queued

    material(module, language="sd")
    with django_capture_on_commit_callbacks() as callbacks:
        stale = services.pack_request(module=module, language="ur")
        services.pack_request(module=module, language="ur")  # asked twice: queued once
    assert stale.status == OfflinePack.Status.QUEUED
    assert len(callbacks) == 1
    services.pack_build(pack_id=pack.pk)
    rebuilt = OfflinePack.objects.get(pk=pack.pk)
    assert rebuilt.status == OfflinePack.Status.READY and rebuilt.fingerprint != built.fingerprint
    assert len(zipfile.ZipFile(rebuilt.file.open("rb")).namelist()) > len(
        zipfile.ZipFile(built.file.open("rb")).namelist()
    )


def test_stale_pack_is_not_served(client):
    module, _materials = _module_with_materials()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    module.summary_ur = "نیا خلاصہ"
    module.save()
    response = client.get(f"/ur/library/{module.slug}/offline/download/")
    assert response.status_code == 302 and response["Location"].endswith("/offline/")


def test_pack_download_supports_range(client):
    module, _materials = _module_with_materials()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    response = client.get(f"/ur/library/{module.slug}/offline/download/", HTTP_RANGE="bytes=0-1")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == b"PK"


def _pack_files(module, language: str) -> tuple[str, str]:
    pack = services.pack_request(module=module, language=language)
    services.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    with pack.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        return archive.read("index.html").decode(), archive.read("pack.css").decode()


def test_pack_shows_the_own_language_draft_with_its_notice():
    from curriculum.models import TranslationStatus

    module = ModuleFactory(title_sd="ڪوڙا پيغام سڃاڻو", status_sd=TranslationStatus.NEEDS_REVIEW)
    index, _css = _pack_files(module, "sd")
    assert '<html lang="sd" dir="rtl">' in index
    assert "ڪوڙا پيغام سڃاڻو" in index and module.title_ur not in index.split("<main")[1]
    assert "draft-notice" in index


def test_pack_marks_an_english_block_left_to_right_in_the_latin_font():
    from curriculum.models import TranslationStatus

    module = ModuleFactory(status_ur=TranslationStatus.DRAFT)
    index, css = _pack_files(module, "ur")
    assert '<html lang="ur" dir="rtl">' in index
    assert '<article class="module" lang="en" dir="ltr">' in index
    assert "fallback-notice" in index
    assert '[lang="en"] { font-family: var(--font-latin)' in css
