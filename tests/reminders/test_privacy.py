"""What messages keep about people: shredded with the registrations; reporters never contacted."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from incidents.models import Case
from incidents.reminders import HANDLER_ALERT
from incidents.services import cases_unacknowledged_alert
from notifications.models import Delivery
from notifications.quiet_hours import KARACHI
from notifications.rules import MergedRule, RelativeRule, registry
from notifications.services import reminders_scan
from tests.incidents import factories as incident_factories
from tests.reminders.helpers import facilitator_deliveries, registrant_deliveries, workshop_with
from workshops.services import workshops_shred_personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _backends(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)


def test_shredding_a_past_workshop_also_empties_its_messages_addresses_names_and_texts():
    old_start = timezone.now() - timedelta(days=100)
    old = workshop_with(starts_at=old_start, registrants=2, email=True)
    reminders_scan(now=old_start - timedelta(hours=2) + timedelta(minutes=1))
    recent = workshop_with(starts_at=timezone.now() + timedelta(hours=1, minutes=55), registrants=1)
    reminders_scan()
    old_messages = registrant_deliveries().filter(subject_id=old.pk)
    assert old_messages.count() == 4
    assert all(delivery.to and delivery.recipient_name for delivery in old_messages)
    # Their texts carry the registration's own link: gone from the log since they will never go.
    assert all(delivery.body == "" and delivery.body_removed_at for delivery in old_messages)

    assert workshops_shred_personal_data(older_than_days=90) == 2
    for delivery in old_messages.all():
        assert (delivery.to, delivery.recipient_name, delivery.title, delivery.body) == ("", "", "", "")
        assert delivery.personal_data_removed_at is not None
        assert delivery.status not in Delivery.PENDING_STATUSES  # nothing left waiting to go to nobody
    # The recent workshop's messages and the facilitators' (people with accounts) are untouched.
    assert registrant_deliveries().filter(subject_id=recent.pk).get().to
    assert all(delivery.to for delivery in facilitator_deliveries())
    assert workshops_shred_personal_data(older_than_days=90) == 0  # idempotent


def test_a_shredded_registration_is_never_reminded_again():
    start = datetime(2026, 3, 10, 12, tzinfo=KARACHI)
    workshop_with(starts_at=start, registrants=2)
    workshops_shred_personal_data(older_than_days=-30)  # "ended more than -30 days ago": everything
    reminders_scan(now=start - timedelta(hours=2) + timedelta(minutes=1))
    assert not registrant_deliveries().exists()


def _models_of(rule):
    if isinstance(rule, MergedRule):
        for source in rule.sources:
            yield from _models_of(source)
    elif isinstance(rule, RelativeRule):
        yield from rule._models(rule.recipients())


def test_no_rule_targets_incidents_so_reporters_are_never_contacted_automatically():
    for rule in registry:
        for model in _models_of(rule):
            assert model._meta.app_label != "incidents", rule.kind
        assert not rule.kind.startswith("incidents."), rule.kind
    # The incidents app's one notice alerts case handlers (staff accounts), never a reporter.
    incident_notices = [notice.kind for notice in registry.notices() if notice.kind.startswith("incidents.")]
    assert incident_notices == [HANDLER_ALERT]


def test_the_handler_alert_reaches_handlers_only_never_the_reporter(settings):
    settings.INCIDENT_UNACKNOWLEDGED_ALERT_HOURS = 1
    handler = incident_factories.handler("SD")
    case = incident_factories.case(contact="+923001231235 reporter2@example.pk", contact_consent=True)
    Case.objects.filter(pk=case.pk).update(created_at=timezone.now() - timedelta(hours=2))
    cases_unacknowledged_alert()
    alerts = Delivery.objects.filter(kind=HANDLER_ALERT)
    assert [(alert.recipient, alert.to) for alert in alerts] == [(handler, handler.email)]
    assert not Delivery.objects.filter(recipient_type__app_label="incidents").exists()
    assert not Delivery.objects.filter(to__in=["+923001231235", "reporter2@example.pk"]).exists()


def test_a_reporter_who_left_contact_details_gets_nothing_from_any_scan():
    incident_factories.case(contact="+923001231234 reporter@example.pk", contact_consent=True)
    incident_factories.case(contact="", contact_consent=False)
    for days in (0, 1, 3, 30):
        reminders_scan(now=timezone.now() + timedelta(days=days))
    assert not Delivery.objects.filter(recipient_type__app_label="incidents").exists()
    assert not Delivery.objects.filter(subject_type__app_label="incidents").exists()
    assert not Delivery.objects.filter(to__in=["+923001231234", "reporter@example.pk"]).exists()


def test_the_log_shows_a_shredded_message_without_its_address(client):
    from tests import factories as shared

    old_start = timezone.now() - timedelta(days=100)
    workshop_with(starts_at=old_start, registrants=1)
    reminders_scan(now=old_start - timedelta(hours=2) + timedelta(minutes=1))
    delivery = registrant_deliveries().get()
    phone = delivery.to
    workshops_shred_personal_data(older_than_days=90)
    client.force_login(shared.coordinator("SD"))
    page = client.get(f"/en/notifications/{delivery.pk}/").content.decode()
    assert "Personal data removed" in page
    assert phone not in page
    assert phone not in client.get("/en/notifications/").content.decode()
