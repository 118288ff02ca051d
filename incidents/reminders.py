"""The one message the incidents app sends: an alert to the case handlers in scope when a new case
has waited too long (`services.cases_unacknowledged_alert`, beat entry `incidents-unacknowledged-alert`).

It goes through the delivery log like every other message, written in the same transaction that marks
the case alerted and sent by a worker after commit: one email per handler, exactly once, so an SMTP
error for one handler is retried for that handler alone and never re-alerts the others.

The text says only that a case waits and links to it: no category, district, narrative or anything
else from the case (DESIGN.md, confidential reporting rules). The rows carry no district, so only
admins see them in the log, never coordinators. Reporters are never contacted: the only recipients
are the case handlers.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.models import Channel
from notifications.rules import DueItem, Notice, registry

HANDLER_ALERT = "incidents.handler_alert"


def handler_alert_items(case_id: int) -> list[DueItem]:
    from incidents.models import Case
    from incidents.services import handlers_for_case

    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return []
    return [
        DueItem(
            recipient=handler,
            subject=case,
            occurrence=case.created_at,
            due_at=timezone.now(),
            to=None,
            addresses={Channel.EMAIL: handler.email},
            language=handler.language,
            name=handler.full_name,
            district_id=None,
            context={"case_id": case.pk, "hours": settings.INCIDENT_UNACKNOWLEDGED_ALERT_HOURS},
        )
        for handler in handlers_for_case(case)
    ]


registry.register_notice(
    Notice(
        kind=HANDLER_ALERT,
        label=_("Case waiting for a handler (alert to handlers)"),
        channels=(Channel.EMAIL,),
        template="incidents/messages/handler_alert",
        items=handler_alert_items,
    )
)
