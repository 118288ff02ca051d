import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from curriculum import services
from curriculum.models import Material, OfflinePack
from tests.curriculum.factories import PDF_BYTES, ModuleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_client(client):
    from accounts.models import User

    translator = UserFactory(role=User.Role.TRANSLATOR, is_staff=True, is_superuser=True, with_mfa=True)
    client.force_login(translator)
    return client


def test_module_admin_has_language_tabs_served_from_this_site(translator_client):
    module = ModuleFactory()
    page = translator_client.get(f"/admin/curriculum/module/{module.pk}/change/").content.decode()
    assert "curriculum/vendor/jquery-ui-tabs.min.js" in page
    assert "tabbed_translation_fields.js" in page
    assert "googleapis" not in page
    for code in ("en", "ur", "sd", "ps"):
        assert f'name="title_{code}"' in page and f'name="status_{code}"' in page


def test_uploading_a_material_in_the_admin_queues_a_rebuild_of_existing_packs(
    translator_client, django_capture_on_commit_callbacks
):
    module = ModuleFactory()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        response = translator_client.post(
            "/admin/curriculum/material/add/",
            {"module": module.pk, "kind": "handout", "language": "sd", "title": "سنڌي هينڊ آئوٽ",
             "license": "CC BY-SA 4.0", "attribution": "Hifazat", "position": 0,
             "download_counts-TOTAL_FORMS": 0, "download_counts-INITIAL_FORMS": 0,
             "file": SimpleUploadedFile("x.pdf", PDF_BYTES)},
        )  # fmt: skip
    assert response.status_code == 302
    material = Material.objects.get(module=module, language="sd")
    assert (material.content_type, material.size, material.extension) == (
        "application/pdf",
        len(PDF_BYTES),
        "pdf",
    )
    assert OfflinePack.objects.get(pk=pack.pk).status == OfflinePack.Status.QUEUED
    assert len(callbacks) == 1
