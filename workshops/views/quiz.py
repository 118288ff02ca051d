"""The knowledge quiz: the facilitator's page and paper sheet, and participants answering on the phone."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.pagecache import assume_last_version, forget_version, public_page, remembered, shared_response
from common.qr import qr_data_uri
from workshops import fragments, ratelimit, selectors, services
from workshops.forms import QuizAnswersForm, QuizTotalsForm
from workshops.models import QuizStage
from workshops.tokens import quiz_from_token, quiz_token, workshop_links_expire_at
from workshops.views.shared import _facilitated_workshop, _feedback_link, _in_language, _link_expired


@login_required
def quiz(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's quiz page: the codes participants scan before and after the session, the
    paper version to print, and the class totals of the paper quizzes."""
    workshop = _facilitated_workshop(request, pk)
    quizzes = selectors.workshop_quizzes(workshop=workshop, language=translation.get_language())
    tallies = selectors.quiz_tallies_by_module(workshop=workshop)
    data = request.POST if request.method == "POST" else None  # all boxes emptied is a real answer
    forms = [
        QuizTotalsForm(data, quiz=module_quiz, tally=tallies.get(module_quiz.module.pk))
        for module_quiz in quizzes
    ]
    if request.method == "POST" and all([form.is_valid() for form in forms]):
        services.quiz_tallies_save(
            workshop=workshop,
            actor=request.user,
            totals=[(form.quiz.module, None if form.is_empty() else form.cleaned_data) for form in forms],
        )
        messages.success(request, _("Quiz results are saved."))
        return redirect("workshops:report", pk=pk)
    links = []
    for stage, label in QuizStage.choices:
        # In the language of the workshop: participants can still switch on the page.
        url = request.build_absolute_uri(
            _in_language(workshop.language, "workshops:quiz_take", quiz_token(workshop.pk, stage))
        )
        links.append((label, url, qr_data_uri(url, scale=5)))
    sheets = [
        (code, _in_language(code, "workshops:quiz_sheet", workshop.pk))
        for code in dict.fromkeys([workshop.language, *(code for code, _name in settings.LANGUAGES)])
    ]
    return render(
        request,
        "workshops/manage/quiz.html",
        {"workshop": workshop, "forms": forms, "links": links, "sheets": sheets},
    )


@login_required
def quiz_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """The quiz on paper, in the page's language, with the answer key on its own page."""
    workshop = _facilitated_workshop(request, pk)
    quizzes = selectors.workshop_quizzes(workshop=workshop, language=translation.get_language())
    # The sheet is the handout people take home: it carries the feedback link too.
    return render(
        request,
        "workshops/manage/quiz_sheet.html",
        {"workshop": workshop, "quizzes": quizzes, **_feedback_link(request, workshop, scale=3)},
    )


@public_page
def quiz_take(request: HttpRequest, token: str) -> HttpResponse:
    """A participant answers the quiz on their phone (no account, no name).

    A class sends its answers at once, and each round trip to Redis was a sixth of an answer's time
    (docs/performance.md): an answer first assumes the public data version this worker last read
    (its workshop and quizzes in memory are of that version) and queues itself only if Redis still
    holds it, in the same round trip as its count (`services.quiz_response_submit(as_of=...)`). If
    anything changed meanwhile, nothing was queued: the version is read and the answer scored again."""
    if request.method == "POST" and (assumed := assume_last_version()) is not None:
        try:
            return _quiz_take(request, token, as_of=assumed)
        except services.QuizChanged:
            forget_version()
    return _quiz_take(request, token, as_of=None)


def _quizzes_and_form(workshop, language: str) -> tuple[list, type[QuizAnswersForm]]:
    quizzes = selectors.workshop_quizzes(workshop=workshop, language=language)
    return quizzes, QuizAnswersForm.for_quizzes(quizzes)


def _quiz_take(request: HttpRequest, token: str, *, as_of: int | None) -> HttpResponse:
    found = quiz_from_token(token)
    workshop = None
    if found is not None and found[1] in QuizStage.values:
        # A class sends its answers at once: the workshop (its status and times decide whether the
        # quiz is open) is kept in the worker's memory until any public data changes, like its
        # quizzes below; read-only here.
        workshop = remembered(("quiz-workshop", found[0]), lambda: selectors.workshop_for_link(pk=found[0]))
    if workshop is None or workshop_links_expire_at(workshop) <= timezone.now():
        return _link_expired(request, kind="quiz", workshop=workshop)
    stage = found[1]
    language = translation.get_language()
    context = {"workshop": workshop, "stage": QuizStage(stage)}
    if not selectors.quiz_is_open(workshop=workshop, stage=stage):
        return render(request, "workshops/quiz_closed.html", context)
    # The empty form is the same for everyone at this workshop in a language, and drawing its radio
    # buttons was half of the page's time, the three queries of the quizzes most of the rest
    # (docs/performance.md): a class opening the page at once reads it from the cache.
    questions_key = None
    if request.method != "POST":
        questions_key = fragments.quiz_questions_key(workshop_id=workshop.pk, language=language)
        if (questions_html := fragments.quiz_questions_cached(questions_key)) is not None:
            return render(request, "workshops/quiz.html", {**context, "questions_html": questions_html})
    # A class sends its answers at once: the quizzes (three queries) and the form made for them are
    # kept in the worker's memory until a module, question or answer changes (read-only here and in
    # quiz_response_submit).
    quizzes, form_class = remembered(
        ("workshop-quizzes", workshop.pk, language),
        lambda: _quizzes_and_form(workshop, language),
    )
    if not quizzes:
        raise Http404
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            marks = services.quiz_response_submit(
                workshop=workshop,
                stage=stage,
                quizzes=quizzes,
                chosen=form.chosen(),
                sender=ratelimit.client_fingerprint(request),
                as_of=as_of,
            )
        except ValidationError:
            return render(request, "workshops/quiz_closed.html", context)
        except services.TooManyAnswers:
            notice = _("Too many answers came from this connection. Please try again in an hour.")
            questions_html = render_to_string(
                "workshops/_quiz_questions.html", {"form": form}, request=request
            )
            return render(
                request,
                "workshops/quiz.html",
                {**context, "form": form, "notice": notice, "questions_html": questions_html},
                status=429,
            )
        # Everyone with the same scores at this workshop sees the same thanks page.
        scores = tuple(mark.correct for mark in marks)
        return shared_response(
            request,
            ("quiz-thanks", scores),
            lambda: render(request, "workshops/quiz_thanks.html", {**context, "marks": marks}),
        )
    questions_html = render_to_string("workshops/_quiz_questions.html", {"form": form}, request=request)
    if questions_key is not None:
        fragments.quiz_questions_keep(questions_key, questions_html)
    return render(request, "workshops/quiz.html", {**context, "form": form, "questions_html": questions_html})
