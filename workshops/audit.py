"""The workshop history: one audit row per staff action, written by the service that does the action,
in its transaction (as incidents does for cases, and Zulip for every action).

`workshop_audit_record` writes the row; `workshop_snapshot` and `snapshot_changes` say what an update
changed (as stored values: codes, labels of related rows, ISO times), and `history_for_page` turns the
rows into what the manage page shows, in the reader's language.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workshops.models import EDITABLE_FIELDS, RELATED_FIELDS, Topic, Workshop, WorkshopAuditEntry

Action = WorkshopAuditEntry.Action

# What an update can change, in the order the page lists it: the workshop's own editable columns.
# Long texts are cut in the history.
AUDITED_FIELDS = tuple(name for name in EDITABLE_FIELDS if name not in RELATED_FIELDS)
# Kept apart from the model's fields: many-to-many and the topic links.
RELATED_LABELS = {
    "co_facilitators": gettext_lazy("co-facilitators"),
    "topics": gettext_lazy("topics"),
    "modules": gettext_lazy("modules"),
    # Attendance: numbers of people, before and after.
    "attended": gettext_lazy("registered people ticked present"),
    "walk_ins": gettext_lazy("walk-ins (head count)"),
}
FACILITATOR_FIELDS = {"lead_facilitator", "co_facilitators"}
TIME_FIELDS = {"starts_at", "ends_at"}
MAX_VALUE = 120


def _stored(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, str):
        return value if len(value) <= MAX_VALUE else value[: MAX_VALUE - 1] + "…"
    return value


def workshop_snapshot(workshop: Workshop) -> dict:
    """The audited values of a saved workshop (a few queries: its related rows)."""
    snapshot = {name: _stored(getattr(workshop, name)) for name in AUDITED_FIELDS}
    snapshot["co_facilitators"] = sorted(str(profile) for profile in workshop.co_facilitators.all())
    snapshot["topics"] = sorted(workshop.topic_links.values_list("topic", flat=True))
    snapshot["modules"] = sorted(str(module) for module in workshop.modules.all())
    return snapshot


def snapshot_changes(before: dict, after: dict) -> dict:
    return {name: [before[name], after[name]] for name in before if before[name] != after.get(name)}


def update_action(changes: dict) -> str:
    """A change of time reads as a reschedule, a change of people only as facilitator assignment."""
    if changes and set(changes) <= FACILITATOR_FIELDS:
        return Action.FACILITATORS
    if set(changes) & TIME_FIELDS:
        return Action.RESCHEDULED
    return Action.UPDATED


def workshop_audit_record(
    *, workshop: Workshop, actor, action: str, changes: dict | None = None, detail: str = ""
) -> WorkshopAuditEntry:
    """Call inside the action's transaction: the row stands or falls with the action."""
    return WorkshopAuditEntry.objects.create(
        workshop=workshop,
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        changes=changes or {},
        detail=(detail or "")[:300],
    )


# --- Reading it back ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeLine:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRow:
    at: datetime.datetime
    actor: str
    action: str
    detail: str
    changes: list[ChangeLine]


def _shown(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if name in TIME_FIELDS:
        moment = parse_datetime(value)
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else str(value)
    if name == "topics":
        labels = dict(Topic.choices)
        return ", ".join(str(labels.get(code, code)) for code in value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    field = Workshop._meta.get_field(name) if name in AUDITED_FIELDS else None
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _label(name: str) -> str:
    if name in RELATED_LABELS:
        return str(RELATED_LABELS[name])
    return str(Workshop._meta.get_field(name).verbose_name)


def history_for_page(entries) -> list[HistoryRow]:
    """Rows for the manage page, newest first, in the active language."""
    rows = []
    for entry in entries:
        changes = [
            ChangeLine(label=_label(name), before=_shown(name, values[0]), after=_shown(name, values[1]))
            for name, values in entry.changes.items()
            if name in AUDITED_FIELDS or name in RELATED_LABELS
        ]
        rows.append(
            HistoryRow(
                at=entry.at,
                actor=str(entry.actor) if entry.actor else _("the system"),
                action=entry.get_action_display(),
                detail=entry.detail,
                changes=changes,
            )
        )
    return rows
