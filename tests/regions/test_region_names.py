"""Every province and district has a Sindhi and a Pashto name, written in that language's letters."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from regions.models import District, Province
from tests import factories
from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

# Letters Urdu writes that Sindhi and Pashto spell otherwise (Farsi yeh, heh goal, do-chashmi heh).
URDU_ONLY = set("یہھ")
SINDHI_ONLY = set("ڪڳڄٺڏڍڦڻٽڊڙڀٿڌڇڃٻ")
PASHTO_ONLY = set("ټډړښږځڅګڼېۍ")


def test_every_province_and_district_has_sindhi_and_pashto_names():
    places = [*Province.objects.all(), *District.objects.all()]
    assert len(places) == 7 + 172
    for place in places:
        assert place.name_sd and place.name_ps, place.name_en
        assert not set(place.name_sd) & (URDU_ONLY | PASHTO_ONLY), (place.name_en, place.name_sd)
        assert not set(place.name_ps) & ((URDU_ONLY - {"ی"}) | SINDHI_ONLY | {"گ"}), (
            place.name_en,
            place.name_ps,
        )


def test_sindhi_and_pashto_names_are_their_own_spellings():
    sindh = Province.objects.get(code="SD")
    assert (sindh.name_ur, sindh.name_sd, sindh.name_ps) == ("سندھ", "سنڌ", "سند")
    expected = {
        ("SD", "Karachi Central"): ("ڪراچي وچ", "منځنۍ کراچۍ"),
        ("SD", "Larkana"): ("لاڙڪاڻو", "لاړکانه"),
        ("SD", "Sukkur"): ("سکر", "سکهر"),
        ("KP", "Peshawar"): ("پشاور", "پېښور"),
        ("KP", "Upper Dir"): ("مٿيون دير", "بر دیر"),
        ("BA", "Quetta"): ("ڪوئيٽا", "کوټه"),
    }
    for (code, name_en), names in expected.items():
        district = factories.district(name_en, code)
        assert (district.name_sd, district.name_ps) == names
    # Names in the language's own letters, not Urdu copies: most carry a letter only that language has.
    districts = District.objects.all()
    assert sum(bool(set(d.name_sd) & SINDHI_ONLY) for d in districts) > 60
    assert sum(bool(set(d.name_ps) & PASHTO_ONLY) for d in districts) > 60


def test_names_follow_the_page_language():
    karachi = factories.district("Karachi Central")
    expected = {"en": "Karachi Central", "ur": "کراچی وسطی", "sd": "ڪراچي وچ", "ps": "منځنۍ کراچۍ"}
    for language, name in expected.items():
        with translation.override(language):
            assert karachi.name == name
            assert karachi.province.name == {"en": "Sindh", "ur": "سندھ", "sd": "سنڌ", "ps": "سند"}[language]


def test_migration_0003_fills_missing_names_and_keeps_corrections():
    """Databases migrated before the CSV had sd/ps columns get them; an admin's fix is not overwritten."""
    District.objects.update(name_sd=None, name_ps=None)
    Province.objects.update(name_sd=None, name_ps=None)
    larkana = factories.district("Larkana")
    larkana.name_sd = "لاڙڪاڻو (درست ٿيل)"
    larkana.save()

    importlib.import_module("regions.migrations.0003_sindhi_and_pashto_names").fill_names(apps, None)

    assert not District.objects.filter(name_sd__isnull=True).exists()
    assert not District.objects.filter(name_ps__isnull=True).exists()
    assert not Province.objects.filter(name_ps__isnull=True).exists()
    larkana.refresh_from_db()
    assert larkana.name_sd == "لاڙڪاڻو (درست ٿيل)" and larkana.name_ps == "لاړکانه"
    assert factories.district("Swat").name_ps == "سوات"


def test_sindhi_and_pashto_workshop_pages_show_district_names_in_that_language(client):
    workshop = WorkshopFactory(
        title="Scams on the phone", town="Nazimabad", district=factories.district("Sukkur")
    )
    html = client.get("/sd/workshops/").content.decode()
    # The district filter lists every district in Sindhi, grouped under Sindhi province names…
    assert '<optgroup label="سنڌ">' in html
    assert ">ڪراچي وچ</option>" in html and ">لاڙڪاڻو</option>" in html
    # …and the workshop card says where it is in Sindhi.
    assert "<p>Nazimabad, سکر · " in html and "Sukkur" not in html
    html = client.get("/ps/workshops/").content.decode()
    assert '<optgroup label="خیبر پښتونخوا">' in html and ">پېښور</option>" in html
    assert "سکهر" in client.get(f"/ps/workshops/{workshop.pk}/").content.decode()


def test_admins_find_a_district_by_its_sindhi_or_pashto_name(client):
    client.force_login(factories.admin_user())
    other = factories.district("Karachi Central")
    for query, district in (
        ("لاڙڪاڻو", factories.district("Larkana")),
        ("پېښور", factories.district("Peshawar")),
    ):
        page = client.get("/admin/regions/district/", {"q": query}).content.decode()
        assert f"/admin/regions/district/{district.pk}/change/" in page, query
        assert f"/admin/regions/district/{other.pk}/change/" not in page, query
