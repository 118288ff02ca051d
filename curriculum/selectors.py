"""Reads for the curriculum pages: which language a module is shown in, the library list, one
module with everything its page needs, the coverage grid. Query counts are pinned in tests."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Prefetch, Q, QuerySet
from modeltranslation.translator import translator

from common.text import clean_text
from curriculum.models import LANGUAGE_CODES, Material, Module, QuizQuestion, Topic, TranslationStatus

SEARCH_FIELDS = ("title", "summary", "objectives", "body")


def language_chain(language: str) -> list[str]:
    """The language itself, then its fallbacks (sd/ps -> ur -> en; ur -> en)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks["default"])]
    return list(dict.fromkeys(code for code in chain if code in LANGUAGE_CODES))


# Which statuses may be shown to readers (docs/curriculum.md, "Languages, statuses and fallback"):
# "published" (reviewed by a native speaker) and "needs review" (complete, not reviewed: shown with a
# "draft translation, not yet reviewed" notice). "draft" is a translator's unfinished work and is
# never shown: for readers that language has no text yet.
READABLE_STATUSES = (TranslationStatus.PUBLISHED, TranslationStatus.NEEDS_REVIEW)
# A translation "has text" when its title is filled; its other empty fields are read along the chain.
TEXT_FIELD = "title"


@dataclass(frozen=True)
class ContentLanguage:
    """In which language a module's text is shown on a page in `requested`, and where a field that
    is empty in that language is read from instead (`chain`: the shown language, then its readable
    fallbacks)."""

    requested: str
    shown: str
    status: str
    chain: tuple[str, ...] = ()

    @property
    def fell_back(self) -> bool:
        return self.shown != self.requested

    @property
    def unreviewed(self) -> bool:
        return self.status != TranslationStatus.PUBLISHED


def content_language(
    *, language: str, status_of: Callable[[str], str], has_text: Callable[[str], bool]
) -> ContentLanguage | None:
    """The one rule for every reader of translated content (module pages, library, quizzes, packs,
    the ambassadors' training quizzes): the reader's own language whenever it has readable text,
    published or not; otherwise the first of its fallbacks (sd/ps -> ur -> en) that has. None when
    no language of the chain may be shown."""
    chain = language_chain(language)
    readable = [code for code in chain if status_of(code) in READABLE_STATUSES]
    for index, code in enumerate(readable):
        if has_text(code):
            return ContentLanguage(
                requested=language, shown=code, status=status_of(code), chain=tuple(readable[index:])
            )
    return None


def module_content_language(module: Module, language: str) -> ContentLanguage | None:
    """In which language `module` is shown to a reader of `language`; None if it may not be shown."""
    return content_language(
        language=language,
        status_of=module.status_in,
        has_text=lambda code: bool(getattr(module, f"{TEXT_FIELD}_{code}", "")),
    )


def module_title(module: Module, language: str) -> str:
    """The module's title as its page shows it to a reader of `language` (for links to it)."""
    from curriculum.rendering import translated

    content = module_content_language(module, language)
    chain = content.chain if content else language_chain(language)
    return translated(module, TEXT_FIELD, chain) or module.slug


def _readable_in(code: str) -> Q:
    return Q(**{f"status_{code}__in": READABLE_STATUSES, f"{TEXT_FIELD}_{code}__gt": ""})


def _visible_condition(language: str) -> Q:
    """The database form of `module_content_language(...) is not None`."""
    condition = Q()
    for code in language_chain(language):
        condition |= _readable_in(code)
    return condition


def _search_condition(queryset: QuerySet[Module], query: str) -> QuerySet[Module]:
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
    queryset: QuerySet[Module] = Module.objects.select_related("topic").filter(_visible_condition(language))
    if topic:
        queryset = queryset.filter(topic__slug=topic)
    if audience:
        queryset = queryset.filter(audience=audience)
    if available in LANGUAGE_CODES:
        queryset = queryset.filter(_readable_in(available))
    query = clean_text(query or "")[:100]
    if query:
        queryset = _search_condition(queryset, query)
    return queryset.order_by("topic__position", "position", "slug")


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def module_for_page(*, slug: str) -> Module | None:
    """A module with its lesson plan, cards and materials (four queries whatever their number), or None."""
    return (
        Module.objects.select_related("topic")
        .prefetch_related(
            "activities",
            "cards",
            Prefetch("materials", queryset=Material.objects.order_by("position", "kind", "language", "pk")),
        )
        .filter(slug=slug)
        .first()
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
class CoverageCell:
    language: str
    status: str
    filled: int  # translatable fields with text in this language
    total: int  # translatable fields with text in any language
    materials: int

    @property
    def percent(self) -> int:
        return round(100 * self.filled / self.total) if self.total else 0


@dataclass(frozen=True)
class CoverageRow:
    module: Module
    cells: list[CoverageCell]


def _translatable_items(module: Module):
    """(object, its translated field names) for everything a translator translates in a module."""

    def fields(obj) -> tuple[str, ...]:
        return tuple(translator.get_options_for_model(type(obj)).fields)  # type: ignore[attr-defined]  # set by register()

    yield module, fields(module)
    for activity in module.activities.all():
        yield activity, fields(activity)
    for card in module.cards.all():
        yield card, fields(card)
    for question in module.quiz_questions.all():
        yield question, fields(question)
        for answer in question.answers.all():
            yield answer, fields(answer)


def coverage_rows() -> list[CoverageRow]:
    """Per module and language: status, filled fields out of those filled in any language, and
    materials. Six queries whatever the number of modules and rows."""
    modules = Module.objects.select_related("topic").prefetch_related(
        Prefetch("materials", queryset=Material.objects.only("pk", "module_id", "language")),
        "activities",
        "cards",
        Prefetch("quiz_questions", queryset=QuizQuestion.objects.prefetch_related("answers")),
    )
    rows = []
    for module in modules:
        materials = {code: 0 for code in LANGUAGE_CODES}
        for material in module.materials.all():
            materials[material.language] = materials.get(material.language, 0) + 1
        filled = {code: 0 for code in LANGUAGE_CODES}
        total = 0
        for obj, fields in _translatable_items(module):
            for field in fields:
                present = [
                    code for code in LANGUAGE_CODES if (getattr(obj, f"{field}_{code}", "") or "").strip()
                ]
                total += bool(present)
                for code in present:
                    filled[code] += 1
        rows.append(
            CoverageRow(
                module=module,
                cells=[
                    CoverageCell(
                        language=code,
                        status=module.status_in(code),
                        filled=filled[code],
                        total=total,
                        materials=materials[code],
                    )
                    for code in LANGUAGE_CODES
                ],
            )
        )
    return rows
