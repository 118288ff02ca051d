"""Workshops, their registrations and what facilitators record after the session.

Times are stored in UTC and shown in Asia/Karachi (settings.TIME_ZONE).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """The four seed topics. The values are curriculum.Topic slugs, so they can be linked later."""

    SCAMS_FRAUD = "scams-fraud", _("Scams and fraud")
    HARASSMENT_SOCIAL_MEDIA = "harassment-social-media", _("Harassment on social media")
    MISINFORMATION = "misinformation", _("Misinformation and false news")
    RIGHTS_PRIVACY = "rights-privacy", _("Rights and privacy")


class WorkshopQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Workshop.Status.PUBLISHED)

    def upcoming(self):
        return self.published().filter(ends_at__gte=timezone.now())

    def in_scope_of(self, user):
        from regions.models import District

        return self.filter(District.objects.scope_filter(user, field="district"))

    def facilitated_by(self, profile):
        return self.filter(Q(lead_facilitator=profile) | Q(co_facilitators=profile)).distinct()

    def with_seat_counts(self):
        """confirmed_count and waitlisted_count, as correlated subqueries.

        Subqueries rather than a JOIN + GROUP BY: Postgres then counts only the rows of the page
        being shown, and the pagination COUNT(*) needs no join at all.
        """

        def count_of(status: str):
            counted = (
                Registration.objects.filter(workshop=models.OuterRef("pk"), status=status)
                .order_by()
                .values("workshop")
                .annotate(total=Count("pk"))
                .values("total")
            )
            return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)

        return self.annotate(confirmed_count=count_of("confirmed"), waitlisted_count=count_of("waitlisted"))

    def registration_counts_refresh(self) -> int:
        """Recount the stored registration figures of these workshops from their registrations, in
        one UPDATE. Called in the same transaction as every change that alters them (registration,
        cancellation, promotion, attendance, bulk loads), so the impact figures read 20,000 workshop
        rows instead of aggregating 450,000 registrations (docs/impact.md, "Performance"). A recount,
        not an increment: it cannot drift, and running it twice changes nothing."""

        def count_of(**condition):
            counted = (
                Registration.objects.filter(workshop=models.OuterRef("pk"), **condition)
                .order_by()
                .values("workshop")
                .annotate(total=Count("pk"))
                .values("total")
            )
            return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)

        return self.update(
            registrations_confirmed=count_of(status=Registration.Status.CONFIRMED),
            registrations_waitlisted=count_of(status=Registration.Status.WAITLISTED),
            registrations_attended=count_of(
                status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED], attended=True
            ),
        )

    def for_listing(self):
        return (
            self.select_related("district__province", "lead_facilitator__user")
            .prefetch_related("topic_links")
            .with_seat_counts()
        )


STORED_COUNTS = ("registrations_confirmed", "registrations_waitlisted", "registrations_attended")


# The one list of what a coordinator edits on a workshop, in the order the form shows it: the form's
# fields (WorkshopForm.Meta.fields) and what workshop_create / workshop_update accept. A name here that
# is not a column of Workshop is one of RELATED_FIELDS, which the services take as their own arguments.
EDITABLE_FIELDS = (
    "title",
    "description",
    "topics",
    "language",
    "format",
    "district",
    "town",
    "address",
    "venue_kind",
    "online_details",
    "audience",
    "women_only",
    "starts_at",
    "ends_at",
    "capacity",
    "partner_organisation",
    "lead_facilitator",
    "co_facilitators",
    "modules",
)
RELATED_FIELDS = ("topics", "co_facilitators", "modules")


class Workshop(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        PHONE_IN = "phone_in", _("Phone-in")

    class VenueKind(models.TextChoices):
        SCHOOL = "school", _("School")
        COLLEGE = "college", _("College or university")
        COMMUNITY_CENTRE = "community_centre", _("Community centre")
        HEALTH_UNIT = "health_unit", _("Basic health unit")
        WOMENS_CENTRE = "womens_centre", _("Women's centre")
        UNION_COUNCIL = "union_council", _("Union council hall")
        ONLINE = "online", _("Online")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        WOMEN_GIRLS = "women_girls", _("Women and girls")
        YOUTH = "youth", _("Young people and students")
        PARENTS = "parents", _("Parents")
        TEACHERS = "teachers", _("Teachers")
        ELDERS = "elders", _("Older people")

    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language of delivery"), max_length=8, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=12, choices=Format.choices, default=Format.IN_PERSON)
    district = models.ForeignKey(
        "regions.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    town = models.CharField(_("town or village"), max_length=120)
    address = models.CharField(_("address"), max_length=255, blank=True)
    venue_kind = models.CharField(_("venue"), max_length=20, choices=VenueKind.choices)
    online_details = models.CharField(
        _("joining details"),
        max_length=255,
        blank=True,
        help_text=_("Link or phone number to join; shown only to confirmed participants."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    women_only = models.BooleanField(_("women only"), default=False)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )
    partner_organisation = models.CharField(_("partner organisation"), max_length=160, blank=True)
    lead_facilitator = models.ForeignKey(
        "facilitators.AmbassadorProfile",
        verbose_name=_("lead facilitator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_workshops",
    )
    co_facilitators = models.ManyToManyField(
        "facilitators.AmbassadorProfile",
        verbose_name=_("co-facilitators"),
        blank=True,
        related_name="co_facilitated_workshops",
    )
    modules = models.ManyToManyField(
        "curriculum.Module",
        verbose_name=_("curriculum modules used"),
        blank=True,
        related_name="workshops",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    cancellation_reason = models.CharField(_("reason for cancelling"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the place last changed after creation: the notice "new place" is sent once per change.
    place_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A session held offline and entered afterwards (workshop_record_past): never announced, never reminded.
    recorded_afterwards = models.BooleanField(_("recorded afterwards"), default=False, editable=False)
    # Set when participants' personal data has been removed (see workshops_shred_personal_data).
    personal_data_shredded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Stored counts of its registrations (not cancelled: confirmed, waiting; and of those, attended),
    # kept by WorkshopQuerySet.registration_counts_refresh in the transaction that changes them.
    registrations_confirmed = models.PositiveIntegerField(default=0, db_default=0, editable=False)
    registrations_waitlisted = models.PositiveIntegerField(default=0, db_default=0, editable=False)
    registrations_attended = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="workshop_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        """An existing workshop saved whole leaves its stored registration counts alone: the copy in
        memory may be older than a registration made since (a coordinator's edit form open while
        people register), and would write its stale counts back."""
        if (
            not self._state.adding
            and not args
            and not kwargs.get("force_insert")
            and kwargs.get("update_fields") is None
        ):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in STORED_COUNTS
            ]
        super().save(*args, **kwargs)

    @property
    def topics(self) -> list[str]:
        """Topic slugs, in the order of Topic (uses the prefetched links when there are any)."""
        chosen = {link.topic for link in self.topic_links.all()}
        return [topic for topic in Topic.values if topic in chosen]

    @property
    def topic_labels(self) -> list[str]:
        return [Topic(topic).label for topic in self.topics]

    def confirmed_registrations(self):
        return self.registrations.filter(status=Registration.Status.CONFIRMED)

    def has_free_seat(self) -> bool:
        return self.confirmed_registrations().count() < self.capacity

    @property
    def seats_left(self) -> int:
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.confirmed_registrations().count()
        return max(self.capacity - confirmed, 0)

    @property
    def is_open_for_registration(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.ends_at > timezone.now()

    @property
    def facilitators(self) -> list:
        people = [self.lead_facilitator] if self.lead_facilitator else []
        return people + [person for person in self.co_facilitators.all() if person != self.lead_facilitator]


class WorkshopTopic(models.Model):
    """One of the four seed topics a workshop covers (a slug, linkable to curriculum.Topic later)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.CharField(_("topic"), max_length=40, choices=Topic.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["workshop", "topic"], name="workshop_topic_once")]

    def __str__(self) -> str:
        return self.get_topic_display()


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=16, help_text=_("E.164, e.g. +923001234567"))
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language for messages"), max_length=8, choices=settings.LANGUAGES)
    consent = models.BooleanField(_("consent"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Creation order is the waiting-list order; pk breaks ties within the same microsecond.
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # Backstop to the service's duplicate check: one live registration per phone and workshop.
            models.UniqueConstraint(
                fields=["workshop", "phone"],
                condition=~Q(status="cancelled") & ~Q(phone=""),
                name="registration_one_live_per_phone",
            )
        ]
        indexes = [
            # Seat counts per workshop and status read from the index alone (lists, exports).
            models.Index(fields=["workshop", "status"], name="registration_workshop_status"),
        ]

    def __str__(self) -> str:
        return f"{self.workshop_id}/{self.pk}"


class WalkInCount(models.Model):
    """Anonymous head count of people who came without registering."""

    class Gender(models.TextChoices):
        WOMEN = "women", _("Women and girls")
        MEN = "men", _("Men and boys")
        OTHER = "other", _("Other or not said")

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", _("Under 18")
        AGE_18_29 = "18_29", _("18 to 29")
        AGE_30_49 = "30_49", _("30 to 49")
        AGE_50_PLUS = "50_plus", _("50 and over")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="walk_ins")
    gender = models.CharField(max_length=10, choices=Gender.choices)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    count = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(5000)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workshop", "gender", "age_band"], name="walk_in_cell_once")
        ]

    def __str__(self) -> str:
        return f"{self.workshop_id} {self.gender} {self.age_band}: {self.count}"


class QuizStage(models.TextChoices):
    BEFORE = "pre", _("Before the session")
    AFTER = "post", _("After the session")


class QuizTally(models.Model):
    """Class totals of one module's quiz taken on paper, before and after the session.

    `questions` is the number of questions the module's quiz had when the totals were entered.
    Scores are numbers of correct answers, all participants together.
    """

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="quiz_tallies")
    module = models.ForeignKey(
        "curriculum.Module", verbose_name=_("module"), on_delete=models.PROTECT, related_name="+"
    )
    questions = models.PositiveSmallIntegerField(
        _("questions in the quiz"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    pre_participants = models.PositiveIntegerField(_("people who took the quiz before"))
    pre_correct = models.PositiveIntegerField(_("correct answers before, all together"))
    post_participants = models.PositiveIntegerField(_("people who took the quiz after"))
    post_correct = models.PositiveIntegerField(_("correct answers after, all together"))
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workshop", "module"], name="quiz_tally_once_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.workshop_id} {self.module_id}"


class QuizResponse(models.Model):
    """One participant's answers to one module's quiz, given on a phone. Only the score is kept:
    no name, no phone, nothing that links the quiz before to the quiz after."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="quiz_responses")
    module = models.ForeignKey(
        "curriculum.Module", verbose_name=_("module"), on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(_("when"), max_length=4, choices=QuizStage.choices)
    questions = models.PositiveSmallIntegerField(_("questions in the quiz"))
    correct = models.PositiveSmallIntegerField(_("correct answers"))
    language = models.CharField(_("language shown"), max_length=8, choices=settings.LANGUAGES)
    # When the participant answered (kept when the answer waited in the buffer: services.quiz).
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(correct__lte=models.F("questions")), name="quiz_response_score_in_range"
            )
        ]
        indexes = [models.Index(fields=["workshop", "module", "stage"])]

    def __str__(self) -> str:
        return f"{self.workshop_id} {self.module_id} {self.stage}: {self.correct}/{self.questions}"


class Feedback(models.Model):
    """Three anonymous questions a participant answers after the session (link or QR on the handout)."""

    class Useful(models.IntegerChoices):
        NOT_USEFUL = 1, _("Not useful")
        A_LITTLE = 2, _("A little useful")
        USEFUL = 3, _("Useful")
        VERY_USEFUL = 4, _("Very useful")

    class Confidence(models.TextChoices):
        MORE = "more", _("More confident")
        SAME = "same", _("About the same")
        LESS = "less", _("Less confident")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="feedback")
    useful = models.PositiveSmallIntegerField(
        _("How useful was the session for you?"), choices=Useful.choices
    )
    confidence = models.CharField(
        _("Do you feel more confident staying safe online?"), max_length=8, choices=Confidence.choices
    )
    would_recommend = models.BooleanField(_("Would you recommend it to a friend or relative?"))
    # An HMAC of the random token the feedback page left in the phone's browser (one answer per
    # device and workshop); empty for answers recorded without a page. Says nothing about the person.
    device = models.CharField(max_length=32, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "device"], condition=~Q(device=""), name="feedback_once_per_device"
            )
        ]

    def __str__(self) -> str:
        return f"{self.workshop_id}/{self.pk}"


class FacilitatorReport(models.Model):
    workshop = models.OneToOneField(Workshop, on_delete=models.CASCADE, related_name="facilitator_report")
    notes = models.TextField(_("how the session went"), blank=True)
    issues_raised = models.TextField(_("issues participants raised"), blank=True)
    follow_ups = models.TextField(_("follow-ups needed"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return str(self.workshop_id)


class WorkshopAuditEntry(models.Model):
    """Who did what to a workshop, when, and what changed: one row per staff action, written by the
    service in the same transaction as the action (a failed action leaves none). Append-only.

    Shown to coordinators and admins on the workshop's manage page. `changes` maps a field to
    `[before, after]` as stored values (codes, ids' labels, ISO times), shown in the reader's language.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Created the workshop")
        UPDATED = "updated", _("Changed the workshop")
        RESCHEDULED = "rescheduled", _("Moved it to a new time")
        FACILITATORS = "facilitators", _("Changed the facilitators")
        PUBLISHED = "published", _("Published it")
        CANCELLED = "cancelled", _("Cancelled it")
        COMPLETED = "completed", _("Marked it completed")
        ATTENDANCE = "attendance", _("Recorded attendance")
        RECORDED_PAST = "recorded_past", _("Recorded it as a past session")
        QUIZ = "quiz", _("Entered the paper quiz totals")
        REPORT = "report", _("Saved the facilitator report")
        EXPORTED = "exported", _("Downloaded the registrations (names and phone numbers)")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("workshop history entry")
        verbose_name_plural = _("workshop history")
        indexes = [models.Index(fields=["workshop", "-at"], name="workshop_audit_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor or '-'} {self.action} {self.workshop_id}"
