"""Attendance: who came, and the walk-in head counts."""

from collections.abc import Iterable

from django.db import transaction

from workshops.audit import Action, workshop_audit_record
from workshops.models import Registration, WalkInCount, Workshop


@transaction.atomic
def attendance_record(
    *, workshop: Workshop, actor, present_ids: Iterable[int], walk_ins: dict[tuple[str, str], int]
) -> Workshop:
    """Tick who came (confirmed or waitlisted people may turn up) and store the walk-in head counts."""
    before = _attendance_counts(workshop)
    attendance_save(workshop=workshop, present_ids=present_ids, walk_ins=walk_ins)
    after = _attendance_counts(workshop)
    workshop_audit_record(
        workshop=workshop,
        actor=actor,
        action=Action.ATTENDANCE,
        changes={name: [before[name], after[name]] for name in before if before[name] != after[name]},
    )
    return workshop


def _attendance_counts(workshop: Workshop) -> dict[str, int]:
    return {
        "attended": workshop.registrations.filter(attended=True).count(),
        "walk_ins": sum(WalkInCount.objects.filter(workshop=workshop).values_list("count", flat=True)),
    }


def attendance_save(
    *, workshop: Workshop, present_ids: Iterable[int], walk_ins: dict[tuple[str, str], int]
) -> None:
    present_ids = set(present_ids)
    registrations = workshop.registrations.exclude(status=Registration.Status.CANCELLED)
    registrations.filter(pk__in=present_ids).update(attended=True)
    registrations.exclude(pk__in=present_ids).update(attended=False)
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    for (gender, age_band), count in walk_ins.items():
        WalkInCount.objects.update_or_create(
            workshop=workshop, gender=gender, age_band=age_band, defaults={"count": count or 0}
        )
