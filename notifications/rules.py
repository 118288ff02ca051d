"""Reminder rules: apps say what is due, the scan (services.reminders_scan) sends it exactly once.

A rule has a `kind`, the channels it uses, and a `due(now=, channel=, limit=)` method returning at most
`limit` DueItems that have no delivery yet. Most rules are a `RelativeRule`: "these recipient rows,
`offset` from the event time found at `event_field`"; its `due()` is one query (plus the rule's
select_related), whatever the number of rows. Register with `registry.register(rule)` from your app's
`reminders.py` (found automatically). docs/notifications.md shows the workshop rules.

Due times are computed from the event time at scan time: when an event moves, its reminders move
with it; `occurrence` (the event time a message is about) is part of the delivery's unique key, so a
moved event is reminded of again for its new time, exactly once.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import translation

from notifications.models import Channel, Delivery
from notifications.quiet_hours import KARACHI


@dataclass
class DueItem:
    recipient: models.Model
    subject: models.Model
    occurrence: datetime
    due_at: datetime
    to: str | None  # the address on this channel; None or "" when the recipient has none
    language: str
    name: str = ""
    district_id: int | None = None
    expires_at: datetime | None = None
    context: dict = field(default_factory=dict)
    # For one-off notices on several channels: {"sms": phone, "email": email}; overrides `to`.
    addresses: dict[str, str | None] | None = None

    def address(self, channel: str) -> str | None:
        return self.addresses.get(channel) if self.addresses is not None else self.to


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def message_render(*, template: str, channel: str, language: str, context: dict) -> Message:
    """Render `<template>.sms.txt`, or `<template>.email_subject.txt` + `<template>.email.txt`, in `language`.

    SMS text is joined into one line (templates may wrap for readability).
    """
    with translation.override(language):
        if channel == Channel.SMS:
            body = " ".join(render_to_string(f"{template}.sms.txt", context).split())
            return Message(title="", body=body)
        title = " ".join(render_to_string(f"{template}.email_subject.txt", context).split())
        body = render_to_string(f"{template}.email.txt", context).strip() + "\n"
        return Message(title=title[:200], body=body)


class ReminderRule:
    kind: str = ""
    label = ""  # shown in the delivery log; a gettext_lazy string
    channels: tuple[str, ...] = ()
    template: str = ""
    # The text carries a secret (a signed link, a reference): the log never shows it and it is
    # removed from the log once the message has gone (as pretix does for such emails).
    sensitive: bool = False

    def due(self, *, now: datetime, channel: str, limit: int) -> list[DueItem]:
        raise NotImplementedError

    occurrence_tolerance: timedelta | None = None

    def already_delivered(
        self, *, recipient_model, subject_model, channel: str, recipient, subject, occurrence
    ):
        """An Exists() that is true when this rule already has a delivery for the outer row.

        `recipient`, `subject` and `occurrence` are expressions: OuterRef("...") or Value(...).
        With `occurrence_tolerance`, a delivery for an event time that close counts too.
        """
        if self.occurrence_tolerance:
            when = Q(
                occurrence__gte=occurrence - self.occurrence_tolerance,
                occurrence__lte=occurrence + self.occurrence_tolerance,
            )
        else:
            when = Q(occurrence=occurrence)
        return Exists(
            Delivery.objects.filter(
                when,
                recipient_type=ContentType.objects.get_for_model(recipient_model),
                recipient_id=recipient,
                subject_type=ContentType.objects.get_for_model(subject_model),
                subject_id=subject,
                kind=self.kind,
                channel=channel,
            )
        )


class RelativeRule(ReminderRule):
    """Remind the rows of `recipients()` at `offset` from the event time at `event_field`.

    - `recipients`: a callable returning a QuerySet (with the select_related its `address`/`context` need)
      of recipient rows, already filtered to who should get it (confirmed, not cancelled, ...).
    - `subject_field`: the path from a recipient row to the subject's id (e.g. "workshop").
    - `event_field`: the path to the event time (e.g. "workshop__starts_at").
    - `offset`: negative for before the event (-1 day), positive for after (+3 hours).
    - `at_local_time`: optional; then the message is due at this Pakistan time on the day that is
      `offset` from the event (offset=timedelta(0), at_local_time=time(8) is "08:00 on the day";
      a message due after the event has started is not sent).
    - `valid_for`: how long after its due time a reminder is still worth sending; by default until
      the event starts for reminders before it, two days for messages after it.
    - `recipient_field`: path to the recipient's id when the row is not the recipient itself
      (e.g. "user" on a facilitator through-row); then `recipient_model` is that model.
    - `address(row, channel)`, `language(row)`, `name(row)`, `district_id(row)`, `context(row)`:
      plain attribute reads on the row (no queries: select_related them in `recipients`).
    - `channel_filters`: optional {channel: Q} so rows without an address on a channel are not even
      considered (e.g. {"email": ~Q(email="")}).
    - `occurrence_tolerance`: optional; a delivery for an event time at most this far from the
      current one counts as already sent (a start rescheduled within the same minute is the same).
    """

    def __init__(
        self,
        *,
        kind: str,
        label: str = "",
        channels: Iterable[str],
        template: str,
        recipients: Callable[[], models.QuerySet],
        subject_field: str,
        event_field: str,
        offset: timedelta,
        address: Callable[[models.Model, str], str | None],
        language: Callable[[models.Model], str],
        context: Callable[[models.Model], dict],
        name: Callable[[models.Model], str] = lambda row: "",
        district_id: Callable[[models.Model], int | None] = lambda row: None,
        subject: Callable[[models.Model], models.Model] | None = None,
        subject_model: type[models.Model] | None = None,
        recipient_field: str = "pk",
        recipient_model: type[models.Model] | None = None,
        recipient: Callable[[models.Model], models.Model] | None = None,
        valid_for: timedelta | None = None,
        at_local_time: time | None = None,
        channel_filters: dict[str, Q] | None = None,
        occurrence_tolerance: timedelta | None = None,
        sensitive: bool = False,
    ) -> None:
        self.kind = kind
        self.sensitive = sensitive
        self.occurrence_tolerance = occurrence_tolerance
        self.label = label or kind
        self.channels = tuple(channels)
        self.template = template
        self.recipients = recipients
        self.subject_field = subject_field
        self.event_field = event_field
        self.offset = offset
        self.valid_for = valid_for or (-offset if offset < timedelta(0) else timedelta(days=2))
        self.at_local_time = at_local_time
        self.address = address
        self.language = language
        self.context = context
        self.name = name
        self.district_id = district_id
        self.subject_getter = subject or (lambda row: getattr(row, subject_field))
        self.subject_model = subject_model
        self.recipient_field = recipient_field
        self.recipient_model = recipient_model
        self.recipient_getter = recipient or (
            (lambda row: row) if recipient_field == "pk" else (lambda row: getattr(row, recipient_field))
        )
        self.channel_filters = channel_filters or {}

    def _models(self, queryset: models.QuerySet):
        subject_model = self.subject_model or queryset.model._meta.get_field(self.subject_field).related_model
        if self.recipient_field == "pk":
            recipient_model = queryset.model
        else:
            recipient_model = (
                self.recipient_model or queryset.model._meta.get_field(self.recipient_field).related_model
            )
        return recipient_model, subject_model

    def due_times(self, event_at: datetime) -> tuple[datetime, datetime]:
        """(due, useless after) for an event at `event_at`."""
        if self.at_local_time is None:
            due_at = event_at + self.offset
            return due_at, due_at + self.valid_for
        day = (event_at + self.offset).astimezone(KARACHI).date()
        return datetime.combine(day, self.at_local_time, tzinfo=KARACHI), event_at

    def due(self, *, now: datetime, channel: str, limit: int) -> list[DueItem]:
        queryset = self.recipients()
        recipient_model, subject_model = self._models(queryset)
        if self.at_local_time is None:
            latest_event = now - self.offset  # due_at = event + offset <= now
            earliest_event = latest_event - self.valid_for  # still useful: due_at + valid_for > now
            window = {f"{self.event_field}__lte": latest_event, f"{self.event_field}__gt": earliest_event}
        else:
            # Due at a local time on the event's day (shifted by offset): everything whose day has
            # begun, and whose due time has passed on that day, up to the event itself.
            local_now = now.astimezone(KARACHI)
            first_day_not_due = local_now.date() + timedelta(days=int(local_now.time() >= self.at_local_time))
            boundary = datetime.combine(first_day_not_due, time(0), tzinfo=KARACHI)
            window = {f"{self.event_field}__lt": boundary - self.offset, f"{self.event_field}__gt": now}
        rows = (
            queryset.filter(**window)
            .filter(self.channel_filters.get(channel, Q()))
            .annotate(
                _recipient_id=F(self.recipient_field),
                _subject_id=F(self.subject_field),
                _event_at=F(self.event_field),
            )
            .exclude(
                self.already_delivered(
                    recipient_model=recipient_model,
                    subject_model=subject_model,
                    channel=channel,
                    recipient=OuterRef("_recipient_id"),
                    subject=OuterRef("_subject_id"),
                    occurrence=OuterRef("_event_at"),
                )
            )
            .order_by(self.event_field, "pk")[:limit]
        )
        items = []
        for row in rows:
            due_at, expires_at = self.due_times(row._event_at)
            items.append(
                DueItem(
                    recipient=self.recipient_getter(row),
                    subject=self.subject_getter(row),
                    occurrence=row._event_at,
                    due_at=due_at,
                    expires_at=expires_at,
                    to=self.address(row, channel),
                    language=self.language(row),
                    name=self.name(row),
                    district_id=self.district_id(row),
                    context=self.context(row),
                )
            )
        return items


class MergedRule(ReminderRule):
    """One kind of reminder whose recipients come from several row sources (RelativeRules).

    E.g. a workshop's facilitators: the lead (a column on the workshop) and co-facilitators (an M2M).
    Every source checks deliveries of this same kind, so a person who moves from one source to the
    other (a co-facilitator who becomes the lead) is still reminded once.
    """

    def __init__(
        self,
        *,
        kind: str,
        label: str = "",
        channels: Iterable[str],
        template: str,
        sources: list[RelativeRule],
        sensitive: bool = False,
    ) -> None:
        self.kind = kind
        self.sensitive = sensitive
        self.label = label or kind
        self.channels = tuple(channels)
        self.template = template
        self.sources = sources
        for source in sources:
            source.kind = kind  # the NOT EXISTS check of each source looks at this kind

    def due(self, *, now: datetime, channel: str, limit: int) -> list[DueItem]:
        items: list[DueItem] = []
        for source in self.sources:
            if channel not in source.channels or len(items) >= limit:
                continue
            items += source.due(now=now, channel=channel, limit=limit - len(items))
        return items


@dataclass(frozen=True)
class Notice:
    """A one-off message sent at once when something changed (a workshop moved, was cancelled...).

    `items(object_id)` returns the DueItems for the object that changed (each with its `addresses`);
    `withdraw(object_id)`, if given, first withdraws what the change made obsolete. Sent by
    `services.notice_send` (task `notice_send_task`), exactly once per recipient, subject, kind,
    channel and occurrence.
    """

    kind: str
    label: str
    channels: tuple[str, ...]
    template: str
    items: Callable[[int], list[DueItem]]
    withdraw: Callable[[int], int] | None = None
    # The text carries a secret (a set-your-password or signed link, a reference): the log never shows
    # it, and it is removed from the log once the message has gone.
    sensitive: bool = False


class Registry:
    def __init__(self) -> None:
        self._rules: dict[str, ReminderRule] = {}
        self._notices: dict[str, Notice] = {}

    def register_notice(self, notice: Notice) -> Notice:
        unknown = set(notice.channels) - set(Channel.values)
        if unknown:
            raise ValueError(f"notice {notice.kind}: unknown channels {sorted(unknown)}")
        self._notices[notice.kind] = notice
        return notice

    def notice(self, kind: str) -> Notice:
        return self._notices[kind]

    def notices(self) -> list[Notice]:
        return list(self._notices.values())

    def sensitive_kinds(self) -> set[str]:
        """Kinds whose text carries a secret (rules and notices)."""
        kinds = {notice.kind for notice in self._notices.values() if notice.sensitive}
        return kinds | {rule.kind for rule in self._rules.values() if rule.sensitive}

    def labels(self) -> dict[str, str]:
        """{kind: label} of every rule and notice, for the delivery log."""
        labels = {notice.kind: str(notice.label) for notice in self._notices.values() if notice.label}
        labels.update({rule.kind: str(rule.label) for rule in self._rules.values() if rule.label})
        return labels

    def register(self, rule: ReminderRule) -> ReminderRule:
        """Register (or replace, by kind) a rule. Idempotent, so modules may be imported twice."""
        unknown = set(rule.channels) - set(Channel.values)
        if unknown:
            raise ValueError(f"rule {rule.kind}: unknown channels {sorted(unknown)}")
        self._rules[rule.kind] = rule
        return rule

    def unregister(self, kind: str) -> None:
        self._rules.pop(kind, None)

    def __iter__(self):
        return iter(list(self._rules.values()))

    def get(self, kind: str) -> ReminderRule | None:
        return self._rules.get(kind)


registry = Registry()
