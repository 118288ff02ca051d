"""Reads the pages need, written once, with their joins. Every list runs a fixed number of queries."""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Prefetch, Q, Sum
from django.utils import timezone

from curriculum.content import fallback_notice
from curriculum.models import Module, QuizQuestion
from curriculum.rendering import translated
from curriculum.selectors import ContentLanguage, module_content_language, module_title
from facilitators.models import AmbassadorProfile
from workshops.models import (
    FacilitatorReport,
    Feedback,
    QuizResponse,
    QuizStage,
    QuizTally,
    Registration,
    WalkInCount,
    Workshop,
    WorkshopTopic,
)


@dataclass
class PublicFilters:
    district: int | None = None
    language: str = ""
    topic: str = ""
    audience: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


# The modules a detail page lists: one query for all of them, in curriculum order.
MODULES_USED = Prefetch("modules", queryset=Module.objects.order_by("topic__position", "position", "slug"))


def public_workshops(*, filters: PublicFilters | None = None):
    filters = filters or PublicFilters()
    # The public card shows no facilitator: no need to join people.
    queryset = (
        Workshop.objects.upcoming()
        .select_related("district__province")
        .prefetch_related("topic_links")
        .with_seat_counts()
    )
    if filters.district:
        queryset = queryset.filter(district_id=filters.district)
    if filters.language:
        queryset = queryset.filter(language=filters.language)
    if filters.topic:
        queryset = queryset.filter(topic_links__topic=filters.topic)
    if filters.audience:
        queryset = queryset.filter(audience=filters.audience)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=tz)
        queryset = queryset.filter(ends_at__gte=start)
    if filters.date_to:
        end = datetime.datetime.combine(
            filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        queryset = queryset.filter(starts_at__lt=end)
    return queryset.order_by("starts_at", "pk")


def public_workshop(*, pk: int) -> Workshop | None:
    """A workshop the public may see: published, or cancelled/completed (so old links explain themselves)."""
    return (
        Workshop.objects.exclude(status=Workshop.Status.DRAFT)
        .for_listing()
        .prefetch_related(MODULES_USED)
        .filter(pk=pk)
        .first()
    )


def modules_for_page(*, workshop: Workshop, language: str) -> list[Module]:
    """The curriculum modules a workshop uses (prefetched), each with `page_title` in the page's
    language or its fallback (sd/ps -> ur -> en), in curriculum order."""
    modules = list(workshop.modules.all())
    for module in modules:
        module.page_title = module_title(module, language)  # type: ignore[attr-defined]  # for the page
    return modules


def coordinator_workshops(*, user, status: str = ""):
    """Workshops in the coordinator's scope (the view checks the user is a coordinator), only those
    with `status` when it is one of Workshop.Status (anything else: all of them)."""
    workshops = Workshop.objects.in_scope_of(user).for_listing().order_by("-starts_at", "-pk")
    if status in Workshop.Status.values:
        workshops = workshops.filter(status=status)
    return workshops


EXPORT_FIELDS = (
    "pk",
    "title",
    "status",
    "starts_at",
    "ends_at",
    "district__province__name",
    "district__name",
    "town",
    "language",
    "format",
    "audience",
    "capacity",
    "confirmed_count",
    "waitlisted_count",
    "lead_facilitator__user__full_name",
    "lead_facilitator__user__email",
    "recorded_afterwards",
)


def workshop_export_rows(*, user) -> Iterator[tuple]:
    """The workshops export as tuples of EXPORT_FIELDS and then the workshop's topics: two queries
    whatever the number of rows
    (topics of the whole scope first, then one cursor over the workshops), where model instances with
    a prefetch read in chunks ran one more query per 500 rows. The view checks the user is a
    coordinator before the response starts, not inside the stream."""
    return _export_rows(Workshop.objects.in_scope_of(user))


def _export_rows(workshops) -> Iterator[tuple]:
    topics: dict[int, list[str]] = defaultdict(list)
    for workshop_id, topic in (
        WorkshopTopic.objects.filter(workshop__in=workshops.values("pk"))
        .order_by("workshop_id", "pk")
        .values_list("workshop_id", "topic")
    ):
        topics[workshop_id].append(topic)
    # The seat counts stored on each workshop (Workshop.registrations_*): counting them per row in
    # correlated subqueries took 2.5 s of the admin's export of 20,000 workshops.
    rows = (
        workshops.annotate(
            confirmed_count=F("registrations_confirmed"), waitlisted_count=F("registrations_waitlisted")
        )
        .order_by("-starts_at", "-pk")
        .values_list(*EXPORT_FIELDS)
    )
    for row in rows.iterator(chunk_size=2000):
        yield (*row, topics.get(row[0], ()))


def coordinator_workshop(*, user, pk: int) -> Workshop | None:
    """One workshop in the coordinator's scope, else None."""
    return (
        Workshop.objects.in_scope_of(user).for_listing().prefetch_related(MODULES_USED).filter(pk=pk).first()
    )


def facilitated_workshop(*, profile: AmbassadorProfile, pk: int) -> Workshop | None:
    """One workshop this ambassador leads or co-facilitates, else None."""
    return (
        Workshop.objects.facilitated_by(profile)
        .for_listing()
        .prefetch_related(MODULES_USED)
        .filter(pk=pk)
        .first()
    )


def ambassador_workshops(*, profile: AmbassadorProfile):
    return (
        Workshop.objects.facilitated_by(profile)
        .exclude(status=Workshop.Status.DRAFT)
        .select_related("district")
        .order_by("starts_at", "pk")
    )


def registrations_for(*, workshop: Workshop):
    return workshop.registrations.order_by("created_at", "pk")


def registrations_expected(*, workshop: Workshop):
    """Who may turn up: everyone registered but not cancelled (confirmed or waiting), in order."""
    return registrations_for(workshop=workshop).exclude(status=Registration.Status.CANCELLED)


def confirmed_beyond_seats(*, workshop: Workshop) -> int | None:
    """How many people are confirmed, when that is more than the workshop's seats (the coordinator cut
    them: nobody loses a confirmed place automatically); else None."""
    confirmed = workshop.confirmed_registrations().count()
    return confirmed if confirmed > workshop.capacity else None


# --- Signed links (no account) --------------------------------------------------------------------


def workshop_for_link(*, pk: int | None) -> Workshop | None:
    """The workshop a feedback or quiz link names: any but a draft. None for a link naming none."""
    if pk is None:
        return None
    return Workshop.objects.exclude(status=Workshop.Status.DRAFT).filter(pk=pk).first()


def registration_for_link(*, pk: int | None) -> Registration | None:
    """The registration a registrant's own link names, with its workshop and district."""
    if pk is None:
        return None
    return Registration.objects.select_related("workshop__district").filter(pk=pk).first()


def waitlist_position(*, registration: Registration) -> int | None:
    """Where a waiting registration stands in the queue (1: next to get a seat); None if not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return (
        registration.workshop.registrations.filter(
            status=Registration.Status.WAITLISTED, created_at__lte=registration.created_at
        )
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )


def workshop_history(*, workshop: Workshop):
    """The workshop's audit rows, newest first, with who did each (one query)."""
    return workshop.audit_entries.select_related("actor").order_by("-at", "-pk")


def workshops_in_month(*, user, year: int, month: int):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    # Only what a day's entry shows: the listing's joins, topics and seat counts cost more than the
    # page (a Sindh month holds about 300 workshops at national data).
    return (
        Workshop.objects.in_scope_of(user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .only("pk", "status", "starts_at", "title")
        .order_by("starts_at", "pk")
    )


def facilitator_choices():
    return AmbassadorProfile.objects.active().select_related("user", "district")


# --- Knowledge quiz -------------------------------------------------------------------------------

# People answer the quiz before the session from publication until its end, and the quiz after the
# session from its start until this long after its end (some answer on the way home).
QUIZ_AFTER_OPEN_FOR = datetime.timedelta(days=7)


@dataclass
class ModuleQuiz:
    """One module's quiz as a page in one language shows it: each question carries `page_text` and
    its answers, each with `page_text`, in the content language (or its fallback)."""

    module: Module
    title: str
    content: ContentLanguage
    questions: list[QuizQuestion]

    @property
    def fallback_notice(self) -> str:
        return fallback_notice(self.content)


def _is_complete(question: QuizQuestion) -> bool:
    answers = list(question.answers.all())
    return len(answers) >= 2 and sum(answer.is_correct for answer in answers) == 1


def quiz_question_count(*, module: Module) -> int:
    """How many questions the module's quiz asks (the finished ones)."""
    return sum(_is_complete(question) for question in module.quiz_questions.prefetch_related("answers"))


def workshop_quizzes(*, workshop: Workshop, language: str) -> list[ModuleQuiz]:
    """The quizzes of the modules a workshop uses, in `language` or its fallback; modules without
    questions, or without any translation that may be shown, have none. Three queries."""
    modules = workshop.modules.prefetch_related(
        Prefetch("quiz_questions", queryset=QuizQuestion.objects.prefetch_related("answers"))
    )
    quizzes = []
    for module in modules:
        # A question still being written (answers not added yet, no right one marked) is left out.
        questions = [question for question in module.quiz_questions.all() if _is_complete(question)]
        content = module_content_language(module, language)
        if not questions or content is None:
            continue
        for question in questions:
            # The page's texts, set on the instances the template reads.
            question.page_text = translated(question, "text", content.chain)  # type: ignore[attr-defined]
            question.page_answers = answers = list(question.answers.all())  # type: ignore[attr-defined]
            for answer in answers:
                answer.page_text = translated(answer, "text", content.chain)  # type: ignore[attr-defined]
        quizzes.append(
            ModuleQuiz(
                module=module,
                title=translated(module, "title", content.chain) or module.slug,
                content=content,
                questions=questions,
            )
        )
    return quizzes


def feedback_is_open(*, workshop: Workshop, now: datetime.datetime | None = None) -> bool:
    """Feedback is about a session someone attended: it opens when the workshop starts."""
    now = now or timezone.now()
    return (
        workshop.status in (Workshop.Status.PUBLISHED, Workshop.Status.COMPLETED)
        and workshop.starts_at <= now
    )


def feedback_sent_from(*, workshop: Workshop, device: str) -> bool:
    return bool(device) and Feedback.objects.filter(workshop=workshop, device=device).exists()


def quiz_tallies_by_module(*, workshop: Workshop) -> dict[int, QuizTally]:
    """The class totals of the workshop's paper quizzes, by module id."""
    return {tally.module_id: tally for tally in workshop.quiz_tallies.all()}


def quiz_is_open(*, workshop: Workshop, stage: str, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    if workshop.status not in (Workshop.Status.PUBLISHED, Workshop.Status.COMPLETED):
        return False
    if stage == QuizStage.BEFORE:
        return now < workshop.ends_at
    return workshop.starts_at <= now < workshop.ends_at + QUIZ_AFTER_OPEN_FOR


@dataclass
class QuizScore:
    """Quizzes taken at one moment (before or after): by how many people, how many answers were right
    out of how many asked."""

    on_phone: int = 0
    on_paper: int = 0
    correct: int = 0
    asked: int = 0

    @property
    def people(self) -> int:
        return self.on_phone + self.on_paper

    @property
    def share(self) -> float | None:
        return self.correct / self.asked if self.asked else None


@dataclass
class QuizResult:
    """One module's quiz in one workshop, phone answers and paper totals together."""

    workshop_id: int
    module_id: int
    topic: str
    before: QuizScore
    after: QuizScore
    title: str = ""

    @property
    def scores(self) -> tuple[QuizScore, QuizScore]:
        return self.before, self.after

    @property
    def gain(self) -> float | None:
        if self.before.share is None or self.after.share is None:
            return None
        return self.after.share - self.before.share


def quiz_results(*, condition: Q) -> list[QuizResult]:
    """Quiz results per (workshop, module) for the workshops `condition` selects (a Q on
    `workshop__...`). Two queries, whatever the number of answers."""
    results: dict[tuple[int, int], QuizResult] = {}

    def result_for(row: dict) -> QuizResult:
        key = (row["workshop_id"], row["module_id"])
        if key not in results:
            results[key] = QuizResult(
                workshop_id=row["workshop_id"],
                module_id=row["module_id"],
                topic=row["module__topic__slug"],
                before=QuizScore(),
                after=QuizScore(),
            )
        return results[key]

    keys = ["workshop_id", "module_id", "module__topic__slug"]
    for row in QuizTally.objects.filter(condition).values(
        *keys, "questions", "pre_participants", "pre_correct", "post_participants", "post_correct"
    ):
        result = result_for(row)
        for score, people, correct in (
            (result.before, row["pre_participants"], row["pre_correct"]),
            (result.after, row["post_participants"], row["post_correct"]),
        ):
            score.on_paper += people
            score.correct += correct
            score.asked += people * row["questions"]
    responses = (
        QuizResponse.objects.filter(condition)
        .values(*keys, "stage")
        .annotate(people=Count("pk"), correct=Sum("correct"), asked=Sum("questions"))
        .order_by()
    )
    for row in responses:
        result = result_for(row)
        score = result.before if row["stage"] == QuizStage.BEFORE else result.after
        score.on_phone += row["people"]
        score.correct += row["correct"]
        score.asked += row["asked"]
    return list(results.values())


def average_gain(results: list[QuizResult]) -> float | None:
    """Gain (share of right answers after minus before) averaged over modules, weighted by the people
    who took the quiz after."""
    weighted = [(result.gain, result.after.people) for result in results if result.gain is not None]
    weight = sum(people for _gain, people in weighted)
    return sum(gain * people for gain, people in weighted) / weight if weight else None


# --- Workshop report ------------------------------------------------------------------------------


def facilitator_report_of(*, workshop: Workshop) -> FacilitatorReport | None:
    return FacilitatorReport.objects.filter(workshop=workshop).first()


@dataclass
class WorkshopReport:
    registered: int
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int
    walk_ins: int
    walk_in_table: list
    feedback_count: int
    feedback_useful_average: float | None
    feedback_more_confident: int
    feedback_would_recommend: int
    quiz_results: list[QuizResult]
    knowledge_gain: float | None

    @property
    def total_present(self) -> int:
        return self.attended + self.walk_ins

    @property
    def knowledge_gain_points(self) -> float | None:
        """Average gain in percentage points of correct answers (post minus pre)."""
        return None if self.knowledge_gain is None else round(self.knowledge_gain * 100, 1)


def workshop_report(*, workshop: Workshop, language: str) -> WorkshopReport:
    counts = workshop.registrations.aggregate(
        registered=Count("pk"),
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        attended=Count("pk", filter=Q(attended=True) & ~Q(status=Registration.Status.CANCELLED)),
    )
    cells = {(cell.gender, cell.age_band): cell.count for cell in workshop.walk_ins.all()}
    walk_in_table = [
        (
            gender_label,
            [cells.get((gender, band), 0) for band in WalkInCount.AgeBand.values],
            sum(cells.get((gender, band), 0) for band in WalkInCount.AgeBand.values),
        )
        for gender, gender_label in WalkInCount.Gender.choices
    ]
    feedback = workshop.feedback.aggregate(
        count=Count("pk"),
        useful=Avg("useful"),
        more=Count("pk", filter=Q(confidence="more")),
        recommend=Count("pk", filter=Q(would_recommend=True)),
    )
    results = quiz_results(condition=Q(workshop=workshop))
    # Curriculum order; a module taken off the workshop after its quiz keeps its results.
    modules = list(Module.objects.filter(pk__in=[result.module_id for result in results]))
    order = {module.pk: number for number, module in enumerate(modules)}
    titles = {module.pk: module_title(module, language) for module in modules}
    for result in results:
        result.title = titles[result.module_id]
    results.sort(key=lambda result: order[result.module_id])
    return WorkshopReport(
        registered=counts["registered"],
        confirmed=counts["confirmed"],
        waitlisted=counts["waitlisted"],
        cancelled=counts["cancelled"],
        attended=counts["attended"],
        walk_ins=sum(cells.values()),
        walk_in_table=walk_in_table,
        feedback_count=feedback["count"],
        feedback_useful_average=feedback["useful"],
        feedback_more_confident=feedback["more"],
        feedback_would_recommend=feedback["recommend"],
        quiz_results=results,
        knowledge_gain=average_gain(results),
    )
