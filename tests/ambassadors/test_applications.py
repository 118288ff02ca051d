"""Applying without an account, duplicates, review in scope, approval into an account with a
set-your-password link in the applicant's language, declining with a reason."""

import json
import re
from datetime import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from accounts.models import User
from ambassadors import services
from ambassadors.models import Application
from facilitators.models import AmbassadorProfile
from notifications.models import Delivery, UserPhone
from notifications.quiet_hours import KARACHI
from notifications.services import deliveries_send, reminders_scan
from tests import factories
from tests.ambassadors.factories import ApplicationFactory
from tests.notifications import factories as notification_factories

pytestmark = pytest.mark.django_db


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.fixture
def sms_log(settings, tmp_path):
    """The SMS that went out (the file backend), read as a list; quiet hours off (they have a test)."""
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    path = tmp_path / "sms.log"
    return lambda: [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def form_data(**overrides) -> dict:
    data = {
        "full_name": "  عائشہ\u200f   سومرو ",
        "phone": "۰۳۰۰ ۱۲۳۴۵۶۷",
        "email": "",
        "district": str(factories.district("Karachi Central").pk),
        "languages_spoken": ["ur", "sd"],
        "languages_taught": ["ur"],
        "background": "health_worker",
        "organisation": "Lady Health Workers programme",
        "motivation": "میں اپنی کمیونٹی کی خواتین کو فراڈ سے بچانا چاہتی ہوں۔",
        "availability": ["weekday_mornings", "weekends"],
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_apply_in_urdu_with_eastern_digits_sends_the_reference_to_the_number(
    client, eager_celery, django_capture_on_commit_callbacks, sms_log
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ur/ambassadors/apply/", form_data())
    assert response.status_code == 302 and response["Location"] == "/ur/ambassadors/apply/received/"
    application = Application.objects.get()
    assert application.full_name == "عائشہ سومرو"
    assert application.phone == "+923001234567"
    assert application.language == "ur" and application.province.code == "SD"
    page = client.get(response["Location"]).content.decode()
    assert application.display_reference not in page  # the page is the same for every number
    assert "حفاظت" in page
    [sms] = sms_log()
    assert sms["to"] == "+923001234567" and application.display_reference in sms["body"]
    assert "Hifazat" not in sms["body"]  # in Urdu, the language of the page
    delivery = Delivery.objects.get(kind="ambassadors.application_received")
    assert delivery.status == "sent" and delivery.segments <= 2


def test_applying_again_with_a_known_number_shows_nothing_and_sends_its_reference_to_that_number(
    client, eager_celery, django_capture_on_commit_callbacks, sms_log, settings
):
    settings.PERSONAL_LINK_RESENDS_PER_DAY = 2
    with django_capture_on_commit_callbacks(execute=True):
        first_response = client.post("/en/ambassadors/apply/", form_data(email="ayesha@example.pk"))
    first = Application.objects.get()
    first_page = client.get(first_response["Location"]).content.decode()
    other = Client()  # someone else, on another device, who knows the number
    with django_capture_on_commit_callbacks(execute=True):
        response = other.post(
            "/en/ambassadors/apply/",
            form_data(phone="+92 300 1234567", full_name="Someone", email="spy@example.pk"),
        )
    assert Application.objects.count() == 1
    page = other.get(response["Location"]).content.decode()
    # Nothing on it tells whether the number was registered (only the CSRF token differs).
    assert without_csrf(page) == without_csrf(first_page)
    assert first.display_reference not in page and "We already have your application" not in page
    sent = sms_log()
    assert [sms["to"] for sms in sent] == ["+923001234567", "+923001234567"]
    assert all(first.display_reference in sms["body"] for sms in sent)
    assert {message.to[0] for message in mail.outbox} == {"ayesha@example.pk"}  # never the spy
    # Repeats are limited per application, whoever asks and from wherever.
    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            Client().post("/en/ambassadors/apply/", form_data())
    assert len(sms_log()) == 2


def test_after_a_decline_the_same_person_may_apply_again(client, world):
    client.post("/en/ambassadors/apply/", form_data())
    services.application_decline(
        application=Application.objects.get(), actor=world.users["coordinator"], reason="Too few sessions"
    )
    client.post("/en/ambassadors/apply/", form_data())
    assert Application.objects.count() == 2


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client):
    response = client.post(
        "/ur/ambassadors/apply/",
        form_data(phone="12345", consent="", district="other", motivation="x" * 2001),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "عائشہ" in page and "Lady Health Workers programme" in page and 'value="12345"' in page
    assert page.count('class="errorlist') >= 4  # phone, consent, motivation, province/district
    assert not Application.objects.exists()


def test_other_district_needs_province_and_name_then_is_reviewed_by_that_province(client, world):
    response = client.post(
        "/en/ambassadors/apply/",
        form_data(district="other", province=str(factories.province("SD").pk), district_other="Keamari West"),
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.district is None and application.district_other == "Keamari West"
    assert Application.objects.in_scope_of(world.users["coordinator"]).filter(pk=application.pk).exists()
    assert not Application.objects.in_scope_of(world.users["coordinator_elsewhere"]).exists()


def test_applications_from_one_connection_are_rate_limited(client, settings):
    settings.AMBASSADOR_APPLICATIONS_PER_HOUR = 2
    for number in ("03001111111", "03002222222"):
        assert client.post("/en/ambassadors/apply/", form_data(phone=number)).status_code == 302
    response = client.post("/en/ambassadors/apply/", form_data(phone="03003333333"))
    assert response.status_code == 429 and Application.objects.count() == 2
    assert "03003333333" in response.content.decode()


def test_queue_filters_and_scope(client, world):
    ApplicationFactory(full_name="Sindh teacher", background="teacher", languages_taught=["sd"])
    ApplicationFactory(
        full_name="Sindh student", background="student", languages_taught=["ur"], languages_spoken=["ur"]
    )
    ApplicationFactory(full_name="Punjab parent", district=factories.district("Lahore"), background="parent")
    client.force_login(world.users["coordinator"])
    page = client.get("/en/ambassadors/review/").content.decode()
    assert "Sindh teacher" in page and "Sindh student" in page and "Punjab parent" not in page
    page = client.get("/en/ambassadors/review/", {"background": "teacher"}).content.decode()
    assert "Sindh teacher" in page and "Sindh student" not in page
    page = client.get("/en/ambassadors/review/", {"language": "sd"}).content.decode()
    assert "Sindh teacher" in page and "Sindh student" not in page
    hyderabad = factories.district("Hyderabad")
    page = client.get("/en/ambassadors/review/", {"district": hyderabad.pk}).content.decode()
    assert "Sindh teacher" not in page
    punjab = Application.objects.get(full_name="Punjab parent")
    assert client.get(f"/en/ambassadors/review/{punjab.pk}/").status_code == 404


def test_queue_runs_a_constant_number_of_queries(client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.users["coordinator"])
    counts = []
    for size in (2, 12):
        ApplicationFactory.create_batch(size - Application.objects.count())
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/ambassadors/review/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_approval_creates_the_account_enrols_and_sends_the_link_in_their_language(
    client, world, eager_celery, django_capture_on_commit_callbacks, sms_log
):
    application = ApplicationFactory(language="sd", email="Ayesha@Example.PK", full_name="عائشہ سومرو")
    client.force_login(world.users["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/ambassadors/review/{application.pk}/approve/", {"email": ""})
    assert response.status_code == 302
    application.refresh_from_db()
    user = User.objects.get(email="ayesha@example.pk")
    profile = user.ambassador_profile
    assert application.status == "approved" and application.profile == profile
    assert (user.role, user.language, user.has_usable_password()) == ("ambassador", "sd", False)
    assert profile.level == AmbassadorProfile.Level.TRAINEE and profile.languages == ["ur"]
    assert profile.enrolments.get().track.is_default
    assert UserPhone.objects.get(user=user).phone == application.phone
    assert not EmailAddress.objects.get(user=user).verified

    [email] = mail.outbox
    assert email.to == ["ayesha@example.pk"] and email.extra_headers["Content-Language"] == "sd"
    link = re.search(r"http://testserver(/sd/ambassadors/welcome/\S+/)", email.body).group(1)
    [sms] = sms_log()
    # The SMS says the link is in the email: a sign-in link stays out of SMS and fits two segments.
    assert sms["to"] == application.phone and "welcome" not in sms["body"] and "Hifazat" not in sms["body"]
    # Through the delivery log like every message; the log does not show the link to coordinators.
    deliveries = Delivery.objects.filter(kind="ambassadors.application_approved")
    assert {(d.channel, d.status) for d in deliveries} == {("sms", "sent"), ("email", "sent")}
    assert deliveries.get(channel="sms").segments <= 2
    client.force_login(world.users["coordinator"])
    detail = client.get(f"/en/notifications/{deliveries.get(channel='email').pk}/").content.decode()
    assert link not in detail and "removed from the log" in detail
    assert deliveries.get(channel="email").body == ""  # the link left with the email, not kept

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(
        link, {"new_password1": "a long pass phrase 2026", "new_password2": "a long pass phrase 2026"}
    )
    assert response.status_code == 302 and response["Location"] == "/sd/ambassadors/me/"
    user.refresh_from_db()
    assert user.has_usable_password() and EmailAddress.objects.get(user=user).verified
    assert client.get("/sd/ambassadors/me/").status_code == 200
    client.logout()
    assert client.get(link).status_code == 404  # used once


def test_approval_without_email_asks_for_one_and_decided_applications_stay_decided(client, world, english):
    application = ApplicationFactory(email="")
    with pytest.raises(Exception, match="no email"):
        services.application_approve(
            application=application, actor=world.users["coordinator"], base_url="http://x/"
        )
    services.application_approve(
        application=application,
        actor=world.users["coordinator"],
        email="given@hifazat.test",
        base_url="http://x/",
    )
    with pytest.raises(Exception, match="already been decided"):
        services.application_decline(application=application, actor=world.users["coordinator"], reason="x")


def test_decline_needs_a_reason_and_sends_a_polite_notice(
    client, world, eager_celery, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(language="en")
    client.force_login(world.users["coordinator"])
    client.post(f"/en/ambassadors/review/{application.pk}/decline/", {"reason": ""})
    application.refresh_from_db()
    assert application.status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/ambassadors/review/{application.pk}/decline/", {"reason": "Not enough time for training"}
        )
    application.refresh_from_db()
    assert application.status == "declined" and application.decision_reason == "Not enough time for training"
    [email] = mail.outbox
    assert "Not enough time" not in email.body and application.display_reference in email.body


def test_an_old_link_cannot_be_resent_after_the_password_is_set(world):
    application = services.application_approve(
        application=ApplicationFactory(), actor=world.users["coordinator"], base_url="http://x/"
    )
    user = application.profile.user
    user.set_password("a long pass phrase 2026")
    user.save()
    assert (
        services.application_message_send(
            application_id=application.pk, kind="approved", base_url="http://x/"
        )
        == 0
    )


def test_a_decision_at_night_waits_for_the_morning_like_every_sms(world, settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (21, 8)
    night = datetime(2026, 3, 11, 23, 30, tzinfo=KARACHI)
    application = ApplicationFactory(language="ps", email="")
    services.application_decline(application=application, actor=world.users["coordinator"], reason="Full")
    services.application_message_send(
        application_id=application.pk, kind="declined", base_url="", occurrence=night
    )
    delivery = Delivery.objects.get(kind="ambassadors.application_declined")
    assert delivery.channel == "sms" and delivery.segments <= 2 and delivery.language == "ps"
    assert deliveries_send(delivery_ids=[delivery.pk], now=night)["deferred"] == 1
    delivery.refresh_from_db()
    assert delivery.status == "queued" and delivery.send_after.astimezone(KARACHI).hour == 8
    assert not (tmp_path / "sms.log").exists()  # nothing went out at night
    morning = datetime(2026, 3, 12, 8, 1, tzinfo=KARACHI)
    reminders_scan(now=morning)
    deliveries_send(delivery_ids=[delivery.pk], now=morning)
    delivery.refresh_from_db()
    assert delivery.status == "sent"
    # Sending it again (a redelivered task) writes nothing new.
    services.application_message_send(
        application_id=application.pk, kind="declined", base_url="", occurrence=night
    )
    assert Delivery.objects.filter(kind="ambassadors.application_declined").count() == 1


def test_sending_the_link_again_writes_a_new_message_in_the_log(
    world, eager_celery, django_capture_on_commit_callbacks, sms_log
):
    with django_capture_on_commit_callbacks(execute=True):
        application = services.application_approve(
            application=ApplicationFactory(email="a@example.pk"),
            actor=world.users["coordinator"],
            base_url="http://x/",
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.application_invitation_resend(application=application, base_url="http://x/")
    emails = Delivery.objects.filter(kind="ambassadors.application_approved", channel="email")
    assert emails.count() == 2 and set(emails.values_list("status", flat=True)) == {"sent"}
    assert [message.to for message in mail.outbox] == [["a@example.pk"], ["a@example.pk"]]


def test_the_admin_does_not_show_the_set_password_link_either(
    client, world, eager_celery, django_capture_on_commit_callbacks, sms_log
):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_approve(
            application=ApplicationFactory(email="a@example.pk"),
            actor=world.users["coordinator"],
            base_url="http://x/",
        )
    email = Delivery.objects.get(kind="ambassadors.application_approved", channel="email")
    sms = Delivery.objects.get(kind="ambassadors.application_approved", channel="sms")
    [sent] = mail.outbox
    assert "/ambassadors/welcome/" in sent.body  # the applicant got it
    assert (email.sensitive, email.body) == (True, "") and email.body_removed_at  # the log kept no copy
    client.force_login(factories.admin_user())
    page = client.get(f"/admin/notifications/delivery/{email.pk}/change/").content.decode()
    assert "a@example.pk" in page  # the rest of the row is there
    assert "/ambassadors/welcome/" not in sms.body  # the SMS never had it
    # Before it goes (say an SMS held by quiet hours), the admin does not show a secret text either.
    waiting = notification_factories.delivery(status="queued", sensitive=True, body="http://x/secret-link/")
    page = client.get(f"/admin/notifications/delivery/{waiting.pk}/change/").content.decode()
    assert "secret-link" not in page
    other = notification_factories.delivery()  # any other message: its text is shown
    assert other.body in client.get(f"/admin/notifications/delivery/{other.pk}/change/").content.decode()
