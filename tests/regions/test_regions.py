import pytest
from django import forms
from django.utils import translation

from regions.forms import DistrictChoiceField
from regions.models import District, Province
from tests import factories

pytestmark = pytest.mark.django_db


def test_all_provinces_and_territories_are_loaded():
    assert list(Province.objects.values_list("code", flat=True)) == ["PB", "SD", "KP", "BA", "IS", "GB", "AJ"]
    for province in Province.objects.all():
        assert province.districts.exists(), province


def test_districts_have_urdu_names_and_a_missing_sindhi_name_falls_back_to_urdu():
    karachi = factories.district("Karachi Central")
    karachi.name_sd = None  # a district added in the admin with no Sindhi name yet
    with translation.override("ur"):
        assert karachi.name == "کراچی وسطی"
    with translation.override("sd"):
        assert karachi.name == "کراچی وسطی"
    with translation.override("en"):
        assert karachi.name == "Karachi Central"


def test_scope_of_a_coordinator_is_their_province_or_chosen_districts():
    coordinator = factories.coordinator("SD")
    in_scope = District.objects.in_scope_of(coordinator)
    assert in_scope.filter(name_en="Karachi Central").exists()
    assert not in_scope.filter(province__code="PB").exists()
    coordinator.districts.set([factories.district("Hyderabad", "SD")])
    assert list(District.objects.in_scope_of(coordinator).values_list("name_en", flat=True)) == ["Hyderabad"]


class DistrictForm(forms.Form):
    district = DistrictChoiceField()


def test_district_field_offers_other_and_hides_retired_districts():
    retired = factories.district("Karachi Central")
    retired.active = False
    retired.save()
    form = DistrictForm()
    html = str(form["district"])
    assert 'value="other"' in html
    assert f'value="{retired.pk}"' not in html
    valid = DistrictForm({"district": "other"})
    assert valid.is_valid() and valid.cleaned_data["district"] is None
    assert not DistrictForm({"district": ""}).is_valid()
    assert not DistrictForm({"district": str(retired.pk)}).is_valid()
