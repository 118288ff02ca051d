"""`manage.py demo_data` tells the story: sessions already held with everything recorded after them,
figures on the public impact page and the coordinator's dashboard, a practicum step to confirm, and a
nationwide case handler. It is idempotent (`make run` runs it at every start)."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.core.cache import cache
from django.test import Client

from accounts.management.commands.demo_data import demo_modules
from accounts.models import User
from incidents.models import Case
from notifications.models import Delivery
from notifications.services import reminders_scan
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

COUNTED_APPS = ("accounts", "ambassadors", "curriculum", "incidents", "notifications", "workshops")


def load_demo() -> None:
    """Every app's demo, as `demo_data` runs them; the starter curriculum without its handout PDFs
    (rendering them takes a minute and is tested in tests/curriculum)."""
    from curriculum.starter import starter_curriculum_load

    for module in demo_modules():
        if module.__name__ == "curriculum.demo":
            starter_curriculum_load(with_handouts=False)
        else:
            module.load()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in COUNTED_APPS
    }


def signed_in(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


@pytest.fixture
def demo():
    cache.clear()  # the public impact figures are cached
    load_demo()
    yield
    cache.clear()


def test_demo_data_tells_the_story_and_running_it_twice_changes_nothing(demo):
    """One load for every check: loading the demo takes several seconds."""
    public_impact_page_shows_every_figure()
    coordinators_dashboard_has_figures_in_every_chart()
    sessions_held_have_their_reports_and_one_is_recorded_afterwards()
    demo_ambassador_has_a_practicum_step_to_confirm()
    reports_without_a_district_reach_the_nationwide_handler()
    before = row_counts()
    load_demo()
    assert row_counts() == before
    assert before["workshops.Workshop"] == 19  # 4 ahead, 15 held
    assert before["incidents.Case"] == 31


def public_impact_page_shows_every_figure():
    html = Client().get("/en/impact/").content.decode()
    headlines = re.findall(r'headline-value">(?:<bdi dir="ltr">)?([^<]+)<', html)
    assert headlines[:5] == [
        "15",
        "292",
        "112",
        "15",
        "8",
    ]  # workshops, people, women, districts, ambassadors
    # No figure hidden: neither a small count nor one withheld to protect another.
    assert not re.findall(r">\s*(fewer than 5|not shown)\s*<", html)
    for province in ("Sindh", "Punjab", "Khyber Pakhtunkhwa"):
        assert re.search(rf"<t[hd][^>]*>{province}</t[hd]>\s*<td[^>]*>(<bdi[^>]*>)?5<", html), province


def coordinators_dashboard_has_figures_in_every_chart():
    html = signed_in("coordinator@hifazat.example").get("/en/impact/dashboard/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    # Sindh: five sessions held, in five districts.
    assert "5 Workshops held" in text and "5 Districts reached" in text
    for district in ("Karachi Central", "Hyderabad", "Sukkur", "Larkana", "Thatta"):
        assert f"{district} 1 " in text, district  # a row with its one workshop held
    gain = re.search(r"([\d.]+) Average knowledge gain", text)
    assert gain and float(gain.group(1)) > 20
    assert re.search(r"([\d.]+) Average usefulness", text)
    assert html.count("<svg") >= 8


def sessions_held_have_their_reports_and_one_is_recorded_afterwards():
    held = Workshop.objects.filter(status=Workshop.Status.COMPLETED)
    assert held.count() == 15
    assert set(held.values_list("district__province__code", flat=True)) == {"SD", "PB", "KP"}
    assert held.filter(recorded_afterwards=True).count() == 2
    for workshop in held:
        assert workshop.walk_ins.exists() and workshop.feedback.exists() and workshop.quiz_tallies.exists()
        assert hasattr(workshop, "facilitator_report")
        assert workshop.recorded_afterwards or (
            workshop.registrations.filter(attended=True).exists()
            and workshop.quiz_responses.filter(stage="pre").exists()
            and workshop.quiz_responses.filter(stage="post").exists()
        )
    coordinator = signed_in("coordinator@hifazat.example")
    recorded = held.filter(recorded_afterwards=True, district__province__code="SD").get()
    assert "Recorded afterwards" in coordinator.get(f"/en/workshops/manage/{recorded.pk}/").content.decode()
    # Nothing about the sessions held is due to anyone (feedback requests expire two days after).
    reminders_scan()
    for workshop in held:
        assert not Delivery.objects.for_subject(workshop).exists(), workshop.title


def demo_ambassador_has_a_practicum_step_to_confirm():
    html = signed_in("ambassador@hifazat.example").get("/en/ambassadors/me/confirmations/").content.decode()
    assert "Sara Memon" in html and "Fake BISP messages: how to tell" in html


def reports_without_a_district_reach_the_nationwide_handler():
    nationwide = User.objects.get(email="nationwide@hifazat.example")
    assert nationwide.province is None and not nationwide.districts.exists()
    TOTP.activate(nationwide, generate_totp_secret())
    without_district = Case.objects.filter(district__isnull=True)
    assert without_district.count() >= 5
    html = signed_in(nationwide.email).get("/en/cases/").content.decode()
    for case in without_district:
        assert case.code in html
    sindh = User.objects.get(email="handler@hifazat.example")
    assert not Case.objects.visible_to(sindh).filter(district__isnull=True).exists()
