"""Links that expire (registration: until its data is shredded; feedback and quiz: until
WORKSHOP_LINKS_VALID_DAYS after the workshop) with a translated page that says what to do, and a
cancelled workshop's registration page that says so with the coordinator's reason (issue #13)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.curriculum.factories import ModuleFactory, module_quiz
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Workshop
from workshops.services import workshop_cancel, workshops_shred_personal_data
from workshops.tokens import feedback_token, quiz_token, registration_token

pytestmark = pytest.mark.django_db


def past_workshop(*, days_ago: float, **fields) -> Workshop:
    ends = timezone.now() - timedelta(days=days_ago)
    return WorkshopFactory(starts_at=ends - timedelta(hours=2), ends_at=ends, **fields)


def urdu(text: str) -> str:
    with translation.override("ur"):
        return translation.gettext(text)


def test_a_registration_link_works_until_the_data_is_shredded_then_says_what_to_do(client, settings):
    settings.WORKSHOPS_SHRED_AFTER_DAYS = 90
    recent = RegistrationFactory(workshop=past_workshop(days_ago=89), name="ثنا")
    old = RegistrationFactory(workshop=past_workshop(days_ago=91), name="عائشہ")
    assert (
        "ثنا" in client.get(f"/ur/workshops/registration/{registration_token(recent.pk)}/").content.decode()
    )

    response = client.get(f"/ur/workshops/registration/{registration_token(old.pk)}/")
    html = response.content.decode()
    assert response.status_code == 410
    assert urdu("This link has expired") in html and "عائشہ" not in html
    assert (
        urdu("To join another workshop, choose one from the list and register: we will send you a new link.")
        in html
    )
    assert 'href="/ur/workshops/"' in html
    # Posting to an expired link cancels nothing.
    assert client.post(f"/ur/workshops/registration/{registration_token(old.pk)}/").status_code == 410
    old.refresh_from_db()
    assert old.status == "confirmed"


def test_after_shredding_the_link_says_the_data_is_gone(client, settings):
    settings.WORKSHOPS_SHRED_AFTER_DAYS = 90
    registration = RegistrationFactory(workshop=past_workshop(days_ago=40), name="ثنا")
    workshops_shred_personal_data(older_than_days=30)  # an operator shreds earlier than the setting
    response = client.get(f"/sd/workshops/registration/{registration_token(registration.pk)}/")
    assert response.status_code == 410
    with translation.override("sd"):
        assert translation.gettext("This link has expired") in response.content.decode()


def test_feedback_and_quiz_links_expire_days_after_the_workshop(client, settings):
    settings.WORKSHOP_LINKS_VALID_DAYS = 14
    fresh = past_workshop(days_ago=13, status=Workshop.Status.COMPLETED)
    stale = past_workshop(days_ago=15, status=Workshop.Status.COMPLETED)
    assert client.get(f"/ur/workshops/feedback/{feedback_token(fresh.pk)}/").status_code == 200
    response = client.get(f"/ur/workshops/feedback/{feedback_token(stale.pk)}/")
    assert response.status_code == 410
    assert urdu("Feedback on this workshop is closed. Thank you for coming.") in response.content.decode()
    posted = client.post(
        f"/ur/workshops/feedback/{feedback_token(stale.pk)}/",
        {"useful": "5", "confidence": "more", "would_recommend": "on"},
    )
    assert posted.status_code == 410 and not stale.feedback.exists()

    module = ModuleFactory()
    module_quiz(module)
    stale.modules.add(module)
    quiz = client.get(f"/ps/workshops/quiz/{quiz_token(stale.pk, 'post')}/")
    assert quiz.status_code == 410
    with translation.override("ps"):
        assert translation.gettext("This link has expired") in quiz.content.decode()


def test_a_broken_link_is_a_translated_page_not_an_error(client):
    for url in (
        "/ur/workshops/registration/zz.notasignature/",
        "/ur/workshops/feedback/garbage/",
        "/ur/workshops/quiz/garbage/",
        "/ur/workshops/registration/" + "9" * 40 + "/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert urdu("This link does not work") in response.content.decode()


def test_a_cancelled_workshop_says_so_on_the_registration_page_with_the_reason(client):
    registration = RegistrationFactory(name="ثنا")
    workshop_cancel(workshop=registration.workshop, actor=None, reason="ہال کی بکنگ منسوخ ہو گئی")
    html = client.get(f"/ur/workshops/registration/{registration_token(registration.pk)}/").content.decode()
    assert urdu("This workshop is cancelled and will not take place.") in html
    assert "ہال کی بکنگ منسوخ ہو گئی" in html
    assert urdu("%(name)s, your seat is confirmed.") % {"name": "ثنا"} not in html
    assert urdu("Cancel my registration") not in html and urdu("Add to my calendar") not in html
