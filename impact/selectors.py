"""The figures behind the impact pages, computed by the database.

Every figure is an aggregate query (COUNT/SUM ... GROUP BY) over a few columns; Python only merges
the grouped rows (at most districts x languages x audiences of them), so the number of queries and
the work done here do not grow with the number of registrations or reports. Figures are raw here:
suppression of small cells happens where they are shown (impact.tables), for pages and exports alike.

Definitions (docs/impact.md explains them to readers):
- a workshop is *held* when it was published or completed (not draft, not cancelled) and started
  within the period (and before now);
- *registered*: registrations for held workshops that were not cancelled (waiting list included);
- *attended*: registrations ticked present; *walk-ins*: the anonymous head counts;
  *people reached* = attended + walk-ins;
- *women reached*: women and girls in walk-in counts plus those who attended women-only workshops
  (registration does not ask for gender, so this is a floor, not an estimate);
- an ambassador is *active* when they led or co-facilitated a held workshop in the period;
- *knowledge gain*: post-quiz share of correct answers minus pre-quiz share, in percentage points,
  per workshop and module (phone answers and paper totals together), averaged weighted by the
  people who took the post-quiz. This one figure is merged per (workshop, module) in Python,
  because a share is not additive: two grouped queries, rows as many as modules quizzed;
- incident reports come from incidents.MonthlyTally (kept after cases are purged), counted by
  month and rolled up to top-level categories.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from facilitators.models import AmbassadorProfile
from incidents.models import Category, MonthlyTally
from regions.models import District, Province
from workshops.models import Feedback, WalkInCount, Workshop, WorkshopTopic
from workshops.selectors import quiz_results

HELD_STATUSES = (Workshop.Status.PUBLISHED, Workshop.Status.COMPLETED)
GAP_WINDOW_DAYS = 90


# --- What is being looked at ---------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """A period and a set of districts. `district_ids` None means everywhere (admins, public page)."""

    start: datetime.date | None
    end: datetime.date
    district_ids: tuple[int, ...] | None = None
    # Region tables group by province when the selection spans several provinces.
    by_province: bool = False

    @property
    def start_at(self) -> datetime.datetime | None:
        if self.start is None:
            return None
        return datetime.datetime.combine(self.start, datetime.time.min, tzinfo=_tz())

    @property
    def end_at(self) -> datetime.datetime:
        """The first moment after the period (its end date is included), never later than now."""
        end = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=_tz()
        )
        return min(end, timezone.now())


def _tz():
    return timezone.get_default_timezone()


def scope_district_ids(user) -> tuple[int, ...] | None:
    """Districts a staff user's figures may include; None for admins (everywhere)."""
    if user.is_admin:
        return None
    return tuple(District.objects.in_scope_of(user).values_list("pk", flat=True))


def selection_for(
    *,
    user,
    start: datetime.date | None,
    end: datetime.date,
    province: Province | None = None,
    district: District | None = None,
) -> Selection:
    """The user's scope narrowed by the chosen province or district (forms check they are in scope)."""
    ids = scope_district_ids(user)
    chosen: tuple[int, ...] | None
    if district is not None:
        chosen = (district.pk,)
    elif province is not None:
        chosen = tuple(District.objects.filter(province=province).values_list("pk", flat=True))
    else:
        chosen = None
    if chosen is not None:
        ids = chosen if ids is None else tuple(pk for pk in ids if pk in set(chosen))
    by_province = ids is None
    return Selection(start=start, end=end, district_ids=ids, by_province=by_province)


# --- The figures ---------------------------------------------------------------------------------


@dataclass
class Reach:
    workshops: int = 0
    registered: int = 0
    attended: int = 0
    walk_ins: int = 0
    women: int = 0

    @property
    def people(self) -> int:
        return self.attended + self.walk_ins

    def add(self, other: "Reach") -> None:
        self.workshops += other.workshops
        self.registered += other.registered
        self.attended += other.attended
        self.walk_ins += other.walk_ins
        self.women += other.women


@dataclass
class Gain:
    weighted_gain: float = 0.0  # sum of gain x post-quiz participants
    weight: int = 0  # post-quiz participants

    @property
    def points(self) -> float | None:
        """Average gain in percentage points, or None without any quiz."""
        return None if not self.weight else round(self.weighted_gain / self.weight * 100, 1)


@dataclass
class FeedbackScores:
    responses: int = 0
    useful_total: int = 0
    more_confident: int = 0
    would_recommend: int = 0

    @property
    def useful_average(self) -> float | None:
        return None if not self.responses else round(self.useful_total / self.responses, 1)

    @property
    def more_confident_share(self) -> float | None:
        return None if not self.responses else round(self.more_confident * 100 / self.responses, 1)

    @property
    def would_recommend_share(self) -> float | None:
        return None if not self.responses else round(self.would_recommend * 100 / self.responses, 1)


@dataclass
class AmbassadorCounts:
    total: int = 0
    active: int = 0


@dataclass
class GapRow:
    """A district, its incident reports in the last three months and the three before, and its
    workshops in the last 90 days."""

    district_id: int
    recent_reports: int
    earlier_reports: int
    recent_workshops: int
    not_reached: bool  # rising reports, few workshops: listed first


@dataclass
class Figures:
    selection: Selection
    total: Reach
    districts_reached: int
    # Region key: district id, or province id when selection.by_province.
    by_region: dict[int | None, Reach]
    by_topic: dict[str, Reach]
    by_language: dict[str, Reach]
    by_audience: dict[str, Reach]
    ambassadors_by_level: dict[str, AmbassadorCounts]
    ambassadors_by_region: dict[int | None, AmbassadorCounts]
    ambassadors: AmbassadorCounts
    gain: Gain
    gain_by_topic: dict[str, Gain]
    feedback: FeedbackScores
    feedback_by_region: dict[int | None, FeedbackScores]
    # Incident reports, top-level category id -> count; (category, region) -> count; (category, month).
    reports_by_category: dict[int, int]
    reports_by_category_region: dict[tuple[int, int | None], int]
    reports_by_category_month: dict[tuple[int, datetime.date], int]
    categories: dict[int, str]
    gaps: list[GapRow]
    district_names: dict[int, str] = field(default_factory=dict)
    district_province: dict[int, int] = field(default_factory=dict)
    province_names: dict[int, str] = field(default_factory=dict)
    # Curriculum downloads per language of the material (all time, everywhere: see _downloads_by_language).
    downloads_by_language: dict[str, int] | None = None

    def region_name(self, key: int | None) -> str:
        from django.utils.translation import gettext as _

        if key is None:
            return _("District not known")
        names = self.province_names if self.selection.by_province else self.district_names
        return names.get(key, "")


def _in_districts(selection: Selection, path: str) -> Q:
    if selection.district_ids is None:
        return Q()
    return Q(**{f"{path}__in": selection.district_ids})


def _held(selection: Selection, prefix: str = "") -> Q:
    """Held workshops of the selection, as a filter for Workshop (prefix "") or a related model."""
    q = Q(**{f"{prefix}status__in": HELD_STATUSES, f"{prefix}starts_at__lt": selection.end_at})
    if selection.start_at is not None:
        q &= Q(**{f"{prefix}starts_at__gte": selection.start_at})
    return q & _in_districts(selection, f"{prefix}district_id")


GRAIN = ("district_id", "language", "audience", "women_only")


def _reach(selection: Selection) -> tuple[dict[tuple, Reach], dict[str, Reach]]:
    """Reach per (district, language, audience, women only), and per topic, in four queries.

    Registrations are the big table (450,000 in a national year): counting them here cost 270 ms of
    the admin's dashboard, so each workshop stores its counts (Workshop.registrations_*, kept in the
    transaction of every registration, cancellation and attendance change) and these queries add up
    workshop rows. A workshop on two topics counts in both (the topics do not add up to the total)."""
    registered = Sum(F("registrations_confirmed") + F("registrations_waitlisted"))
    rows: dict[tuple, Reach] = defaultdict(Reach)
    for row in (
        Workshop.objects.filter(_held(selection))
        .values(*GRAIN)
        .annotate(workshops=Count("pk"), registered=registered, attended=Sum("registrations_attended"))
        .order_by()
    ):
        reach = rows[tuple(row[key] for key in GRAIN)]
        reach.workshops = row["workshops"]
        reach.registered = row["registered"] or 0
        reach.attended = row["attended"] or 0
        if row["women_only"]:
            reach.women += reach.attended
    topics: dict[str, Reach] = defaultdict(Reach)
    for row in (
        WorkshopTopic.objects.filter(_held(selection, "workshop__"))
        .values("topic")
        .annotate(
            workshops=Count("workshop_id"),
            registered=Sum(F("workshop__registrations_confirmed") + F("workshop__registrations_waitlisted")),
            attended=Sum("workshop__registrations_attended"),
        )
        .order_by()
    ):
        reach = topics[row["topic"]]
        reach.workshops = row["workshops"]
        reach.registered = row["registered"] or 0
        reach.attended = row["attended"] or 0
    grain = [f"workshop__{key}" for key in GRAIN]
    walk_ins = (
        WalkInCount.objects.filter(_held(selection, "workshop__"))
        .values(*grain)
        .annotate(total=Sum("count"), women=Sum("count", filter=Q(gender=WalkInCount.Gender.WOMEN)))
        .order_by()
    )
    for row in walk_ins:
        reach = rows[tuple(row[key] for key in grain)]
        reach.walk_ins = row["total"] or 0
        women = row["women"] or 0
        # At a women-only workshop every walk-in is counted once, whatever gender was ticked.
        reach.women += reach.walk_ins if row["workshop__women_only"] else women
    for row in (
        WalkInCount.objects.filter(_held(selection, "workshop__"))
        .values("workshop__topic_links__topic")
        .annotate(total=Sum("count"))
        .order_by()
    ):
        if row["workshop__topic_links__topic"]:
            topics[row["workshop__topic_links__topic"]].walk_ins = row["total"] or 0
    return rows, dict(topics)


def _ambassadors(selection: Selection) -> list[dict]:
    # Active: facilitated a held workshop in the period, wherever it was.
    # Two EXISTS, not one over an OR of both relations: the OR joins the co-facilitator table into
    # every probe and cannot use either index (2.3 M buffer hits per dashboard at national data,
    # against milliseconds for the pair).
    anywhere = Selection(start=selection.start, end=selection.end)
    led = Workshop.objects.filter(_held(anywhere), lead_facilitator=OuterRef("pk"))
    co_led = Workshop.co_facilitators.through.objects.filter(
        _held(anywhere, "workshop__"), ambassadorprofile_id=OuterRef("pk")
    )
    return list(
        AmbassadorProfile.objects.filter(user__is_active=True)
        .filter(_in_districts(selection, "district_id"))
        .annotate(led=Exists(led), co_led=Exists(co_led))
        .values("district_id", "level")
        .annotate(total=Count("pk"), active=Count("pk", filter=Q(led=True) | Q(co_led=True)))
        .order_by()
    )


def _gain_by_topic(selection: Selection) -> dict[str, Gain]:
    gains: dict[str, Gain] = defaultdict(Gain)
    for result in quiz_results(condition=_held(selection, "workshop__")):
        if result.gain is not None and result.after.people:
            gains[result.topic].weighted_gain += result.gain * result.after.people
            gains[result.topic].weight += result.after.people
    return dict(gains)


def _feedback_by_district(selection: Selection) -> dict[int, FeedbackScores]:
    rows = (
        Feedback.objects.filter(_held(selection, "workshop__"))
        .values("workshop__district_id")
        .annotate(
            responses=Count("pk"),
            useful_total=Sum("useful"),
            more=Count("pk", filter=Q(confidence=Feedback.Confidence.MORE)),
            recommend=Count("pk", filter=Q(would_recommend=True)),
        )
        .order_by()
    )
    return {
        row["workshop__district_id"]: FeedbackScores(
            responses=row["responses"],
            useful_total=row["useful_total"] or 0,
            more_confident=row["more"],
            would_recommend=row["recommend"],
        )
        for row in rows
    }


def _month(date: datetime.date) -> datetime.date:
    return date.replace(day=1)


def _months_back(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def _tallies(selection: Selection):
    queryset = MonthlyTally.objects.filter(
        _in_districts(selection, "district_id"), month__lte=_month(selection.end)
    )
    if selection.start is not None:
        queryset = queryset.filter(month__gte=_month(selection.start))
    return queryset.annotate(top=Coalesce("category__parent_id", "category_id"))


def _gaps(selection: Selection, today: datetime.date) -> tuple[list[dict], dict[int, int]]:
    """Reports per district in the last three calendar months (this one included) and the three
    before; held workshops per district in the last 90 days. Two queries."""
    this_month = _month(today)
    recent_from, earlier_from = _months_back(this_month, 2), _months_back(this_month, 5)
    reports = list(
        MonthlyTally.objects.filter(
            _in_districts(selection, "district_id"), district__isnull=False, month__gte=earlier_from
        )
        .values("district_id")
        .annotate(
            recent=Sum("count", filter=Q(month__gte=recent_from)),
            earlier=Sum("count", filter=Q(month__lt=recent_from)),
        )
        .order_by()
    )
    now = timezone.now()
    window = Selection(start=None, end=today, district_ids=selection.district_ids)
    workshops = dict(
        Workshop.objects.filter(_held(window), starts_at__gte=now - datetime.timedelta(days=GAP_WINDOW_DAYS))
        .values("district_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("district_id", "n")
    )
    return reports, workshops


def _gap_rows(reports: list[dict], workshops: dict[int, int]) -> list[GapRow]:
    threshold = settings.IMPACT_FEW_WORKSHOPS
    from impact.suppression import THRESHOLD

    by_district = {row["district_id"]: row for row in reports}
    rows = []
    for district_id in by_district.keys() | workshops.keys():
        report = by_district.get(district_id, {})
        recent, earlier = report.get("recent") or 0, report.get("earlier") or 0
        held = workshops.get(district_id, 0)
        # Only a rise that can be shown (at least 5 recent reports) is called one: smaller numbers
        # would be suppressed anyway, and are noise.
        rising = recent >= THRESHOLD and recent > earlier
        rows.append(
            GapRow(
                district_id=district_id,
                recent_reports=recent,
                earlier_reports=earlier,
                recent_workshops=held,
                not_reached=rising and held < threshold,
            )
        )
    rows.sort(
        key=lambda row: (
            not row.not_reached,
            -(row.recent_reports - row.earlier_reports),
            -row.recent_reports,
        )
    )
    return rows


def impact_figures(*, selection: Selection, today: datetime.date | None = None) -> Figures:
    """Every figure of the dashboard for a selection, in a fixed number of queries, whatever the data size."""
    today = today or timezone.localdate()
    grain, by_topic = _reach(selection)
    districts: dict[int, Reach] = defaultdict(Reach)
    by_language: dict[str, Reach] = defaultdict(Reach)
    by_audience: dict[str, Reach] = defaultdict(Reach)
    total = Reach()
    for (district_id, language, audience, _women_only), reach in grain.items():
        for bucket in (districts[district_id], by_language[language], by_audience[audience], total):
            bucket.add(reach)

    ambassador_rows = _ambassadors(selection)
    gain_by_topic = _gain_by_topic(selection)
    gain = Gain(
        weighted_gain=sum(g.weighted_gain for g in gain_by_topic.values()),
        weight=sum(g.weight for g in gain_by_topic.values()),
    )
    feedback_by_district = _feedback_by_district(selection)

    tallies = _tallies(selection)
    by_category_district = {
        (row["top"], row["district_id"]): row["total"]
        for row in tallies.values("top", "district_id").annotate(total=Sum("count")).order_by()
    }
    by_category_month = {
        (row["top"], row["month"]): row["total"]
        for row in tallies.values("top", "month").annotate(total=Sum("count")).order_by()
    }
    categories = {
        category.pk: category.name
        for category in Category.objects.filter(parent__isnull=True).order_by("position", "pk")
    }
    reports, recent_workshops = _gaps(selection, today)

    # One query for the names (and provinces) of every district mentioned anywhere above.
    mentioned = (
        set(districts)
        | {row["district_id"] for row in ambassador_rows}
        | set(feedback_by_district)
        | {district for _category, district in by_category_district}
        | {row["district_id"] for row in reports}
        | set(recent_workshops)
    ) - {None}
    district_rows = District.objects.filter(pk__in=mentioned).select_related("province")
    district_names, district_province, province_names = {}, {}, {}
    for district in district_rows:
        district_names[district.pk] = district.name
        district_province[district.pk] = district.province_id
        province_names[district.province_id] = district.province.name

    def region(district_id: int | None) -> int | None:
        if district_id is None or not selection.by_province:
            return district_id
        return district_province.get(district_id)

    by_region: dict[int | None, Reach] = defaultdict(Reach)
    for district_id, reach in districts.items():
        by_region[region(district_id)].add(reach)
    ambassadors_by_level: dict[str, AmbassadorCounts] = defaultdict(AmbassadorCounts)
    ambassadors_by_region: dict[int | None, AmbassadorCounts] = defaultdict(AmbassadorCounts)
    ambassadors = AmbassadorCounts()
    for row in ambassador_rows:
        for counts in (
            ambassadors_by_level[row["level"]],
            ambassadors_by_region[region(row["district_id"])],
            ambassadors,
        ):
            counts.total += row["total"]
            counts.active += row["active"]
    feedback = FeedbackScores()
    feedback_by_region: dict[int | None, FeedbackScores] = defaultdict(FeedbackScores)
    for district_id, scores in feedback_by_district.items():
        for sums in (feedback_by_region[region(district_id)], feedback):
            sums.responses += scores.responses
            sums.useful_total += scores.useful_total
            sums.more_confident += scores.more_confident
            sums.would_recommend += scores.would_recommend
    reports_by_category: dict[int, int] = defaultdict(int)
    reports_by_category_region: dict[tuple[int, int | None], int] = defaultdict(int)
    for (category, district_id), count in by_category_district.items():
        reports_by_category[category] += count
        reports_by_category_region[(category, region(district_id))] += count

    return Figures(
        selection=selection,
        total=total,
        districts_reached=sum(1 for reach in districts.values() if reach.workshops),
        by_region=dict(by_region),
        by_topic=by_topic,
        by_language=dict(by_language),
        by_audience=dict(by_audience),
        ambassadors_by_level=dict(ambassadors_by_level),
        ambassadors_by_region=dict(ambassadors_by_region),
        ambassadors=ambassadors,
        gain=gain,
        gain_by_topic=gain_by_topic,
        feedback=feedback,
        feedback_by_region=dict(feedback_by_region),
        reports_by_category=dict(reports_by_category),
        reports_by_category_region=dict(reports_by_category_region),
        reports_by_category_month=by_category_month,
        categories=categories,
        gaps=_gap_rows(reports, recent_workshops),
        district_names=district_names,
        district_province=district_province,
        province_names=province_names,
        downloads_by_language=_downloads_by_language(selection),
    )


def _downloads_by_language(selection: Selection) -> dict[str, int] | None:
    """Curriculum material downloads per language of the material. The curriculum app keeps one
    counter per material and language, with no date and no place (nothing about who downloaded),
    so this figure is since the library opened, for all of Pakistan, whatever the selection."""
    from curriculum.models import MaterialDownloadCount

    rows = MaterialDownloadCount.objects.values("language").annotate(total=Sum("count")).order_by()
    return {row["language"]: row["total"] or 0 for row in rows}
