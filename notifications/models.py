"""The delivery log: one row per message, written before the message leaves (DESIGN.md, exactly once)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("Email")


class DeliveryQuerySet(models.QuerySet):
    def in_scope_of(self, user):
        """Deliveries a coordinator may see: those in their districts. Admins also see unscoped ones."""
        from regions.models import District

        return self.filter(District.objects.scope_filter(user, field="district"))

    def pending(self):
        return self.filter(status__in=Delivery.PENDING_STATUSES)

    def for_subject(self, subject):
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
            subject_id=subject.pk,
        )

    def for_recipient(self, recipient):
        return self.filter(
            recipient_type=ContentType.objects.get_for_model(recipient, for_concrete_model=False),
            recipient_id=recipient.pk,
        )

    def for_log(self):
        return self.select_related("district", "subject_type").order_by("-created_at", "-pk")


class Delivery(models.Model):
    """One message to one recipient about one subject, on one channel.

    The row is written (status queued) before anything is sent, then claimed (sending), then marked
    sent or failed. The unique constraint makes a second scan, a second worker or a redelivered task
    unable to create or send the same message twice. `occurrence` is the event time the message is
    about: when an event is rescheduled, its reminders are due again for the new time.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Will retry")
        FAILED = "failed", _("Failed")
        UNKNOWN = "unknown", _("Interrupted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Too late, not sent")
        SKIPPED = "skipped", _("No address, not sent")

    PENDING_STATUSES = (Status.QUEUED, Status.RETRYING)
    RETRYABLE_STATUSES = (Status.FAILED, Status.UNKNOWN)
    # After these a secret text is no longer needed: the message went, or it never will.
    DONE_STATUSES = (Status.SENT, Status.WITHDRAWN, Status.EXPIRED, Status.SKIPPED)

    recipient_type = models.ForeignKey(
        ContentType, verbose_name=_("recipient type"), on_delete=models.CASCADE, related_name="+"
    )
    recipient_id = models.PositiveBigIntegerField(_("recipient id"))
    recipient = GenericForeignKey("recipient_type", "recipient_id")
    subject_type = models.ForeignKey(
        ContentType, verbose_name=_("subject type"), on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("subject_type", "subject_id")
    kind = models.CharField(_("kind"), max_length=64)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    occurrence = models.DateTimeField(_("event time"))
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    to = models.CharField(_("to"), max_length=254, blank=True)
    recipient_name = models.CharField(_("recipient"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("subject line"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    segments = models.PositiveSmallIntegerField(_("SMS segments"), default=0)
    encoding = models.CharField(_("SMS encoding"), max_length=8, blank=True)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    due_at = models.DateTimeField(_("due"))
    send_after = models.DateTimeField(_("not before"))
    expires_at = models.DateTimeField(_("useless after"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    queued_at = models.DateTimeField(_("handed to a worker"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Set when the recipient's personal data was shredded: address, name and text are then empty.
    personal_data_removed_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)
    # The text carries a secret (a signed link, a set-password link, a reference): never shown, and
    # emptied once the message has gone or will never go (`body_removed_at`).
    # db_default: rows bulk-loaded with COPY (manage.py national_data) without the column are not secret.
    sensitive = models.BooleanField(_("text carries a secret"), default=False, db_default=False)
    body_removed_at = models.DateTimeField(_("text removed"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "recipient_type",
                    "recipient_id",
                    "subject_type",
                    "subject_id",
                    "kind",
                    "channel",
                    "occurrence",
                ],
                name="delivery_once_per_recipient_subject_kind",
            )
        ]
        indexes = [
            # The scan's "ready to hand to a worker" query.
            models.Index(
                fields=["send_after"],
                name="delivery_ready_idx",
                condition=Q(status__in=["queued", "retrying"]),
            ),
            models.Index(fields=["status", "claimed_at"], name="delivery_status_claimed_idx"),
            models.Index(fields=["subject_type", "subject_id", "status"], name="delivery_subject_idx"),
            models.Index(fields=["district", "-created_at"], name="delivery_district_idx"),
            # The log's counts per status, for a coordinator's districts or everyone's: COUNT(*) read
            # from this index alone (the heap of 940,000 national deliveries took 280 ms to group).
            models.Index(fields=["district", "status"], name="delivery_district_status_idx"),
            models.Index(fields=["-created_at"], name="delivery_created_idx"),
            # The scan's "secret texts still kept after the message went" sweep.
            models.Index(
                fields=["status"],
                name="delivery_secret_kept_idx",
                condition=Q(sensitive=True, body_removed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.channel} → {self.recipient_name or self.to}"

    @property
    def reference(self) -> str:
        """Sent with the message, so a gateway (and our file backend) can tell a repeat."""
        return f"hz-{self.pk}"

    @property
    def can_retry(self) -> bool:
        return self.status in self.RETRYABLE_STATUSES


class AnnouncementQuerySet(models.QuerySet):
    def in_scope_of(self, user):
        from regions.models import District

        return self.filter(District.objects.scope_filter(user, field="district"))


class Announcement(models.Model):
    """A message a coordinator schedules to the ambassadors of a district (SMS and/or email)."""

    district = models.ForeignKey(
        "regions.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    message = models.TextField(
        _("message"),
        max_length=300,
        help_text=_("Short: an Urdu, Sindhi or Pashto SMS holds 70 characters, two hold 134."),
    )
    send_sms = models.BooleanField(_("send by SMS"), default=True)
    send_email = models.BooleanField(_("send by email"), default=True)
    send_at = models.DateTimeField(_("send at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-send_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [models.Index(fields=["send_at"], name="announcement_send_at_idx")]

    def __str__(self) -> str:
        return self.message[:60]

    @property
    def channels(self) -> list[str]:
        return [
            channel
            for channel, wanted in ((Channel.SMS, self.send_sms), (Channel.EMAIL, self.send_email))
            if wanted
        ]


class UserPhone(models.Model):
    """The mobile number a signed-in person (ambassador, coordinator) gets SMS on, and whether they want SMS.

    Registrants of workshops have their number on their registration; this is for accounts.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_phone",
    )
    phone = models.CharField(_("mobile number"), max_length=20)
    sms_enabled = models.BooleanField(_("send me SMS"), default=True)

    class Meta:
        verbose_name = _("SMS number")
        verbose_name_plural = _("SMS numbers")

    def __str__(self) -> str:
        return self.phone
