"""Reads the pages need, written once, with their joins. Every list runs a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ambassadors.models import AmbassadorProfile
from curriculum.models import Module
from curriculum.rendering import translated
from curriculum.selectors import language_chain
from workshops.models import Registration, WalkInCount, Workshop


def user_is_coordinator(user) -> bool:
    return user.is_authenticated and user.has_role("coordinator")


def ambassador_profile_of(user) -> AmbassadorProfile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.ambassador_profile
    except AmbassadorProfile.DoesNotExist:
        return None


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

PUBLIC_LIST = "workshops:public-list"
PUBLIC_LIST_SECONDS = 120


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


def public_workshop(*, pk: int) -> Workshop:
    """A workshop the public may see: published, or cancelled/completed (so old links explain themselves)."""
    return get_object_or_404(
        Workshop.objects.exclude(status=Workshop.Status.DRAFT).for_listing().prefetch_related(MODULES_USED),
        pk=pk,
    )


def modules_for_page(*, workshop: Workshop, language: str) -> list[Module]:
    """The curriculum modules a workshop uses (prefetched), each with `page_title` in the page's
    language or its fallback (sd/ps -> ur -> en), in curriculum order."""
    chain = language_chain(language)
    modules = list(workshop.modules.all())
    for module in modules:
        module.page_title = translated(module, "title", chain) or module.slug
    return modules


def coordinator_workshops(*, user):
    if not user_is_coordinator(user):
        raise Http404
    return Workshop.objects.in_scope_of(user).for_listing().order_by("-starts_at", "-pk")


def coordinator_workshop(*, user, pk: int) -> Workshop:
    """One workshop in the coordinator's scope, else 404 (never 403: existence is not disclosed)."""
    if not user_is_coordinator(user):
        raise Http404
    return get_object_or_404(
        Workshop.objects.in_scope_of(user).for_listing().prefetch_related(MODULES_USED), pk=pk
    )


def facilitated_workshop(*, user, pk: int) -> Workshop:
    """A workshop this user may run on the day: coordinators in scope, and its facilitators."""
    if user_is_coordinator(user):
        return coordinator_workshop(user=user, pk=pk)
    profile = ambassador_profile_of(user)
    if profile is None:
        raise Http404
    return get_object_or_404(
        Workshop.objects.facilitated_by(profile).for_listing().prefetch_related(MODULES_USED), pk=pk
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


def workshops_in_month(*, user, year: int, month: int):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return (
        coordinator_workshops(user=user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at", "pk")
    )


def facilitator_choices():
    return AmbassadorProfile.objects.active().select_related("user", "district")


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
    tallies: list
    knowledge_gain: float | None

    @property
    def total_present(self) -> int:
        return self.attended + self.walk_ins

    @property
    def knowledge_gain_points(self) -> float | None:
        """Average gain in percentage points of correct answers (post minus pre)."""
        return None if self.knowledge_gain is None else round(self.knowledge_gain * 100, 1)


def workshop_report(*, workshop: Workshop) -> WorkshopReport:
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
    tallies = list(workshop.quiz_tallies.order_by("module"))
    # Average gain weighted by the people who took the post-quiz.
    weighted = [(tally.gain, tally.post_participants) for tally in tallies if tally.gain is not None]
    weight = sum(people for _gain, people in weighted)
    gain = sum(g * people for g, people in weighted) / weight if weight else None
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
        tallies=tallies,
        knowledge_gain=gain,
    )
