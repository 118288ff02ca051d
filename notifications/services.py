"""Writes of the notifications app: the scan that finds due messages, sending, withdrawing, retrying."""

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications import channels
from notifications.models import Announcement, Channel, Delivery, UserPhone
from notifications.quiet_hours import earliest_send, in_quiet_hours, quiet_hours_end
from notifications.rules import DueItem, ReminderRule, message_render, registry
from notifications.sms import sms_length

logger = logging.getLogger(__name__)

Status = Delivery.Status


@dataclass
class ScanReport:
    created: int = 0
    queued: int = 0
    expired: int = 0
    resolved: int = 0
    batches: int = 0


# --- Creating deliveries ----------------------------------------------------------------------------


def _delivery_build(
    *, kind: str, template: str, channel: str, item: DueItem, now: datetime, sensitive: bool
) -> Delivery:
    send_after = max(earliest_send(channel=channel, due_at=item.due_at), item.due_at)
    status = Status.QUEUED
    to = item.address(channel)
    if not to:
        status = Status.SKIPPED
    elif item.expires_at and send_after >= item.expires_at:
        # Quiet hours (or a long outage) would make it arrive after it is any use.
        status = Status.EXPIRED
    message = message_render(template=template, channel=channel, language=item.language, context=item.context)
    length = sms_length(message.body) if channel == Channel.SMS else None
    return Delivery(
        recipient_type=ContentType.objects.get_for_model(item.recipient),
        recipient_id=item.recipient.pk,
        subject_type=ContentType.objects.get_for_model(item.subject),
        subject_id=item.subject.pk,
        kind=kind,
        channel=channel,
        occurrence=item.occurrence,
        district_id=item.district_id,
        to=to or "",
        recipient_name=(item.name or "")[:150],
        language=item.language,
        title=message.title,
        body=message.body,
        segments=length.segments if length else 0,
        encoding=length.encoding if length else "",
        status=status,
        due_at=item.due_at,
        send_after=send_after,
        expires_at=item.expires_at,
        created_at=now,
        sensitive=sensitive,
    )


def deliveries_create(
    *, kind: str, template: str, channel: str, items: list[DueItem], now: datetime | None = None
) -> int:
    """Write the delivery rows for `items` (rendered in each recipient's language); existing ones are
    left alone (the unique constraint decides, so two scans cannot both create one). Two queries."""
    # The stamp also tells this call's rows from those that were there already (ignore_conflicts
    # returns every object it was given).
    stamp = timezone.now()
    sensitive = kind in registry.sensitive_kinds()
    rows = [
        _delivery_build(
            kind=kind, template=template, channel=channel, item=item, now=stamp, sensitive=sensitive
        )
        for item in items
        # A notice's `addresses` without this channel: the person has no such address and this
        # channel is optional for them (a registrant without email): no row, not even "no address".
        if item.addresses is None or channel in item.addresses
    ]
    if not rows:
        return 0
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return Delivery.objects.filter(created_at=stamp, kind=kind, channel=channel).count()


@transaction.atomic
def notification_send_now(
    *, kind: str, template: str, items: list[DueItem], channels_: tuple[str, ...]
) -> int:
    """A one-off message (an event moved or was cancelled): written now and queued once this commits.

    Give each item `occurrence` = the event time the message is about (the new time for a reschedule),
    so rescheduling twice tells people twice, and running this twice tells them once.
    """
    now = timezone.now()
    created = 0
    for channel in channels_:
        created += deliveries_create(kind=kind, template=template, channel=channel, items=items, now=now)
    subjects = {(ContentType.objects.get_for_model(item.subject).pk, item.subject.pk) for item in items}
    subject_q = Q()
    for type_id, subject_id in subjects:
        subject_q |= Q(subject_type_id=type_id, subject_id=subject_id)
    _deliveries_queue_ready(
        now=now, limit=max(len(items) * len(channels_), 1), extra=Q(kind=kind) & subject_q
    )
    return created


@transaction.atomic
def email_written_send(
    *, kind: str, recipient: models.Model, to: str, title: str, body: str, language: str
) -> Delivery:
    """An email whose text another library wrote (django-allauth's password-reset and address
    confirmation emails, rendered in the request's language): written to the log and sent by a worker
    once this commits, like every message. Each call is its own message (its moment is the occurrence);
    `kind` must be registered (its label, and whether its text carries a secret)."""
    now = timezone.now()
    notice = registry.notice(kind)
    delivery = Delivery.objects.create(
        recipient_type=ContentType.objects.get_for_model(recipient),
        recipient_id=recipient.pk,
        subject_type=ContentType.objects.get_for_model(recipient),
        subject_id=recipient.pk,
        kind=kind,
        channel=Channel.EMAIL,
        occurrence=now,
        to=to,
        recipient_name=str(getattr(recipient, "full_name", "") or "")[:150],
        language=language,
        title=" ".join(title.split())[:200],
        body=body,
        status=Status.QUEUED if to else Status.SKIPPED,
        due_at=now,
        send_after=now,
        created_at=now,
        sensitive=notice.sensitive,
    )
    _deliveries_queue_ready(now=now, limit=1, extra=Q(pk=delivery.pk))
    return delivery


# --- The scan -------------------------------------------------------------------------------------


def _ready_q(now: datetime) -> Q:
    stale = now - timedelta(seconds=settings.NOTIFICATIONS_REQUEUE_AFTER_SECONDS)
    ready = Q(status__in=Delivery.PENDING_STATUSES, send_after__lte=now) & (
        Q(queued_at__isnull=True) | Q(queued_at__lt=stale)
    )
    if in_quiet_hours(now):
        ready &= ~Q(channel=Channel.SMS)
    return ready


def _deliveries_queue_ready(*, now: datetime, limit: int, extra: Q | None = None) -> int:
    """Hand up to `limit` ready deliveries to workers, in tasks of NOTIFICATIONS_SEND_BATCH ids.

    Two queries whatever the number: select (skipping rows another scan holds) and mark queued_at.
    Tasks are queued only once this commits; a queued delivery nobody claims is queued again later.
    """
    from notifications.tasks import deliveries_send_task

    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(_ready_q(now) & (extra or Q()))
            .order_by("send_after", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return 0
        Delivery.objects.filter(pk__in=ids).update(queued_at=now)
        size = settings.NOTIFICATIONS_SEND_BATCH
        chunks = [ids[start : start + size] for start in range(0, len(ids), size)]

        def enqueue() -> None:
            for chunk in chunks:
                deliveries_send_task.delay(chunk)

        transaction.on_commit(enqueue)
    return len(ids)


def _deliveries_expire(*, now: datetime) -> int:
    return Delivery.objects.pending().filter(expires_at__lte=now).update(status=Status.EXPIRED)


def _deliveries_resolve_interrupted(*, now: datetime, limit: int) -> int:
    """Deliveries claimed by a worker that died before recording the result.

    Where the backend can tell (the file SMS backend; a gateway with a status lookup), a message that
    went out is marked sent and one that did not is sent again; otherwise it is marked interrupted
    for a person to check and retry, never sent twice behind anyone's back.
    """
    lease = now - timedelta(seconds=settings.NOTIFICATIONS_SENDING_LEASE_SECONDS)
    stuck = list(
        Delivery.objects.filter(status=Status.SENDING, claimed_at__lt=lease).only(
            "pk", "channel", "claimed_at"
        )[:limit]
    )
    by_channel: dict[str, list[Delivery]] = {}
    for delivery in stuck:
        by_channel.setdefault(delivery.channel, []).append(delivery)
    for channel, deliveries in by_channel.items():
        references = {delivery.reference: delivery for delivery in deliveries}
        sent = channels.sent_references(channel=channel, references=list(references))
        ids = [delivery.pk for delivery in deliveries]
        if sent is None:
            Delivery.objects.filter(pk__in=ids, status=Status.SENDING).update(
                status=Status.UNKNOWN,
                last_error=_("The worker stopped while sending; it may or may not have gone out."),
            )
            continue
        sent_ids = [references[reference].pk for reference in sent]
        Delivery.objects.filter(pk__in=sent_ids, status=Status.SENDING).update(
            status=Status.SENT, sent_at=F("claimed_at")
        )
        Delivery.objects.filter(pk__in=set(ids) - set(sent_ids), status=Status.SENDING).update(
            status=Status.QUEUED, queued_at=None
        )
    return len(stuck)


def deliveries_secret_texts_remove() -> int:
    """Empty the text of every sensitive message that went or never will (withdrawn, too late, no
    address, or settled as sent after a worker died). A sent one is usually emptied as it is recorded
    sent; this catches the rest. One query; the partial index keeps it cheap whatever the log's size."""
    return (
        Delivery.objects.filter(
            sensitive=True, body_removed_at__isnull=True, status__in=Delivery.DONE_STATUSES
        )
        .exclude(body="")
        .update(body="", body_removed_at=timezone.now())
    )


def _rule_scan(*, rule: ReminderRule, channel: str, now: datetime, batch: int) -> tuple[int, int]:
    with transaction.atomic():
        items = rule.due(now=now, channel=channel, limit=batch)
        created = deliveries_create(
            kind=rule.kind, template=rule.template, channel=channel, items=items, now=now
        )
    return len(items), created


def reminders_scan(
    *, now: datetime | None = None, batch: int | None = None, time_budget: float = 50.0
) -> ScanReport:
    """What beat runs every minute: create the deliveries that have fallen due, then hand ready ones
    to workers. Works in batches of `batch` rows, each a bounded number of queries, until nothing is
    left or `time_budget` seconds are spent (the next minute's scan continues)."""
    now = now or timezone.now()
    batch = batch or settings.NOTIFICATIONS_SCAN_BATCH
    deadline = time.monotonic() + time_budget
    report = ScanReport()
    for rule in registry:
        for channel in rule.channels:
            while time.monotonic() < deadline:
                found, created = _rule_scan(rule=rule, channel=channel, now=now, batch=batch)
                report.created += created
                report.batches += 1
                if found < batch:
                    break
    report.expired = _deliveries_expire(now=now)
    report.resolved = _deliveries_resolve_interrupted(now=now, limit=batch)
    deliveries_secret_texts_remove()
    while time.monotonic() < deadline:
        queued = _deliveries_queue_ready(now=now, limit=batch)
        report.queued += queued
        report.batches += 1
        if queued < batch:
            break
    if report.created or report.queued or report.resolved:
        logger.info("notifications scan: %s", report)
    return report


# --- Sending --------------------------------------------------------------------------------------


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=settings.NOTIFICATIONS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))


_CLAIM_SQL = """
UPDATE {table} SET
    status = CASE WHEN id = %(previous)s THEN 'sent' ELSE 'sending' END,
    sent_at = CASE WHEN id = %(previous)s THEN %(now)s ELSE sent_at END,
    body = CASE WHEN id = %(previous)s AND sensitive THEN '' ELSE body END,
    body_removed_at = CASE WHEN id = %(previous)s AND sensitive THEN %(now)s ELSE body_removed_at END,
    last_error = CASE WHEN id = %(previous)s THEN '' ELSE last_error END,
    claimed_at = CASE WHEN id = %(previous)s THEN claimed_at ELSE %(now)s END,
    attempts = CASE WHEN id = %(previous)s THEN attempts ELSE attempts + 1 END
WHERE id = %(previous)s OR (id = %(claim)s AND status IN ('queued', 'retrying'))
"""


def _claim(*, delivery_id: int, previous_sent: int | None) -> bool:
    """Claim a delivery for sending (committed before it leaves, so nobody else sends it), and in the
    same statement record the previous one of the batch as sent (emptying its text if that carries a
    secret): one commit per message, not two.

    A worker killed between a send and the next statement leaves that delivery claimed ("sending");
    the scan settles it with the backend (services._deliveries_resolve_interrupted). Plain SQL
    because this is the one statement run per message: the ORM's Case/When compile cost more than
    the database did.
    """
    assert set(Delivery.PENDING_STATUSES) == {"queued", "retrying"}
    params: dict[str, int | datetime] = {
        "previous": previous_sent or 0,
        "claim": delivery_id,
        "now": timezone.now(),
    }
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM_SQL.format(table=connection.ops.quote_name(Delivery._meta.db_table)), params)
        updated = cursor.rowcount
    return updated == (2 if previous_sent else 1)


def _record_sent(delivery_id: int) -> None:
    now = timezone.now()
    Delivery.objects.filter(pk=delivery_id).update(status=Status.SENT, sent_at=now, last_error="")
    Delivery.objects.filter(pk=delivery_id, sensitive=True).update(body="", body_removed_at=now)


def _record_failure(*, delivery: Delivery, error: Exception) -> None:
    attempts = delivery.attempts + 1
    permanent = isinstance(error, channels.DeliveryError) and error.permanent
    update: dict[str, object]
    if permanent or attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        update = {"status": Status.FAILED}
    else:
        update = {
            "status": Status.RETRYING,
            "send_after": timezone.now() + _retry_delay(attempts),
            "queued_at": None,
        }
    Delivery.objects.filter(pk=delivery.pk).update(last_error=str(error)[:500], **update)
    # The error's text can carry the address (SMTP refusals name the recipient): only its kind is
    # logged; the log page shows the rest to coordinators.
    logger.warning("delivery %s failed (attempt %s): %s", delivery.pk, attempts, type(error).__name__)


def deliveries_send(*, delivery_ids: list[int], now: datetime | None = None) -> dict[str, int]:
    """Send these deliveries, each at most once: claim the row (committed), send, record the result.

    Not atomic on purpose: the claim must be committed before the message leaves, so a redelivered
    task or a second worker sees it taken. One query for the batch, then one per message.
    """
    fixed_now = now
    now = now or timezone.now()
    counts = {"sent": 0, "failed": 0, "deferred": 0, "skipped": 0}
    rows = list(
        Delivery.objects.filter(pk__in=delivery_ids, status__in=Delivery.PENDING_STATUSES).order_by("pk")
    )
    if in_quiet_hours(now):
        held = [row.pk for row in rows if row.channel == Channel.SMS]
        if held:
            Delivery.objects.filter(pk__in=held, status__in=Delivery.PENDING_STATUSES).update(
                send_after=quiet_hours_end(now), queued_at=None
            )
            counts["deferred"] = len(held)
        rows = [row for row in rows if row.channel != Channel.SMS]
    counts["skipped"] = len(delivery_ids) - len(rows) - counts["deferred"]
    previous_sent: int | None = None
    try:
        for row in rows:
            if row.expires_at and row.expires_at <= (fixed_now or timezone.now()):
                Delivery.objects.filter(pk=row.pk, status__in=Delivery.PENDING_STATUSES).update(
                    status=Status.EXPIRED
                )
                continue
            claimed = _claim(delivery_id=row.pk, previous_sent=previous_sent)
            previous_sent = None
            if not claimed:  # another worker, a withdrawal or a cancellation got there first
                counts["skipped"] += 1
                continue
            try:
                channels.send(
                    channel=row.channel,
                    to=row.to,
                    subject=row.title,
                    body=row.body,
                    language=row.language,
                    reference=row.reference,
                )
            except SoftTimeLimitExceeded:
                # The task ran out of time while the message was with the backend: it may have gone
                # out. Recording a failure would send it again; it stays claimed ("sending") and,
                # after the lease, the scan asks the backend or leaves it for a person to check.
                raise
            except Exception as error:  # noqa: BLE001 - any failure is recorded; the log page shows it
                _record_failure(delivery=row, error=error)
                counts["failed"] += 1
            else:
                previous_sent = row.pk
                counts["sent"] += 1
    finally:
        if previous_sent is not None:
            _record_sent(previous_sent)
    return counts


# --- Changes made by people or by other apps --------------------------------------------------------


def deliveries_withdraw(
    *,
    subject=None,
    recipient=None,
    kinds: list[str] | None = None,
    except_kinds: list[str] | None = None,
    except_occurrence: datetime | None = None,
    occurrence_tolerance: timedelta = timedelta(0),
    except_recipient_ids: Iterable[int] | None = None,
) -> int:
    """Withdraw what is still waiting to be sent about `subject` and/or to `recipient` (an event
    cancelled or moved, a registration cancelled, a facilitator taken off a workshop).

    `except_occurrence` keeps what is about that event time (after a reschedule: the new time), or
    within `occurrence_tolerance` of it. `except_recipient_ids` keeps what goes to these recipients
    (ids of the one recipient model the `kinds` write to, e.g. the users still facilitating).
    A message a worker has already claimed goes out; everything still queued never will.
    """
    if subject is None and recipient is None:
        raise TypeError("deliveries_withdraw needs a subject or a recipient")
    queryset = Delivery.objects.pending()
    if subject is not None:
        queryset = queryset.for_subject(subject)
    if recipient is not None:
        queryset = queryset.for_recipient(recipient)
    if kinds:
        queryset = queryset.filter(kind__in=kinds)
    if except_kinds:
        queryset = queryset.exclude(kind__in=except_kinds)
    if except_recipient_ids is not None:
        queryset = queryset.exclude(recipient_id__in=list(except_recipient_ids))
    if except_occurrence is not None:
        queryset = queryset.exclude(
            occurrence__gte=except_occurrence - occurrence_tolerance,
            occurrence__lte=except_occurrence + occurrence_tolerance,
        )
    return queryset.update(status=Status.WITHDRAWN)


def notice_send(*, kind: str, object_id: int) -> int:
    """Send the registered notice `kind` about the object `object_id` (task `notice_send_task`).

    Idempotent: the items carry the event time they are about, so running it twice (a redelivered
    task, two changes in a row) writes each message once. Returns how many were written.
    """
    notice = registry.notice(kind)
    with transaction.atomic():
        if notice.withdraw is not None:
            notice.withdraw(object_id)
        items = notice.items(object_id)
        if not items:
            return 0
        return notification_send_now(
            kind=notice.kind, template=notice.template, items=items, channels_=notice.channels
        )


@transaction.atomic
def deliveries_redact(*, recipients: models.QuerySet) -> int:
    """Remove the address, name and text of every message to these recipients (their personal data
    is being shredded). Status, channel, kind and times stay for the log's counts. Idempotent."""
    queryset = Delivery.objects.filter(
        recipient_type=ContentType.objects.get_for_model(recipients.model),
        recipient_id__in=recipients.values("pk"),
        personal_data_removed_at__isnull=True,
    )
    # What has not gone out yet never will: there is nobody left to send it to.
    queryset.pending().update(status=Status.WITHDRAWN)
    return queryset.update(
        to="", recipient_name="", title="", body="", personal_data_removed_at=timezone.now()
    )


@transaction.atomic
def delivery_retry(*, delivery: Delivery, by) -> Delivery:
    """A coordinator sends a failed or interrupted message again."""
    from notifications.tasks import deliveries_send_task

    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if not delivery.can_retry:
        raise ValidationError(
            _("Only failed or interrupted messages can be sent again."), code="not_retryable"
        )
    now = timezone.now()
    delivery.status = Status.QUEUED
    delivery.send_after = earliest_send(channel=delivery.channel, due_at=now)
    delivery.expires_at = None  # a person decided it is still worth sending
    delivery.queued_at = now
    delivery.last_error = ""
    delivery.save(update_fields=["status", "send_after", "expires_at", "queued_at", "last_error"])
    logger.info("delivery %s retried by user %s", delivery.pk, getattr(by, "pk", None))
    delivery_id = delivery.pk
    transaction.on_commit(lambda: deliveries_send_task.delay([delivery_id]))
    return delivery


@transaction.atomic
def announcement_create(
    *, by, district, messages: dict[str, str], send_at: datetime, send_sms: bool, send_email: bool
) -> Announcement:
    announcement = Announcement(
        district=district, send_at=send_at, send_sms=send_sms, send_email=send_email, created_by=by
    )
    for language, text in messages.items():
        setattr(announcement, f"message_{language}", text)
    # English is the last fallback: without an English text, the first language given stands in.
    # message_en: modeltranslation's field, added at run time.
    announcement.message_en = messages.get("en") or next(  # type: ignore[attr-defined]
        (text for text in messages.values() if text), ""
    )
    announcement.full_clean()
    announcement.save()
    return announcement


@transaction.atomic
def announcement_cancel(*, announcement: Announcement, by) -> Announcement:
    announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if announcement.cancelled_at is None:
        announcement.cancelled_at = timezone.now()
        announcement.save(update_fields=["cancelled_at"])
    deliveries_withdraw(subject=announcement)
    return announcement


@transaction.atomic
def user_phone_set(*, user, phone: str, sms_enabled: bool) -> UserPhone | None:
    if not phone:
        UserPhone.objects.filter(user=user).delete()
        return None
    user_phone, _created = UserPhone.objects.update_or_create(
        user=user, defaults={"phone": phone, "sms_enabled": sms_enabled}
    )
    return user_phone
