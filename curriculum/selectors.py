"""Reads for the curriculum pages: which language a module is shown in, the library list, one
module with everything its page needs, the coverage grid. Query counts are pinned in tests."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from common.text import clean_text
from curriculum.models import LANGUAGE_CODES, Material, Module, Topic, TranslationStatus

SEARCH_FIELDS = ("title", "summary", "objectives", "body")


def language_chain(language: str) -> list[str]:
    """The language itself, then its fallbacks (sd/ps -> ur -> en; ur -> en)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks["default"])]
    return list(dict.fromkeys(code for code in chain if code in LANGUAGE_CODES))


def showable_statuses() -> set[str]:
    statuses = {TranslationStatus.PUBLISHED}
    if settings.CURRICULUM_SHOW_UNREVIEWED:
        statuses.add(TranslationStatus.NEEDS_REVIEW)
    return statuses


@dataclass(frozen=True)
class ContentLanguage:
    """In which language a module's text is shown on a page in `requested`."""

    requested: str
    shown: str
    status: str

    @property
    def fell_back(self) -> bool:
        return self.shown != self.requested

    @property
    def unreviewed(self) -> bool:
        return self.status != TranslationStatus.PUBLISHED

    @property
    def chain(self) -> list[str]:
        """Where a field empty in the shown language is read from instead."""
        return language_chain(self.shown)


def module_content_language(module: Module, language: str) -> ContentLanguage | None:
    """The first language of the fallback chain whose translation may be shown; None if none may."""
    allowed = showable_statuses()
    for status in (TranslationStatus.PUBLISHED, TranslationStatus.NEEDS_REVIEW):
        if status not in allowed:
            continue
        for code in language_chain(language):
            if module.status_in(code) == status:
                return ContentLanguage(requested=language, shown=code, status=status)
    return None


def _visible_condition(language: str) -> Q:
    condition = Q()
    for code in language_chain(language):
        for status in showable_statuses():
            condition |= Q(**{f"status_{code}": status})
    return condition


def _search_condition(queryset: QuerySet, query: str) -> QuerySet:
    fields = [f"{name}_{code}" for name in SEARCH_FIELDS for code in LANGUAGE_CODES]
    contains = Q()
    for field in fields:
        contains |= Q(**{f"{field}__icontains": query})
    if not settings.USING_POSTGRES:
        return queryset.filter(contains)
    # "simple" configuration: no stemming, which would be wrong for Urdu, Sindhi and Pashto words.
    vector = SearchVector(*fields, config="simple")
    search = SearchQuery(query, config="simple", search_type="websearch")
    return queryset.annotate(search=vector).filter(Q(search=search) | contains)


def library_modules(
    *, language: str, topic: str = "", audience: str = "", available: str = "", query: str = ""
) -> QuerySet[Module]:
    """Modules shown in the library for a page in `language`, filtered; one query, topics joined."""
    queryset = Module.objects.select_related("topic").filter(_visible_condition(language))
    if topic:
        queryset = queryset.filter(topic__slug=topic)
    if audience:
        queryset = queryset.filter(audience=audience)
    if available in LANGUAGE_CODES:
        queryset = queryset.filter(**{f"status_{available}": TranslationStatus.PUBLISHED})
    query = clean_text(query or "")[:100]
    if query:
        queryset = _search_condition(queryset, query)
    return queryset.order_by("topic__position", "position", "slug")


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def module_for_page(*, slug: str) -> Module:
    """A module with its lesson plan, cards and materials: four queries whatever their number."""
    return get_object_or_404(
        Module.objects.select_related("topic").prefetch_related(
            "activities",
            "cards",
            Prefetch("materials", queryset=Material.objects.order_by("position", "kind", "language", "pk")),
        ),
        slug=slug,
    )


def materials_for_page(module: Module, language: str) -> list[Material]:
    """Every material of the module, the page's language (then its fallbacks) first."""
    chain = language_chain(language)
    rank = {code: index for index, code in enumerate(chain)}
    materials = list(module.materials.all())
    return sorted(
        materials, key=lambda material: (rank.get(material.language, len(chain)), material.position)
    )


@dataclass(frozen=True)
class CoverageRow:
    module: Module
    statuses: list[tuple[str, str, int]]  # (language, status, number of materials in it)


def coverage_rows() -> list[CoverageRow]:
    modules = Module.objects.select_related("topic").prefetch_related(
        Prefetch("materials", queryset=Material.objects.only("pk", "module_id", "language"))
    )
    rows = []
    for module in modules:
        counts = {code: 0 for code in LANGUAGE_CODES}
        for material in module.materials.all():
            counts[material.language] = counts.get(material.language, 0) + 1
        rows.append(
            CoverageRow(
                module=module,
                statuses=[(code, module.status_in(code), counts[code]) for code in LANGUAGE_CODES],
            )
        )
    return rows
