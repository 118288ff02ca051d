"""Reads the ambassadors pages need, written once with their joins. Lists run a fixed number of queries."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from ambassadors.models import (
    Application,
    Certificate,
    Enrolment,
    Question,
    QuizAttempt,
    StepProgress,
    TrackStep,
)
from ambassadors.models.certificates import CODE_LENGTH
from ambassadors.models.codes import normalise_code
from common.queries import json_list_has
from curriculum.models import TranslationStatus
from facilitators.models import AmbassadorProfile
from facilitators.selectors import ambassador_profile_of
from workshops.models import Registration, WalkInCount, Workshop

# --- Training progress ----------------------------------------------------------------------------


@dataclass
class StepState:
    step: TrackStep
    state: str  # completed, waiting, returned, open, locked
    progress: StepProgress | None = None
    missing: list[TrackStep] = field(default_factory=list)

    @property
    def is_actionable(self) -> bool:
        return self.state in ("open", "returned")


@dataclass
class TrackState:
    enrolment: Enrolment
    steps: list[StepState]

    @property
    def completed(self) -> int:
        return sum(1 for item in self.steps if item.state == "completed")

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0

    @property
    def next_step(self) -> StepState | None:
        return next((item for item in self.steps if item.is_actionable), None)


def _enrolments(profile: AmbassadorProfile):
    return (
        Enrolment.objects.filter(profile=profile)
        .select_related("track")
        .prefetch_related(
            Prefetch(
                "track__steps",
                queryset=TrackStep.objects.select_related("module", "quiz").prefetch_related("prerequisites"),
            ),
            Prefetch("progress", queryset=StepProgress.objects.select_related("workshop")),
        )
    )


def track_state(enrolment: Enrolment) -> TrackState:
    progress = {item.step_id: item for item in enrolment.progress.all()}
    done = {step_id for step_id, item in progress.items() if item.status == StepProgress.Status.COMPLETED}
    states = []
    for step in enrolment.track.steps.all():
        item = progress.get(step.pk)
        missing = [prerequisite for prerequisite in step.prerequisites.all() if prerequisite.pk not in done]
        if item is not None and item.status == StepProgress.Status.COMPLETED:
            state = "completed"
        elif item is not None and item.status == StepProgress.Status.WAITING:
            state = "waiting"
        elif missing:
            state = "locked"
        elif item is not None and item.status == StepProgress.Status.RETURNED:
            state = "returned"
        else:
            state = "open"
        states.append(StepState(step=step, state=state, progress=item, missing=missing))
    return TrackState(enrolment=enrolment, steps=states)


def track_states(*, profile: AmbassadorProfile) -> list[TrackState]:
    """Every enrolment with each step's state (four queries whatever the number of steps)."""
    return [track_state(enrolment) for enrolment in _enrolments(profile)]


def enrolment_step(
    *, profile: AmbassadorProfile, step_id: int
) -> tuple[Enrolment, TrackStep, StepState] | None:
    """A step of a track the ambassador is enrolled in, else None."""
    for enrolment in _enrolments(profile):
        state = track_state(enrolment)
        for item in state.steps:
            if item.step.pk == step_id:
                return enrolment, item.step, item
    return None


# --- The ambassador's dashboard -------------------------------------------------------------------


def upcoming_facilitated(*, profile: AmbassadorProfile, limit: int = 5) -> list[Workshop]:
    return list(
        Workshop.objects.upcoming()
        .facilitated_by(profile)
        .select_related("district", "lead_facilitator__user")
        .order_by("starts_at")[:limit]
    )


@dataclass(frozen=True)
class Reach:
    workshops_led: int
    workshops_co_facilitated: int
    people_trained: int


def reach_of(*, profile: AmbassadorProfile) -> Reach:
    """People trained: registrants marked present plus walk-ins, in completed workshops they led or
    co-facilitated (each workshop counted once)."""
    completed = Workshop.objects.filter(status=Workshop.Status.COMPLETED)
    facilitated_ids = list(completed.facilitated_by(profile).values_list("pk", flat=True))
    led = completed.filter(lead_facilitator=profile).count()
    present = Registration.objects.filter(workshop_id__in=facilitated_ids, attended=True).count()
    walk_ins = (
        WalkInCount.objects.filter(workshop_id__in=facilitated_ids).aggregate(total=Sum("count"))["total"]
        or 0
    )
    return Reach(
        workshops_led=led,
        workshops_co_facilitated=len(facilitated_ids) - led,
        people_trained=present + walk_ins,
    )


def materials_for(*, profile: AmbassadorProfile, limit: int = 12):
    from curriculum.models import Material

    languages = profile.languages or [profile.user.language]
    published_somewhere = Q()
    for code in (code for code, _name in settings.LANGUAGES):
        published_somewhere |= Q(**{f"module__status_{code}": TranslationStatus.PUBLISHED})
    return list(
        Material.objects.filter(published_somewhere, language__in=languages)
        .select_related("module")
        .order_by("module__topic__position", "module__position", "language", "position")[:limit]
    )


# --- Confirmations --------------------------------------------------------------------------------


def confirmations_for(*, user):
    """Practicum steps this person may confirm: co-facilitation of workshops they led; leading under a
    mentor, for master trainers who led that workshop or mentor the trainee. Admins: all."""
    queryset = StepProgress.objects.filter(status=StepProgress.Status.WAITING).select_related(
        "step", "workshop__district", "enrolment__profile__user", "enrolment__track"
    )
    if user.is_authenticated and user.is_admin:
        return queryset.order_by("submitted_at")
    profile = ambassador_profile_of(user)
    if profile is None:
        return queryset.none()
    condition = Q(step__kind=TrackStep.Kind.COFACILITATE_WORKSHOP, workshop__lead_facilitator=profile)
    if profile.is_master_trainer:
        condition |= Q(step__kind=TrackStep.Kind.LEAD_UNDER_MENTOR) & (
            Q(workshop__lead_facilitator=profile) | Q(enrolment__profile__mentor=profile)
        )
    return queryset.filter(condition).exclude(enrolment__profile=profile).order_by("submitted_at")


# --- Quizzes --------------------------------------------------------------------------------------


def quiz_language(quiz, language: str) -> tuple[str, bool]:
    """(language to show the quiz in, whether that translation is still unreviewed).

    The curriculum's rule (DESIGN.md, Languages; curriculum.selectors.content_language): the reader's
    own language whenever it has text and is not a draft, "needs review" included (with a notice),
    else the first such fallback (sd/ps -> ur -> en). English when none may be shown."""
    from curriculum.selectors import content_language

    content = content_language(
        language=language,
        status_of=quiz.status_in,
        has_text=lambda code: bool(getattr(quiz, f"title_{code}", "")),
    )
    if content is None:
        return "en", quiz.status_en != TranslationStatus.PUBLISHED
    return content.shown, content.unreviewed


@dataclass
class ShownQuestion:
    question: Question
    text: str
    choices: list[tuple[int, str]]
    chosen: int | None = None
    explanation: str = ""


def attempt_questions(
    *, attempt: QuizAttempt, language: str, answers: dict | None = None
) -> list[ShownQuestion]:
    """The try's questions in its shuffled order, text in `language` (an empty field is read along
    its fallback chain, sd/ps -> ur -> en, as on the curriculum's pages)."""
    from curriculum.rendering import translated
    from curriculum.selectors import language_chain

    chain = language_chain(language)
    question_ids = [question_id for question_id, _choices in attempt.order]
    questions = {
        question.pk: question
        for question in Question.objects.filter(pk__in=question_ids).prefetch_related("choices")
    }
    answers = answers if answers is not None else attempt.answers

    def text(obj, name):
        return translated(obj, name, chain)

    shown = []
    for question_id, choice_ids in attempt.order:
        question = questions.get(question_id)
        if question is None:
            continue
        choices = {choice.pk: choice for choice in question.choices.all()}
        chosen = answers.get(str(question_id))
        shown.append(
            ShownQuestion(
                question=question,
                text=text(question, "text"),
                choices=[
                    (choice_id, text(choices[choice_id], "text"))
                    for choice_id in choice_ids
                    if choice_id in choices
                ],
                explanation=text(question, "explanation"),
                chosen=int(chosen) if chosen is not None and str(chosen).isdigit() else None,
            )
        )
    return shown


# --- Coordinators: applications and directory -----------------------------------------------------


@dataclass
class ApplicationFilters:
    status: str = Application.Status.PENDING
    district: int | None = None
    language: str = ""
    background: str = ""


def coordinator_applications(*, user, filters: ApplicationFilters | None = None):
    """Applications in the coordinator's scope (the view checks the user is a coordinator)."""
    filters = filters or ApplicationFilters()
    queryset = Application.objects.in_scope_of(user).select_related("district__province", "province")
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.district:
        queryset = queryset.filter(district_id=filters.district)
    if filters.language:
        queryset = queryset.filter(
            json_list_has("languages_taught", filters.language)
            | json_list_has("languages_spoken", filters.language)
        )
    if filters.background:
        queryset = queryset.filter(background=filters.background)
    return queryset.order_by("created_at", "pk")


def coordinator_application(*, user, pk: int) -> Application | None:
    """One application in the coordinator's scope, else None."""
    return (
        Application.objects.in_scope_of(user)
        .select_related("district__province", "province", "decided_by", "profile__user")
        .filter(pk=pk)
        .first()
    )


@dataclass
class DirectoryFilters:
    district: int | None = None
    language: str = ""
    level: str = ""
    background: str = ""
    availability: str = ""
    query: str = ""


def _completed_led_count():
    """Workshops led and completed, as a correlated subquery: Postgres counts only the rows of the
    page shown, and the pagination COUNT(*) needs no join (as workshops' with_seat_counts does)."""
    counted = (
        Workshop.objects.filter(lead_facilitator=OuterRef("pk"), status=Workshop.Status.COMPLETED)
        .order_by()
        .values("lead_facilitator")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def directory(*, user, filters: DirectoryFilters | None = None):
    """Ambassadors whose district is in the coordinator's scope (admins: everyone)."""
    filters = filters or DirectoryFilters()
    queryset = (
        AmbassadorProfile.objects.in_scope_of(user)
        .exclude(level=AmbassadorProfile.Level.APPLICANT)
        .select_related("user", "district__province", "mentor__user")
        .annotate(led_count=_completed_led_count())
    )
    if filters.district:
        queryset = queryset.filter(district_id=filters.district)
    if filters.language:
        queryset = queryset.filter(json_list_has("languages", filters.language))
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.background:
        queryset = queryset.filter(background=filters.background)
    if filters.availability:
        queryset = queryset.filter(json_list_has("availability", filters.availability))
    if filters.query:
        queryset = queryset.filter(
            Q(user__full_name__icontains=filters.query) | Q(organisation__icontains=filters.query)
        )
    return queryset.order_by("user__full_name", "pk")


def directory_profile(*, user, pk: int) -> AmbassadorProfile | None:
    """One ambassador in the coordinator's scope, else None."""
    return (
        AmbassadorProfile.objects.in_scope_of(user)
        .select_related("user", "district__province", "mentor__user")
        .filter(pk=pk)
        .first()
    )


def tracks_to_enrol(*, profile: AmbassadorProfile):
    from ambassadors.models import Track

    return Track.objects.active().exclude(enrolments__profile=profile)


def mentor_choices(*, profile: AmbassadorProfile):
    """Master trainers who could mentor this trainee: same province, else anyone active."""
    queryset = (
        AmbassadorProfile.objects.master_trainers().exclude(pk=profile.pk).select_related("user", "district")
    )
    if profile.district is not None:
        queryset = queryset.filter(district__province_id=profile.district.province_id)
    return queryset


# --- Certificates ---------------------------------------------------------------------------------


def certificate_by_code(code: str) -> Certificate | None:
    normalised = normalise_code(code, prefix="HZ", length=CODE_LENGTH)
    if not normalised or len(normalised) > 16:
        return None
    return Certificate.objects.select_related("track").filter(code=normalised).first()
