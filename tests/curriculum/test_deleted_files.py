"""A material or module deleted in the admin takes its files with it, on this node's disk or in the bucket:
a file no row points to is never served again, but it would stay there for good."""

import pytest
from django.db import transaction

from accounts.models import User
from curriculum import services
from curriculum.models import Material, Module, OfflinePack
from tests.curriculum.factories import ModuleFactory, material
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role=User.Role.ADMIN, is_staff=True, is_superuser=True, with_mfa=True))
    return client


def test_deleting_a_material_in_the_admin_removes_its_file(admin_client, django_capture_on_commit_callbacks):
    handout = material()
    name, storage = handout.file.name, handout.file.storage
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/curriculum/material/{handout.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Material.objects.filter(pk=handout.pk).exists()
    assert not storage.exists(name)


def test_deleting_a_module_removes_its_materials_and_offline_packs(
    admin_client, django_capture_on_commit_callbacks, eager_celery
):
    module = ModuleFactory()
    kept = material(ModuleFactory(), language="ur")  # another module's handout stays
    urdu, sindhi = material(module, language="ur"), material(module, language="sd")
    pack = services.pack_request(module=module, language="ur")
    pack = services.pack_build(pack_id=pack.pk)
    files = [(row.file.name, row.file.storage) for row in (urdu, sindhi, pack)]
    assert all(storage.exists(name) for name, storage in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/curriculum/module/{module.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Module.objects.filter(pk=module.pk).exists()
    assert not OfflinePack.objects.filter(pk=pack.pk).exists()
    assert not any(storage.exists(name) for name, storage in files)
    assert kept.file.storage.exists(kept.file.name)


def test_a_rolled_back_deletion_keeps_the_file(django_capture_on_commit_callbacks):
    handout = material()
    pk, name, storage = handout.pk, handout.file.name, handout.file.storage
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                handout.delete()
                raise RuntimeError("the deletion is undone")
        except RuntimeError:
            pass
    assert callbacks == []
    assert Material.objects.filter(pk=pk).exists() and storage.exists(name)
