"""Every workshop SMS fits one or two segments in every language, even with the longest title and
town a coordinator can type, and says its time in Pakistan time in the reader's language."""

from datetime import datetime

import pytest
from django.utils import translation

from notifications.quiet_hours import KARACHI
from notifications.rules import message_render
from notifications.sms import UCS2, sms_length
from tests.reminders.helpers import workshop_with
from workshops import reminders
from workshops.tokens import feedback_token, registration_token

pytestmark = pytest.mark.django_db

SMS_TEMPLATES = [
    "registrant_day_before",
    "registrant_two_hours",
    "facilitator_two_days",
    "facilitator_morning",
    "rescheduled",
    "moved",
    "cancelled",
    "promoted",
    "feedback_request",
    "registration_link",
]
START = datetime(2026, 3, 11, 14, 30, tzinfo=KARACHI)  # a Wednesday


@pytest.fixture
def longest(settings):
    settings.SITE_URL = "https://hifazat.org.pk"  # the kind of address an organisation would use
    workshop = workshop_with(
        starts_at=START,
        registrants=1,
        title="محفوظ آن لائن بینکنگ اور موبائل والٹ کے فراڈ سے بچاؤ: ایک مکمل تربیتی نشست " * 2,
        town="گلشن اقبال بلاک تیرہ ڈی، یونیورسٹی روڈ کے قریب، کراچی " * 2,
        address="گورنمنٹ گرلز ہائی اسکول، مکان نمبر ۱۲۳، گلی نمبر ۴، بلاک سی " * 2,
    )
    registration = workshop.registrations.get()
    # The longest reason a coordinator can type (CancelForm: 255 characters).
    workshop.cancellation_reason = ("سہولت کار بیمار ہیں اور ہال کی بکنگ منسوخ ہو گئی ہے " * 6)[:255]
    workshop.pk = 99999  # ids grow: the signed links get longer
    return reminders.message_context(
        workshop,
        registration=registration,
        name=registration.name,
        registration_token=registration_token(9999999),
        feedback_token=feedback_token(workshop.pk),
        confirmed_count=4999,
    )


@pytest.mark.parametrize("language", ["ur", "sd", "ps", "en"])
@pytest.mark.parametrize("template", SMS_TEMPLATES)
def test_every_sms_fits_two_segments(longest, template, language):
    message = message_render(
        template=f"workshops/messages/{template}", channel="sms", language=language, context=longest
    )
    length = sms_length(message.body)
    assert length.segments <= 2, f"{len(message.body)} characters: {message.body}"
    if language != "en":
        assert length.encoding == UCS2
        assert "Hifazat" not in message.body  # translated, not English
    assert "&#" not in message.body and "&quot;" not in message.body  # plain text, not HTML


@pytest.mark.parametrize(
    ("language", "weekday"), [("ur", "بدھ"), ("sd", "اربع"), ("ps", "چهارشنبه"), ("en", "Wednesday")]
)
def test_the_time_is_pakistan_time_with_the_day_in_the_readers_language(longest, language, weekday):
    message = message_render(
        template="workshops/messages/rescheduled", channel="sms", language=language, context=longest
    )
    assert weekday in message.body
    assert "11/3" in message.body and "14:30" in message.body


@pytest.mark.parametrize("template", SMS_TEMPLATES)
def test_every_email_has_a_subject_and_a_body_in_the_language(longest, template):
    message = message_render(
        template=f"workshops/messages/{template}", channel="email", language="ur", context=longest
    )
    assert message.title and "\n" not in message.title
    assert "حفاظت" in message.body
    assert "\n\n\n" not in message.body
    assert "https://hifazat.org.pk/ur/workshops/" in message.body


@pytest.mark.parametrize("language", ["ur", "sd", "ps", "en"])
def test_the_registration_link_sms_carries_a_working_link(longest, language, client):
    message = message_render(
        template="workshops/messages/registration_link", channel="sms", language=language, context=longest
    )
    link = f"https://hifazat.org.pk/{language}/workshops/registration/{registration_token(9999999)}/"
    assert message.body.endswith(link)
    if language == "en":  # one GSM-7 segment: the cheapest an English SMS can be
        assert sms_length(message.body).segments == 1


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_the_cancellation_notice_carries_the_reason(longest, language):
    sms = message_render(
        template="workshops/messages/cancelled", channel="sms", language=language, context=longest
    )
    email = message_render(
        template="workshops/messages/cancelled", channel="email", language=language, context=longest
    )
    assert "سہولت کار بیمار ہیں" in sms.body  # cut to fit two segments
    assert longest["workshop"].cancellation_reason in email.body  # whole


def test_an_english_sms_stays_in_the_cheaper_gsm_alphabet(settings):
    workshop = workshop_with(starts_at=START, registrants=1)
    with translation.override("en"):
        context = reminders.message_context(workshop, confirmed_count=3)
    message = message_render(
        template="workshops/messages/registrant_two_hours", channel="sms", language="en", context=context
    )
    assert sms_length(message.body).encoding == "GSM-7"
    assert sms_length(message.body).segments == 1
