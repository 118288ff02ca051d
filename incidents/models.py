"""Confidential reports ("cases"), their messages, evidence and handling, and the audit log.

What a reporter writes (narrative, contact, messages, file names and file bytes) is encrypted at
rest. Nothing about the reporter's device or connection is stored anywhere.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from incidents.fields import EncryptedTextField


class Category(models.Model):
    """What happened, as a two-level tree (scam/fraud -> fake prize, ...), with guidance."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    guidance = models.TextField(
        _("guidance"),
        blank=True,
        help_text=_("What to do right now, shown to the reporter after they report. One step per line."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)
    translations_reviewed = models.BooleanField(
        _("translations reviewed"),
        default=False,
        help_text=_("Shipped Urdu, Sindhi and Pashto texts are machine-assisted drafts that need review."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("report category")
        verbose_name_plural = _("report categories")

    def __str__(self) -> str:
        return self.name

    @property
    def guidance_steps(self) -> list[str]:
        return [line.strip() for line in (self.guidance or "").splitlines() if line.strip()]


class Contact(models.Model):
    """An emergency number or official body to report to. Numbers change: this is data, not text
    in templates. Shown after a report, for the categories it is linked to (or every category)."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency")
        REFERRAL = "referral", _("Where to report officially")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.REFERRAL)
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    categories = models.ManyToManyField(
        Category,
        verbose_name=_("categories"),
        blank=True,
        related_name="contacts",
        help_text=_("Shown for these categories (and their sub-categories); none means every report."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)
    translations_reviewed = models.BooleanField(
        _("translations reviewed"),
        default=False,
        help_text=_("Shipped Urdu, Sindhi and Pashto texts are machine-assisted drafts that need review."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("help contact")
        verbose_name_plural = _("help contacts")

    def __str__(self) -> str:
        return self.name


class ReplyTemplate(models.Model):
    """A reply handlers start from; its translated body is picked in the reporter's language."""

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("body"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations_reviewed = models.BooleanField(
        _("translations reviewed"),
        default=False,
        help_text=_("Shipped Urdu, Sindhi and Pashto texts are machine-assisted drafts that need review."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")

    def __str__(self) -> str:
        return self.title


class HandlerScope(models.Model):
    """The category scope of a case handler (their region scope lives on accounts.User).

    No categories means every category. Cases without a district go only to nationwide handlers.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("case handler"),
        on_delete=models.CASCADE,
        related_name="handler_scope",
    )
    categories = models.ManyToManyField(
        Category,
        verbose_name=_("categories"),
        blank=True,
        related_name="+",
        help_text=_("Limits the handler to these categories and their sub-categories; none means all."),
    )
    nationwide = models.BooleanField(
        _("nationwide"),
        default=False,
        help_text=_("Sees cases from every district, and cases whose district is not known."),
    )

    class Meta:
        verbose_name = _("handler scope")
        verbose_name_plural = _("handler scopes")

    def __str__(self) -> str:
        return str(self.user)


@dataclass(frozen=True)
class CaseScope:
    """Where a staff user acts, as ids: what Case.objects.visible_to filters on and the queue's district
    filter offers. Read by `case_scope_of`; the queue keeps it in worker memory (selectors.handler_scope)."""

    district_ids: tuple[int, ...]  # regions' in_scope_of: chosen districts, else the whole province
    nationwide: bool  # every district, and cases whose district is not known
    category_ids: tuple[int, ...]  # none: every category


def case_scope_of(user) -> CaseScope:
    """The user's scope from the database: their districts (one or two queries), their HandlerScope
    and its categories (one or two)."""
    from regions.models import District

    district_ids = tuple(District.objects.in_scope_of(user).values_list("pk", flat=True))
    scope = HandlerScope.objects.filter(user=user).first() if user.is_authenticated else None
    if scope is None:
        return CaseScope(district_ids=district_ids, nationwide=False, category_ids=())
    return CaseScope(
        district_ids=district_ids,
        nationwide=scope.nationwide,
        category_ids=tuple(scope.categories.values_list("pk", flat=True)),
    )


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user, scope: CaseScope | None = None):
        """Cases a staff user may open: admins all; case handlers by region and category.
        `scope`: the user's case_scope_of if already read."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_admin:
            return self
        if user.role != user.Role.CASE_HANDLER:
            return self.none()
        if scope is None:
            scope = case_scope_of(user)
        # Ids resolved first: the planner then knows how many districts it is matching.
        queryset = self if scope.nationwide else self.filter(district_id__in=scope.district_ids)
        if scope.category_ids:
            queryset = queryset.filter(
                Q(category_id__in=scope.category_ids) | Q(category__parent_id__in=scope.category_ids)
            )
        return queryset

    def open(self):
        return self.exclude(status=Case.Status.CLOSED)


class Case(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIAGE = "triage", _("In triage")
        ADVISED = "advised", _("Advised")
        REFERRED = "referred", _("Referred")
        CLOSED = "closed", _("Closed")

    # The workflow: new -> in triage -> advised / referred -> closed (a closed case may reopen).
    TRANSITIONS = {
        Status.NEW: {Status.TRIAGE, Status.CLOSED},
        Status.TRIAGE: {Status.ADVISED, Status.REFERRED, Status.CLOSED},
        Status.ADVISED: {Status.REFERRED, Status.TRIAGE, Status.CLOSED},
        Status.REFERRED: {Status.ADVISED, Status.TRIAGE, Status.CLOSED},
        Status.CLOSED: {Status.TRIAGE},
    }

    class Channel(models.TextChoices):
        WHATSAPP = "whatsapp", _("WhatsApp")
        FACEBOOK = "facebook", _("Facebook")
        TIKTOK = "tiktok", _("TikTok")
        INSTAGRAM = "instagram", _("Instagram")
        SMS = "sms", _("SMS text message")
        CALL = "call", _("Phone call")
        WALLET = "wallet", _("Easypaisa / JazzCash")
        OTHER = "other", _("Other")

    class When(models.TextChoices):
        TODAY = "today", _("Today")
        WEEK = "week", _("In the last 7 days")
        MONTH = "month", _("In the last month")
        EARLIER = "earlier", _("More than a month ago")
        ONGOING = "ongoing", _("It is still happening")

    code = models.CharField(_("case code"), max_length=16, unique=True)
    secret_hash = models.CharField(max_length=200, editable=False)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("platform or channel"), max_length=12, choices=Channel.choices)
    when = models.CharField(_("when"), max_length=12, choices=When.choices)
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    money_lost_pkr = models.PositiveBigIntegerField(_("money lost (PKR)"), null=True, blank=True)
    immediate_danger = models.BooleanField(_("someone was in immediate danger"), default=False)
    narrative = EncryptedTextField(_("what happened"))
    contact = EncryptedTextField(_("contact details"), blank=True)
    contact_consent = models.BooleanField(_("agreed to be contacted"), default=False)
    language = models.CharField(_("reporter's language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last activity"), auto_now=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    alerted_at = models.DateTimeField(_("handlers alerted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="case_status_created"),
            models.Index(fields=["district", "-created_at"], name="case_district_created"),
            models.Index(fields=["category", "-created_at"], name="case_category_created"),
            models.Index(fields=["-created_at", "-id"], name="case_created"),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.code

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.Status(self.status), set())


class Message(models.Model):
    """A message between the reporter and the handlers, visible to both."""

    class Author(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        HANDLER = "handler", _("Case handler")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=10, choices=Author.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = EncryptedTextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:  # never the body: a str() may end up in a log
        return f"message {self.pk} on case {self.case_id}"


class Note(models.Model):
    """An internal note between handlers; the reporter never sees it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on case {self.case_id}"


def evidence_path(instance, filename: str) -> str:
    return f"incidents/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """An uploaded file. The stored file holds only ciphertext under a random name; the original
    file name is encrypted in the database. Images were re-encoded without metadata first."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    name = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=evidence_path, max_length=200)
    from_reporter = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"file {self.pk} on case {self.case_id}"


class Referral(models.Model):
    """Who a case was referred to, when, by whom."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Encrypted like the case: the name of a person or a small organisation can identify the reporter.
    to_whom = EncryptedTextField(_("to whom"), blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    referred_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["referred_at", "pk"]

    def __str__(self) -> str:
        return f"referral {self.pk} on case {self.case_id}"

    @property
    def recipient(self) -> str:
        return self.to_whom or (self.contact.name if self.contact else "")


class AuditEntry(models.Model):
    """Who did what to which case, when. Append-only: read-only in the admin, never edited.

    The case is kept by id and code, not a foreign key, so the trail outlives a purged case.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed the case")
        EVIDENCE = "evidence", _("Opened a file")
        EXPORT = "export", _("Exported the case")
        ASSIGN = "assign", _("Assigned")
        STATUS = "status", _("Changed status")
        NOTE = "note", _("Added an internal note")
        REPLY = "reply", _("Replied to the reporter")
        REFERRAL = "referral", _("Recorded a referral")
        DELETE = "delete", _("Deleted the case")
        PURGE = "purge", _("Purged after retention")
        ALERT = "alert", _("Alerted handlers")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    case_id_ref = models.BigIntegerField(_("case id"), db_index=True)
    case_code = models.CharField(_("case code"), max_length=16)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    # Encrypted like the case: it can hold a referral's recipient or the reason a case was deleted.
    detail = EncryptedTextField(_("detail"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor or '-'} {self.action} {self.case_code}"


class MonthlyTally(models.Model):
    """Anonymised counts (category x district x month), written at submission and kept after a
    case is purged, for trends. Shown only with cells under 5 suppressed."""

    month = models.DateField()
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "regions.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "category", "district"],
                name="tally_unique_cell",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.category_id} {self.district_id}: {self.count}"
