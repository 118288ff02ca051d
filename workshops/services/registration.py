"""Registration: a seat or a place on the waiting list, its link, its cancellation, and filling freed
seats from the waiting list."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workshops.models import Registration, Workshop


class DuplicateRegistration(Exception):
    """The phone number already has a live registration for this workshop."""

    def __init__(self, registration: Registration):
        super().__init__("duplicate registration")
        self.registration = registration


def _on_commit_registration(registration_id: int, change: str) -> None:
    """Once this commits: the new registrant's link, a promotion notice, or withdrawing what was
    waiting for a cancelled registration (workshops/reminders.py)."""
    from workshops.reminders import registration_changed

    transaction.on_commit(lambda: registration_changed(registration_id=registration_id, change=change))


@transaction.atomic
def registration_create(
    *, workshop: Workshop, name: str, phone: str, language: str, email: str = "", consent: bool
) -> Registration:
    """Confirm a seat, or put the person on the waiting list once the workshop is full.

    The workshop row is locked, so simultaneous registrations are counted one after the other
    and never overbook. The same phone number twice raises DuplicateRegistration.
    """
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if not workshop.is_open_for_registration:
        raise ValidationError(_("This workshop is not open for registration."))
    if not consent:
        raise ValidationError(_("Please agree to how we use your details."))
    existing = (
        workshop.registrations.exclude(status=Registration.Status.CANCELLED).filter(phone=phone).first()
    )
    if existing is not None:
        raise DuplicateRegistration(existing)
    status = Registration.Status.CONFIRMED if workshop.has_free_seat() else Registration.Status.WAITLISTED
    registration = Registration(
        workshop=workshop, name=name, phone=phone, email=email, language=language, consent=True, status=status
    )
    registration.full_clean()
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # only reachable without the row lock (it is the backstop)
        raise DuplicateRegistration(
            workshop.registrations.get(phone=phone, status__in=["confirmed", "waitlisted"])
        ) from error
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    _on_commit_registration(registration.pk, status)
    return registration


@transaction.atomic
def registration_link_resend(*, registration: Registration) -> bool:
    """Someone registered this registration's number again: its link goes to its own number and
    email, never to whoever asked (who sees the same page as a new registrant), at most
    PERSONAL_LINK_RESENDS_PER_DAY times a day. Returns whether it was sent."""
    from workshops import reminders

    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    return reminders.registration_link_resend(registration=registration, now=timezone.now())


def waitlist_promote(*, workshop: Workshop) -> list[Registration]:
    """Fill free seats from the front of the waiting list. The caller holds the workshop row lock."""
    free = workshop.capacity - workshop.confirmed_registrations().count()
    if free <= 0 or workshop.status != Workshop.Status.PUBLISHED:
        return []
    promoted = list(
        workshop.registrations.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")[
            :free
        ]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _on_commit_registration(registration.pk, "promoted")
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel a seat or waiting-list place; a freed seat goes to the first person waiting, once."""
    workshop = Workshop.objects.select_for_update().get(pk=registration.workshop_id)
    registration = Registration.objects.get(pk=registration.pk)  # fresh, under the workshop lock
    if registration.status == Registration.Status.CANCELLED:
        return registration
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _on_commit_registration(registration.pk, "cancelled")
    waitlist_promote(workshop=workshop)
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    return registration
