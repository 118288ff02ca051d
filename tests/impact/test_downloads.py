"""Curriculum downloads by language, counted by the library when a material is downloaded."""

import pytest

from curriculum.services import material_download_record
from tests import factories
from tests.curriculum.factories import material

pytestmark = pytest.mark.django_db


def test_downloads_by_language_of_the_material(client):
    urdu, sindhi = material(language="ur"), material(language="sd")
    for _n in range(7):
        material_download_record(material=urdu, language="ur")
    for _n in range(2):
        material_download_record(material=sindhi, language="sd")
    client.force_login(factories.coordinator("SD"))
    page = client.get("/en/impact/dashboard/")
    assert "Curriculum downloads by language" in page.content.decode()
    text = client.get("/en/impact/dashboard/export/downloads-by-language.csv").content.decode("utf-8-sig")
    assert text.splitlines() == ["Language,Downloads", "Urdu,7", "Sindhi,2"]


def test_a_real_download_is_counted(client):
    handout = material(language="ps")
    response = client.get(f"/ps/library/materials/{handout.pk}/download/")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    client.force_login(factories.admin_user())
    text = client.get("/en/impact/dashboard/export/downloads-by-language.csv").content.decode("utf-8-sig")
    assert "Pashto,1" in text
