"""Writes for confidential reports. Every staff action on a case writes its audit row in the same
transaction (`audit_record`)."""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from common.storage import stored_file_delete
from incidents import receipts
from incidents.crypto import encrypt_bytes, rotate_bytes
from incidents.models import (
    AuditEntry,
    Case,
    Category,
    Contact,
    Evidence,
    Message,
    MonthlyTally,
    Note,
    Referral,
)
from incidents.uploads import CleanFile

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Receipt:
    """What the reporter must keep. The secret exists in plaintext only in this object."""

    case: Case
    code: str
    secret: str
    # Names of files the storage could not keep (disk full, storage error): the report is saved
    # without them and the receipt says so.
    files_not_kept: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReporterMessageAdded:
    message: Message | None
    files_kept: int = 0
    files_not_kept: tuple[str, ...] = ()


def audit_record(*, actor, case: Case, action: str, detail: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor, case_id_ref=case.pk, case_code=case.code, action=action, detail=detail[:200]
    )


def _storage_discard(storage, name: str) -> None:
    """Remove what a failed save may have left under `name` (a partial ciphertext fills the disk
    for the next reporter). Best effort: the storage is failing already."""
    try:
        if storage.exists(name):
            storage.delete(name)
    except Exception:  # noqa: BLE001 - nothing more to do; logged below by the caller
        logger.warning("A partial evidence file could not be removed")


def _evidence_store(
    *, case: Case, files: Iterable[CleanFile], from_reporter: bool
) -> tuple[list[Evidence], tuple[str, ...]]:
    """Store each file (ciphertext only); a file the storage cannot keep is skipped, and whatever
    part of it was written is removed. Returns the stored evidence and the names not kept."""
    stored, not_kept = [], []
    for clean in files:
        evidence = Evidence(
            case=case,
            name=clean.name,
            content_type=clean.content_type,
            size=len(clean.data),
            from_reporter=from_reporter,
        )
        storage = evidence.file.storage
        # The (random, extension-less) name is drawn first, so a save that fails half-way leaves
        # a name we know and can remove.
        name = evidence.file.field.generate_filename(evidence, "evidence")
        try:
            evidence.file.name = storage.save(name, ContentFile(encrypt_bytes(clean.data)))
        except Exception as error:  # noqa: BLE001 - disk full, permissions, a storage service down
            logger.error(
                "An evidence file could not be stored (%s); the report is kept without it",
                type(error).__name__,
            )
            _storage_discard(storage, name)
            not_kept.append(clean.name)
            continue
        evidence.save()
        stored.append(evidence)
    return stored, tuple(not_kept)


def _tally_increment(*, category: Category, district, month: datetime.date) -> None:
    tally, _created = MonthlyTally.objects.get_or_create(month=month, category=category, district=district)
    MonthlyTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)


@transaction.atomic
def case_submit(
    *,
    category: Category,
    channel: str,
    when: str,
    narrative: str,
    language: str,
    district=None,
    money_lost_pkr: int | None = None,
    immediate_danger: bool = False,
    contact: str = "",
    contact_consent: bool = False,
    files: Iterable[CleanFile] = (),
) -> Receipt:
    """Create a case from an anonymous report and return its receipt (code + secret, shown once)."""
    secret = receipts.new_secret()
    case = Case(
        secret_hash=receipts.hash_secret(secret),
        category=category,
        channel=channel,
        when=when,
        district=district,
        money_lost_pkr=money_lost_pkr,
        immediate_danger=immediate_danger,
        narrative=narrative,
        # Contact details are kept only with explicit consent.
        contact=contact if contact_consent else "",
        contact_consent=contact_consent and bool(contact),
        language=language,
    )
    for _attempt in range(5):
        case.code = receipts.new_code()
        try:
            with transaction.atomic():
                case.save()
            break
        except IntegrityError:
            case.pk = None
            continue
    else:
        raise RuntimeError("could not draw a free case code")
    _stored, not_kept = _evidence_store(case=case, files=files, from_reporter=True)
    _tally_increment(category=category, district=district, month=timezone.localdate().replace(day=1))
    return Receipt(case=case, code=case.code, secret=secret, files_not_kept=not_kept)


def case_verify(*, code: str, secret: str) -> Case | None:
    """The case for a code + secret pair, or None. Costs the same whichever half is wrong."""
    code = receipts.normalise(code)
    secret = receipts.normalise(secret)
    case = Case.objects.filter(code=code).select_related("category", "district").first() if code else None
    ok = receipts.verify_secret(case.secret_hash if case else None, secret)
    return case if ok and case else None


@transaction.atomic
def reporter_message_add(
    *, case: Case, body: str = "", files: Iterable[CleanFile] = ()
) -> ReporterMessageAdded:
    message = (
        Message.objects.create(case=case, author_kind=Message.Author.REPORTER, body=body) if body else None
    )
    stored, not_kept = _evidence_store(case=case, files=files, from_reporter=True)
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return ReporterMessageAdded(message=message, files_kept=len(stored), files_not_kept=not_kept)


def _acknowledge(case: Case) -> None:
    if case.acknowledged_at is None:
        case.acknowledged_at = timezone.now()
        Case.objects.filter(pk=case.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=case.acknowledged_at
        )


def case_view_record(*, case: Case, actor) -> None:
    audit_record(actor=actor, case=case, action=AuditEntry.Action.VIEW)


@transaction.atomic
def case_assign(*, case: Case, actor, assignee) -> Case:
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    _acknowledge(case)
    audit_record(
        actor=actor, case=case, action=AuditEntry.Action.ASSIGN, detail=assignee.email if assignee else "-"
    )
    return case


class TransitionNotAllowed(Exception):
    pass


@transaction.atomic
def case_status_change(*, case: Case, actor, status: str) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.can_move_to(status):
        raise TransitionNotAllowed(f"{case.status} -> {status}")
    previous = case.status
    case.status = status
    case.closed_at = timezone.now() if status == Case.Status.CLOSED else None
    case.save(update_fields=["status", "closed_at", "updated_at"])
    _acknowledge(case)
    audit_record(actor=actor, case=case, action=AuditEntry.Action.STATUS, detail=f"{previous} -> {status}")
    return case


@transaction.atomic
def case_note_add(*, case: Case, actor, body: str) -> Note:
    note = Note.objects.create(case=case, author=actor, body=body)
    _acknowledge(case)
    audit_record(actor=actor, case=case, action=AuditEntry.Action.NOTE)
    return note


@transaction.atomic
def case_reply_send(*, case: Case, actor, body: str) -> Message:
    """A reply the reporter reads when they come back with their code. Nobody is contacted."""
    message = Message.objects.create(case=case, author_kind=Message.Author.HANDLER, author=actor, body=body)
    if case.status == Case.Status.NEW:
        case.status = Case.Status.TRIAGE
        case.save(update_fields=["status", "updated_at"])
    _acknowledge(case)
    audit_record(actor=actor, case=case, action=AuditEntry.Action.REPLY)
    return message


@transaction.atomic
def referral_record(
    *, case: Case, actor, contact: Contact | None, to_whom: str = "", note: str = ""
) -> Referral:
    referral = Referral.objects.create(
        case=case, contact=contact, to_whom=to_whom, note=note, referred_by=actor
    )
    _acknowledge(case)
    audit_record(actor=actor, case=case, action=AuditEntry.Action.REFERRAL, detail=referral.recipient)
    return referral


def evidence_open_record(*, evidence: Evidence, actor) -> None:
    audit_record(
        actor=actor, case=evidence.case, action=AuditEntry.Action.EVIDENCE, detail=f"file {evidence.pk}"
    )


def case_export_record(*, case: Case, actor) -> None:
    audit_record(actor=actor, case=case, action=AuditEntry.Action.EXPORT)


def _case_destroy(case: Case) -> None:
    names = [name for name in Evidence.objects.filter(case=case).values_list("file", flat=True) if name]
    case.delete()
    # After commit, and a storage failure then is only logged: the orphan sweep removes what is left.
    transaction.on_commit(lambda: [stored_file_delete(name=name) for name in names])


@transaction.atomic
def case_delete(*, case: Case, actor, reason: str = "") -> None:
    audit_record(actor=actor, case=case, action=AuditEntry.Action.DELETE, detail=reason)
    _case_destroy(case)


def cases_purge_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete closed cases past retention: content, messages, notes, files. Counts stay in
    MonthlyTally. Open cases are never purged, whatever their age."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.INCIDENT_RETENTION_DAYS)
    purged = 0
    expired = Case.objects.filter(status=Case.Status.CLOSED, closed_at__lt=cutoff).values_list(
        "pk", flat=True
    )
    for case_id in list(expired):
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(skip_locked=True)
                .filter(pk=case_id, status=Case.Status.CLOSED, closed_at__lt=cutoff)
                .only("pk", "code")
                .first()
            )
            if case is None:
                continue
            audit_record(actor=None, case=case, action=AuditEntry.Action.PURGE)
            _case_destroy(case)
            purged += 1
    if purged:
        logger.info("purged %s closed cases past retention", purged)
    return purged


# A file younger than this may belong to a submission whose transaction has not committed yet.
ORPHAN_GRACE = datetime.timedelta(hours=1)


def evidence_orphans_remove(*, now: datetime.datetime | None = None) -> int:
    """Delete stored evidence files that no Evidence row points to: left by a submission that was
    rolled back or a process that died between writing the file and committing. They hold only
    ciphertext, but nothing would ever purge them. Returns how many were deleted."""
    now = now or timezone.now()
    try:
        _folders, names = default_storage.listdir("incidents")
    except FileNotFoundError:
        return 0
    referenced = set(Evidence.objects.values_list("file", flat=True))
    removed = 0
    for name in names:
        path = f"incidents/{name}"
        if path in referenced or now - default_storage.get_modified_time(path) < ORPHAN_GRACE:
            continue
        default_storage.delete(path)
        removed += 1
    if removed:
        logger.info("removed %s evidence files that belonged to no case", removed)
    return removed


def handlers_for_case(case: Case):
    from accounts.models import User

    handlers = User.objects.filter(role=User.Role.CASE_HANDLER, is_active=True).prefetch_related("districts")
    return [handler for handler in handlers if Case.objects.visible_to(handler).filter(pk=case.pk).exists()]


def cases_unacknowledged_alert(*, now: datetime.datetime | None = None) -> int:
    """Alert the in-scope handlers about new cases waiting longer than the configured hours.

    Each case alerts once (alerted_at, set under a row lock, so beat firing twice alerts once). The
    alert emails are written to the delivery log in the same transaction (one per handler, exactly
    once: incidents/reminders.py) and sent by a worker after commit, so a rolled-back alert sends
    nothing and an SMTP error for one handler is retried for that handler alone. They carry nothing
    from the report: only that a case waits, and a link.
    """
    from incidents.reminders import HANDLER_ALERT
    from notifications.services import notice_send

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(hours=settings.INCIDENT_UNACKNOWLEDGED_ALERT_HOURS)
    waiting = Case.objects.filter(
        status=Case.Status.NEW, acknowledged_at__isnull=True, alerted_at__isnull=True, created_at__lt=cutoff
    ).values_list("pk", flat=True)
    alerted = 0
    for case_id in list(waiting):
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(pk=case_id, alerted_at__isnull=True, acknowledged_at__isnull=True)
                .first()
            )
            if case is None:
                continue
            case.alerted_at = now
            case.save(update_fields=["alerted_at"])
            written = notice_send(kind=HANDLER_ALERT, object_id=case.pk)
            audit_record(actor=None, case=case, action=AuditEntry.Action.ALERT, detail=f"{written} handlers")
            alerted += 1
    return alerted


def encryption_rotate() -> dict[str, int]:
    """Re-encrypt every confidential field and file with the newest key (first of
    FIELD_ENCRYPTION_KEYS). Reading decrypts with any configured key; saving encrypts with the first."""
    counts: dict[str, int] = {}
    plans = [
        (Case, ["narrative", "contact"]),
        (Message, ["body"]),
        (Note, ["body"]),
        (Referral, ["note"]),
        (Evidence, ["name"]),
    ]
    for model, fields in plans:
        done = 0
        for pk in list(model._default_manager.values_list("pk", flat=True)):
            with transaction.atomic():
                instance = model._default_manager.select_for_update().only("pk", *fields).get(pk=pk)
                instance.save(update_fields=fields)
                done += 1
        counts[model.__name__.lower()] = done
    files = 0
    for evidence in Evidence.objects.only("pk", "file"):
        name = evidence.file.name
        with default_storage.open(name, "rb") as handle:
            token = handle.read()
        rotated = rotate_bytes(token)
        # Written under a new name first and switched over, then the old one removed: a write that
        # fails (disk full, object store down) leaves the old ciphertext in place, never no file.
        saved = default_storage.save(
            evidence.file.field.generate_filename(evidence, "evidence"), ContentFile(rotated)
        )
        Evidence.objects.filter(pk=evidence.pk).update(file=saved)
        default_storage.delete(name)
        files += 1
    counts["files"] = files
    return counts
