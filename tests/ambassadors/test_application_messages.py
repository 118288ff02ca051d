"""Messages to applicants (received, approved, declined) fit one or two SMS segments in every
language, even with the longest name, and are in the applicant's language."""

import pytest

from ambassadors import reminders
from notifications.rules import message_render, registry
from notifications.sms import UCS2, sms_length
from tests.ambassadors.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ur", "sd", "ps", "en"])
@pytest.mark.parametrize("kind", ["received", "approved", "declined"])
def test_every_applicant_sms_fits_two_segments(kind, language):
    application = ApplicationFactory(full_name="محمد عبدالرحمٰن خان یوسفزئی " * 4, language=language)
    notice = registry.notice(reminders.APPLICATION_KINDS[kind])
    context = {"application": application, "name": application.full_name, "link": "https://x/" + "a" * 90}
    message = message_render(template=notice.template, channel="sms", language=language, context=context)
    length = sms_length(message.body)
    assert length.segments <= 2, f"{len(message.body)} characters: {message.body}"
    assert "https://x/" not in message.body  # a sign-in link never travels by SMS
    if language != "en":
        assert length.encoding == UCS2 and "Hifazat" not in message.body
    if kind != "approved":
        assert application.display_reference in message.body
