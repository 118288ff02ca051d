import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from facilitators.models import AmbassadorProfile
from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory
from workshops.services import facilitator_problems, workshop_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Services speak the active language; these assertions read the English source."""
    with translation.override("en"):
        yield


def problems(lead=None, co=(), language="ur", women_only=False, starts_at=None, hours=2):
    starts_at = starts_at or WorkshopFactory.starts_at.function()
    return facilitator_problems(
        lead=lead,
        co_facilitators=list(co),
        language=language,
        women_only=women_only,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
    )


def test_a_certified_ambassador_who_speaks_the_language_may_lead():
    assert problems(lead=AmbassadorProfileFactory()) == []


def test_a_trainee_may_co_facilitate_but_not_lead():
    trainee = AmbassadorProfileFactory(level=AmbassadorProfile.Level.TRAINEE, user__full_name="Bilal")
    assert problems(lead=AmbassadorProfileFactory(), co=[trainee]) == []
    (message,) = problems(lead=trainee)
    assert "Bilal cannot lead a workshop yet" in message


def test_the_language_of_delivery_must_be_spoken():
    pashto_speaker = AmbassadorProfileFactory(languages=["ps"], user__full_name="Gul")
    (message,) = problems(lead=pashto_speaker, language="sd")
    assert message == "Gul does not run sessions in Sindhi."


def test_women_only_workshops_are_led_by_a_woman():
    man = AmbassadorProfileFactory(gender=AmbassadorProfile.Gender.MAN, user__full_name="Asad")
    unknown = AmbassadorProfileFactory(gender="", user__full_name="Noor")
    assert "must be led by a woman" in problems(lead=man, women_only=True)[0]
    assert "must be led by a woman" in problems(lead=unknown, women_only=True)[0]
    assert problems(lead=AmbassadorProfileFactory(), women_only=True) == []


def test_double_booking_is_refused_but_back_to_back_is_fine():
    person = AmbassadorProfileFactory(user__full_name="Ayesha")
    existing = WorkshopFactory(lead_facilitator=person, title="Morning session")
    overlapping = problems(lead=person, starts_at=existing.starts_at + datetime.timedelta(hours=1))
    assert overlapping == ["Ayesha is already facilitating “Morning session” at that time."]
    assert problems(lead=person, starts_at=existing.ends_at) == []
    existing.status = "cancelled"
    existing.save()
    assert problems(lead=person, starts_at=existing.starts_at) == []


def test_messages_are_translated():
    pashto_speaker = AmbassadorProfileFactory(languages=["ps"], user__full_name="Gul")
    with translation.override("ur"):
        (message,) = problems(lead=pashto_speaker, language="sd")
    assert "Gul" in message and "does not run" not in message


def test_the_service_refuses_what_the_form_would_refuse():
    trainee = AmbassadorProfileFactory(level=AmbassadorProfile.Level.TRAINEE)
    starts = WorkshopFactory.starts_at.function()
    with pytest.raises(ValidationError):
        workshop_create(
            actor=factories.coordinator(),
            topics=["scams-fraud"],
            title="x",
            language="ur",
            format="in_person",
            district=factories.district("Karachi Central"),
            town="Nazimabad",
            venue_kind="school",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=1),
            capacity=10,
            lead_facilitator=trainee,
        )
