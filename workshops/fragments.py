"""The page fragments the workshops pages cache, and what retires them.

Rendering is what costs on these pages (twenty cards, 160 districts, a quiz's radio buttons), so the
rendered HTML is kept per language and retired when anything it shows changes: `connect()` (called
from WorkshopsConfig.ready) bumps the fragment's namespace on every such change (common.cache)."""

from collections.abc import Callable
from typing import cast

from django.core.cache import cache

from common.cache import fragment_key, namespace_changed, retire_on_change

PUBLIC_LIST = "workshops:public-list"
PUBLIC_LIST_SECONDS = 120
# The rendered questions of a workshop's quiz page (empty form) per language, retired when a module,
# question or answer changes or the workshop's modules do.
QUIZ_QUESTIONS = "workshops:quiz-questions"
QUIZ_QUESTIONS_SECONDS = 300


def public_list_results(*, language: str, query: str, render: Callable[[], str]) -> str:
    """The public list's results for this language and query string, rendered at most once until any
    workshop, topic or registration changes."""
    key = fragment_key(PUBLIC_LIST, language, query)
    results = cache.get(key)
    if results is None:
        results = render()
        cache.set(key, results, PUBLIC_LIST_SECONDS)
    return results


def public_filter_form(*, language: str, render: Callable[[], str]) -> str:
    """The empty filter form (160 districts): the same for every visitor in a language, kept as long as
    the district choices it shows."""
    from workshops.forms import DISTRICT_CHOICES_SECONDS

    html = cache.get_or_set(f"workshops:public-filter-form:{language}", render, DISTRICT_CHOICES_SECONDS)
    return cast(str, html)  # a SafeString, kept as it is


def quiz_questions_key(*, workshop_id: int, language: str) -> str:
    return fragment_key(QUIZ_QUESTIONS, str(workshop_id), language)


def quiz_questions_cached(key: str) -> str | None:
    return cache.get(key)


def quiz_questions_keep(key: str, html: str) -> None:
    cache.set(key, html, QUIZ_QUESTIONS_SECONDS)


def connect() -> None:
    """Retire the fragments when what they show changes."""
    from django.db.models.signals import m2m_changed

    from curriculum.models import Module, QuizAnswer, QuizQuestion
    from workshops.models import Registration, Workshop, WorkshopTopic

    # The cached public list shows seats left: any workshop, topic or registration change retires it.
    retire_on_change(PUBLIC_LIST, Workshop, WorkshopTopic, Registration)
    # The cached quiz questions: any module, question or answer edit, or a workshop's modules changing.
    retire_on_change(QUIZ_QUESTIONS, Module, QuizQuestion, QuizAnswer)
    m2m_changed.connect(
        lambda **kwargs: namespace_changed(QUIZ_QUESTIONS),
        sender=Workshop.modules.through,
        weak=False,
        dispatch_uid="workshops-quiz-questions-modules",
    )
