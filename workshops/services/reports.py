"""After the session: participants' feedback, the facilitator's report, and the registrations a
coordinator downloads."""

from django.db import IntegrityError, transaction

from workshops.audit import Action, workshop_audit_record
from workshops.models import FacilitatorReport, Feedback, Registration, Workshop


@transaction.atomic
def workshop_registrations_export(*, workshop: Workshop, actor) -> list[Registration]:
    """The registrations (names, phone numbers, emails) a coordinator downloads: personal data leaving
    the system, so it is written in the workshop's history."""
    from workshops.selectors import registrations_for

    workshop_audit_record(workshop=workshop, actor=actor, action=Action.EXPORTED)
    return list(registrations_for(workshop=workshop))


class FeedbackAlreadySent(Exception):
    """This device already answered this workshop's feedback."""


@transaction.atomic
def feedback_submit(
    *, workshop: Workshop, useful: int, confidence: str, would_recommend: bool, device: str = ""
) -> Feedback:
    """Record one answer; with a `device` (an HMAC of the page's token), at most one per workshop.

    The unique constraint decides, so two simultaneous sends from one phone still make one answer."""
    feedback = Feedback(
        workshop=workshop,
        useful=useful,
        confidence=confidence,
        would_recommend=would_recommend,
        device=device,
    )
    feedback.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:
        raise FeedbackAlreadySent from error
    return feedback


@transaction.atomic
def facilitator_report_save(
    *, workshop: Workshop, actor, notes: str, issues_raised: str, follow_ups: str
) -> FacilitatorReport:
    report, _created = FacilitatorReport.objects.update_or_create(
        workshop=workshop,
        defaults={
            "notes": notes,
            "issues_raised": issues_raised,
            "follow_ups": follow_ups,
            "written_by": actor,
        },
    )
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.REPORT)
    return report
