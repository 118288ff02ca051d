import datetime

import pytest
from django.utils import timezone, translation

from tests import factories
from tests.curriculum.factories import ModuleFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration
from workshops.tokens import registration_token

pytestmark = pytest.mark.django_db


def test_list_shows_upcoming_published_workshops_only(client):
    WorkshopFactory(title="Upcoming one")
    WorkshopFactory(title="A draft", status="draft")
    WorkshopFactory(title="A cancelled one", status="cancelled")
    past = timezone.now() - datetime.timedelta(days=3)
    WorkshopFactory(title="Long over", starts_at=past, ends_at=past + datetime.timedelta(hours=1))
    html = client.get("/ur/workshops/").content.decode()
    assert "Upcoming one" in html
    assert "A draft" not in html and "A cancelled one" not in html and "Long over" not in html


def test_list_filters_by_district_language_topic_audience_and_date(client):
    lahore = factories.district("Lahore")
    soon = timezone.now() + datetime.timedelta(days=2)
    later = timezone.now() + datetime.timedelta(days=20)
    WorkshopFactory(title="Karachi Urdu scams", starts_at=soon, ends_at=soon + datetime.timedelta(hours=1))
    WorkshopFactory(
        title="Lahore Sindhi news",
        district=lahore,
        language="sd",
        topics=["misinformation"],
        audience="youth",
        starts_at=later,
        ends_at=later + datetime.timedelta(hours=1),
    )

    def titles(query):
        html = client.get("/en/workshops/", query).content.decode()
        return {title for title in ("Karachi Urdu scams", "Lahore Sindhi news") if title in html}

    assert titles({}) == {"Karachi Urdu scams", "Lahore Sindhi news"}
    assert titles({"district": lahore.pk}) == {"Lahore Sindhi news"}
    assert titles({"language": "ur"}) == {"Karachi Urdu scams"}
    assert titles({"topic": "misinformation"}) == {"Lahore Sindhi news"}
    assert titles({"audience": "youth"}) == {"Lahore Sindhi news"}
    assert titles({"date_to": (soon + datetime.timedelta(days=1)).date().isoformat()}) == {
        "Karachi Urdu scams"
    }
    assert titles({"date_from": (later - datetime.timedelta(days=1)).date().isoformat()}) == {
        "Lahore Sindhi news"
    }


def test_bad_filter_values_never_break_the_list(client):
    response = client.get("/ur/workshops/", {"district": "x", "date_from": "۲۰۲۶-۹۹-۹۹", "page": "abc"})
    assert response.status_code == 200


def test_detail_has_share_text_for_whatsapp_and_calendar_link(client):
    workshop = WorkshopFactory(title="Scams on WhatsApp")
    workshop.modules.set([ModuleFactory(slug="fake-sms", title_en="Spotting fake SMS")])
    html = client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    assert '<a href="/en/library/fake-sms/">Spotting fake SMS</a>' in html
    assert "https://wa.me/?text=" in html
    assert "Free digital safety workshop: “Scams on WhatsApp”" in html
    assert f"/en/workshops/{workshop.pk}/calendar.ics" in html


def test_registering_with_urdu_name_and_eastern_arabic_digits(client):
    workshop = WorkshopFactory()
    response = client.post(
        f"/ur/workshops/{workshop.pk}/register/",
        {"name": " عائشہ\u200b خان ", "phone": "۰۳۰۰۱۲۳۴۵۶۷", "language": "sd", "consent": "on"},
    )
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ur/workshops/{workshop.pk}/registered/"
    assert (registration.name, registration.phone, registration.language) == (
        "عائشہ خان",
        "+923001234567",
        "sd",
    )
    assert registration.status == "confirmed"
    page = client.get(f"/ur/workshops/registration/{registration_token(registration.pk)}/")
    assert "no-store" in page["Cache-Control"]
    assert "0300 1234567" in page.content.decode()


def test_invalid_registration_keeps_what_was_typed_and_explains(client):
    workshop = WorkshopFactory()
    response = client.post(
        f"/en/workshops/{workshop.pk}/register/", {"name": "عائشہ خان", "phone": "12345", "language": "ur"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a Pakistani phone number" in html
    assert "Please agree so that we can keep your seat." in html
    assert 'value="عائشہ خان"' in html and 'value="12345"' in html
    assert not Registration.objects.exists()


def test_a_full_workshop_offers_the_waiting_list(client):
    workshop = WorkshopFactory(capacity=1)
    RegistrationFactory(workshop=workshop)
    assert "Join the waiting list" in client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    client.post(
        f"/en/workshops/{workshop.pk}/register/",
        {"name": "Sana", "phone": "03001234567", "language": "ur", "consent": "on"},
    )
    registration = workshop.registrations.get(phone="+923001234567")
    html = client.get(f"/en/workshops/registration/{registration_token(registration.pk)}/").content.decode()
    assert "you are on the waiting list" in html


def test_the_signed_link_cancels_and_a_forged_one_is_404(client):
    registration = RegistrationFactory()
    url = f"/en/workshops/registration/{registration_token(registration.pk)}/"
    assert client.post(url).status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"
    assert "This registration is cancelled." in client.get(url).content.decode()
    assert client.get(f"/en/workshops/registration/{registration.pk}:forged/").status_code == 404


def test_feedback_link_records_three_anonymous_answers(client):
    from workshops.tokens import feedback_token

    started = timezone.now() - datetime.timedelta(hours=1)
    workshop = WorkshopFactory(starts_at=started, ends_at=started + datetime.timedelta(hours=2))
    url = f"/ur/workshops/feedback/{feedback_token(workshop.pk)}/"
    client.get(url)  # the page leaves its device token
    assert (
        client.post(url, {"useful": "4", "confidence": "more", "would_recommend": "yes"}).status_code == 200
    )
    feedback = workshop.feedback.get()
    assert (feedback.useful, feedback.confidence, feedback.would_recommend) == (4, "more", True)
    another_phone = client.__class__()
    another_phone.get(url)
    bad = another_phone.post(url, {"useful": "9"})
    assert bad.status_code == 200 and workshop.feedback.count() == 1
    assert client.get(f"/ur/workshops/feedback/{workshop.pk}/").status_code == 404


def test_a_flood_of_registrations_from_one_connection_is_stopped_per_workshop(client, settings):
    settings.WORKSHOP_REGISTRATIONS_PER_HOUR = 2
    workshop, other = WorkshopFactory(), WorkshopFactory()

    def register(target, number: int):
        return client.post(
            f"/ur/workshops/{target.pk}/register/",
            {"name": "عائشہ خان", "phone": f"0300123456{number}", "language": "ur", "consent": "on"},
        )

    assert register(workshop, 1).status_code == 302
    assert register(workshop, 1).status_code == 302  # the same number again counts too
    refused = register(workshop, 3)
    html = refused.content.decode()
    assert refused.status_code == 429
    with translation.override("ur"):
        assert (
            translation.gettext(
                "Too many registrations came from this connection. Please try again in an hour."
            )
            in html
        )
    assert 'value="عائشہ خان"' in html and 'value="03001234563"' in html  # nothing typed is lost
    assert workshop.registrations.count() == 1
    assert register(other, 3).status_code == 302  # another workshop: its own limit


def test_an_english_title_and_description_keep_their_direction_on_a_pashto_page(client):
    """Coordinators type titles and descriptions in any script: the text sets its own direction, so an
    English sentence's full stop does not jump to the start of the line on a right-to-left page."""
    workshop = WorkshopFactory(title="Spotting scams", description="Bring your phone.")
    detail = client.get(f"/ps/workshops/{workshop.pk}/").content.decode()
    assert '<h1 dir="auto">Spotting scams</h1>' in detail
    assert '<p dir="auto">Bring your phone.</p>' in detail
    listing = client.get("/ps/workshops/").content.decode()
    assert '<h2 dir="auto"><a href="/ps/workshops/' in listing
