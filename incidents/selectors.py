"""Reads for confidential reports: the handler queue, a case page, guidance, anonymised trends."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, Sum
from django.db.models.expressions import Combinable
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from common.pagecache import remembered
from incidents.models import Case, CaseScope, Category, Contact, HandlerScope, MonthlyTally, case_scope_of

SUPPRESSION_THRESHOLD = 5


def categories_for_form() -> list[tuple[str, list[tuple[int, str]]]]:
    """Active categories as (group name, [(id, name), ...]); top-level ones without children are
    their own one-item group. One query."""
    categories = list(Category.objects.filter(active=True).order_by("position", "pk"))
    children: dict[int, list[Category]] = {}
    for category in categories:
        if category.parent_id:
            children.setdefault(category.parent_id, []).append(category)
    groups = []
    for category in categories:
        if category.parent_id is None:
            kids = children.get(category.pk)
            if kids:
                groups.append((category.name, [(kid.pk, kid.name) for kid in kids]))
            else:
                groups.append((category.name, [(category.pk, category.name)]))
    return groups


def contacts_for(*, category: Category | None, kind: str | None = None) -> list[Contact]:
    """Active contacts for a category (linked to it or its parent), plus those linked to none."""
    queryset = Contact.objects.filter(active=True)
    if kind:
        queryset = queryset.filter(kind=kind)
    if category is not None:
        ids = [category.pk] + ([category.parent_id] if category.parent_id else [])
        queryset = queryset.filter(Q(categories__in=ids) | Q(categories__isnull=True))
    else:
        queryset = queryset.filter(categories__isnull=True)
    return list(queryset.distinct().order_by("kind", "position", "pk"))


def emergency_contacts() -> list[Contact]:
    return list(Contact.objects.filter(active=True, kind=Contact.Kind.EMERGENCY).order_by("position", "pk"))


@dataclass(frozen=True)
class QueueLabels:
    """The names the handler queue shows, in one language: every category's row label ("Parent:
    child"), the top-level categories of the filter, every district (by name)."""

    categories: dict[int, str]
    filter_categories: list[tuple[int, str]]
    districts: list[tuple[int, str]]


def queue_labels() -> QueueLabels:
    """Categories and districts are a few hundred rows that change a few times a year, and every queue
    page needs them (the filter's choices, each row's labels): two queries, kept in this worker's
    memory per language and retired at once by any category or district saved (common.pagecache's
    version). No case data goes in here."""
    return remembered(("incident-queue-labels", translation.get_language()), _queue_labels)


def _queue_labels() -> QueueLabels:
    from regions.models import District

    categories = list(Category.objects.select_related("parent").order_by("position", "pk"))
    return QueueLabels(
        categories={
            category.pk: f"{category.parent.name}: {category.name}" if category.parent else category.name
            for category in categories
        },
        filter_categories=[(c.pk, c.name) for c in categories if c.parent_id is None and c.active],
        districts=[(district.pk, district.name) for district in District.objects.order_by("name")],
    )


# Bumped once any case's change is committed (incidents.apps): the case queue pages kept in workers'
# memory (views.queue) are retired at once, so a new report shows on the next load.
CASES_VERSION = "incidents:cases:version"


def handler_scope(*, user) -> CaseScope:
    """The user's CaseScope (incidents.models.case_scope_of), kept in this worker's memory per user:
    three or four queries on every queue page for ids that change when an admin edits a handler.

    Every way a scope changes retires the copy at once, on every worker (common.pagecache's version):
    a user saved (their province), their districts changed (m2m), a HandlerScope saved or deleted or
    its categories changed, a district saved (moved to another province). On commit the version is
    bumped again (incidents.apps), so a copy read between the save and its commit is not kept. Only
    ids of districts and categories go in here, never case data; the user's role and whether they are
    active are read from the request's user on every page."""
    return remembered(("incident-handler-scope", user.pk), lambda: case_scope_of(user))


def case_queue(
    *,
    user,
    status: str = "",
    category_id: int | None = None,
    district_id: int | None = None,
    assigned: str = "",
    scope: CaseScope | None = None,
):
    """The handler queue: only cases the user may open, newest first, without any content, as rows
    of QUEUE_FIELDS (turn a page of them into QueueRow with queue_rows). `scope`: the user's
    handler_scope when the caller has it already."""
    # The queue never decrypts: content stays out of list pages (and their cost).
    queryset = Case.objects.visible_to(user, scope=scope).values(*QUEUE_FIELDS)
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.open()
    if category_id:
        queryset = queryset.filter(Q(category_id=category_id) | Q(category__parent_id=category_id))
    if district_id:
        queryset = queryset.filter(district_id=district_id)
    if assigned == "me":
        queryset = queryset.filter(assignee=user)
    elif assigned == "none":
        queryset = queryset.filter(assignee__isnull=True)
    return queryset.order_by("-created_at", "-pk")


QUEUE_FIELDS = (
    "pk",
    "code",
    "created_at",
    "immediate_danger",
    "status",
    "category_id",
    "district_id",
    "assignee__full_name",
    "assignee__email",
)


@dataclass(frozen=True)
class QueueRow:
    """A queue row as the page shows it: every cell a ready string, so the template only places them."""

    pk: int
    code: str
    url: str
    received: str  # "2025-03-01 14:05", in the current time zone
    immediate_danger: bool
    status: str  # the label, in the page's language
    category: str  # "Parent: child" for a subcategory
    district: str  # "—" when the reporter did not say
    assignee: str  # "—" when nobody is assigned


# Reversed once per page, not once per row (50 reverse() calls were 4 ms of a queue page).
_PK_MARK = 987654321
NOT_GIVEN = "—"


def queue_rows(rows, *, labels: QueueLabels | None = None) -> list[QueueRow]:
    """A page of case_queue rows with their labels and links, without a query: names come from
    queue_labels (where a model instance per case, category, parent, district and assignee once cost
    three times the page's query). The time is written here, with the zone looked up once: the
    template's `date` filter per row was a sixth of the page."""
    labels = labels or queue_labels()
    districts = dict(labels.districts)
    statuses = {value: str(label) for value, label in Case.Status.choices}  # translated once a page
    case_url = reverse("incidents:case_detail", args=[_PK_MARK])
    zone = timezone.get_current_timezone()
    return [
        QueueRow(
            pk=row["pk"],
            code=row["code"],
            url=case_url.replace(str(_PK_MARK), str(row["pk"])),
            received=row["created_at"].astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            immediate_danger=row["immediate_danger"],
            status=statuses.get(row["status"], row["status"]),
            category=labels.categories.get(row["category_id"], ""),
            district=districts.get(row["district_id"]) or NOT_GIVEN,
            assignee=row["assignee__full_name"] or row["assignee__email"] or NOT_GIVEN,
        )
        for row in rows
    ]


def case_for_staff(*, user, pk: int) -> Case | None:
    return (
        Case.objects.visible_to(user)
        .select_related("category", "category__parent", "district", "district__province", "assignee")
        .prefetch_related(
            "messages__author",
            "notes__author",
            "evidence",
            Prefetch("referrals", queryset=_referrals()),
        )
        .filter(pk=pk)
        .first()
    )


def _referrals():
    from incidents.models import Referral

    return Referral.objects.select_related("contact", "referred_by")


def case_for_reporter(*, case: Case) -> Case:
    return (
        Case.objects.select_related("category", "district")
        .prefetch_related("messages", "evidence")
        .get(pk=case.pk)
    )


def colleagues_for(case: Case):
    """Handlers who may be assigned the case: active case handlers who can see it.

    The rules of Case.objects.visible_to, turned round into one query over the handlers (asking
    visible_to once per handler ran three queries per handler: 216 on a national case page)."""
    from accounts.models import User

    chosen_districts = User.districts.through.objects.filter(user_id=OuterRef("pk"))
    region: Q | Combinable
    if case.district is None:
        region = Q(handler_scope__nationwide=True)
    else:
        in_region = Exists(chosen_districts.filter(district_id=case.district.pk)) | (
            Q(province_id=case.district.province_id) & ~Exists(chosen_districts)
        )
        region = Q(handler_scope__nationwide=True) | in_region
    scope_categories = HandlerScope.categories.through.objects.filter(handlerscope__user_id=OuterRef("pk"))
    categories = {case.category_id, case.category.parent_id} - {None}
    category = ~Exists(scope_categories) | Exists(scope_categories.filter(category_id__in=categories))
    return list(
        User.objects.filter(role=User.Role.CASE_HANDLER, is_active=True)
        .filter(Q(is_superuser=True) | (region & category))
        .order_by("full_name", "email")
    )


@dataclass(frozen=True)
class TrendCell:
    month: datetime.date
    category_id: int
    category: str
    district_id: int | None
    district: str
    count: int | None  # None when suppressed
    label: str


def incident_trends(
    *, districts=None, start: datetime.date | None = None, end: datetime.date | None = None
) -> list[TrendCell]:
    """Reports per category, district and month, anonymised: a cell under 5 has count None and the
    label "fewer than 5". Built from MonthlyTally, which outlives purged cases.

    `districts`: an iterable of District (or ids) to restrict to; `start`/`end`: dates, inclusive,
    compared by month."""
    queryset = MonthlyTally.objects.all()
    if districts is not None:
        ids = [getattr(district, "pk", district) for district in districts]
        queryset = queryset.filter(district_id__in=ids)
    if start:
        queryset = queryset.filter(month__gte=start.replace(day=1))
    if end:
        queryset = queryset.filter(month__lte=end.replace(day=1))
    rows = list(
        queryset.values("month", "category_id", "district_id")
        .annotate(total=Sum("count"))
        .order_by("month", "category_id", "district_id")
    )
    category_names = {
        c.pk: c.name for c in Category.objects.filter(pk__in={row["category_id"] for row in rows})
    }
    from regions.models import District

    district_names = {
        d.pk: d.name for d in District.objects.filter(pk__in={row["district_id"] for row in rows})
    }
    cells = []
    for row in rows:
        total = row["total"] or 0
        suppressed = total < SUPPRESSION_THRESHOLD
        cells.append(
            TrendCell(
                month=row["month"],
                category_id=row["category_id"],
                category=category_names.get(row["category_id"], ""),
                district_id=row["district_id"],
                district=district_names.get(row["district_id"], str(_("District not known"))),
                count=None if suppressed else total,
                label=str(_("fewer than 5")) if suppressed else str(total),
            )
        )
    return cells
