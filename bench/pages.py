"""Every anonymous public page in en, ur, sd and ps, the knowledge-quiz page and a quiz answer, each
through gunicorn under wrk against the bare view (issue #16: at least 0.35 of it).

The quiz answer (a POST with its CSRF cookie and token) is also compared with a feedback POST, the
cheapest form a participant sends (one INSERT and a commit): each feedback request comes from a new
phone (a fresh device cookie), as the form takes one answer per phone.
"""

import os

ORDER = 0
# BENCH_LANGUAGES=en,ur measures fewer (CI, where the time goes to waiting for wrk); default all four.
LANGUAGES = tuple(os.environ.get("BENCH_LANGUAGES", "en,ur,sd,ps").split(","))


def _data() -> dict:
    from bench import ambassadors, curriculum, workshops
    from workshops.models import Workshop

    workshops._workshops()
    curriculum._load_starter_and_more()
    ambassadors._data()
    quiz_workshop = workshops._quiz_workshop()
    listed = (
        Workshop.objects.filter(title__startswith=workshops.TITLE_PREFIX + "Staying").order_by("pk").first()
    )
    return {"workshop": listed.pk, "quiz_workshop": quiz_workshop, "code": ambassadors.CODE}


def public_pages(data: dict) -> list[tuple[str, str]]:
    """(page, path without the language prefix) of every anonymous public page."""
    return [
        ("home", "/"),
        ("workshop list", "/workshops/"),
        ("workshop detail", f"/workshops/{data['workshop']}/"),
        ("library", "/library/"),
        ("module page", "/library/fake-payments-and-otp-theft/"),
        ("report form", "/report/"),
        ("follow-up form", "/report/follow-up/"),
        ("apply form", "/ambassadors/apply/"),
        ("certificate check", f"/certificates/verify/?code={data['code']}"),
        ("public impact", "/impact/"),
    ]


def _answers(workshop_id: int) -> dict:
    """A participant's answers to the quiz: the right one to every question."""
    from workshops.models import Workshop

    module = Workshop.objects.get(pk=workshop_id).modules.get()
    return {
        f"question-{question.pk}": str(question.answers.get(is_correct=True).pk)
        for question in module.quiz_questions.all()
    }


def run(harness) -> None:
    from workshops.tokens import feedback_token, quiz_token
    from workshops.views import FEEDBACK_DEVICE_COOKIE

    data = harness.setup(_data)
    for page, path in public_pages(data):
        for language in LANGUAGES:
            harness.page(page, f"/{language}{path}", language=language)

    quiz = f"/ur/workshops/quiz/{quiz_token(data['quiz_workshop'], 'pre')}/"
    harness.page("knowledge-quiz page", quiz, language="ur")
    answers = harness.setup(lambda: _answers(data["quiz_workshop"]))
    # Both POSTs carry a fresh device cookie per request, so they differ only in what the view does.
    answer = harness.page(
        "quiz answer (POST)", quiz, language="ur", post=answers, fresh_cookie=FEEDBACK_DEVICE_COOKIE
    )
    feedback = harness.page(
        "feedback (POST)",
        f"/ur/workshops/feedback/{feedback_token(data['quiz_workshop'])}/",
        language="ur",
        floor=None,
        post={"useful": "4", "confidence": "more", "would_recommend": "yes"},
        fresh_cookie=FEEDBACK_DEVICE_COOKIE,
    )
    harness.record("quiz answer ÷ feedback POST", answer.rps, "req/s", baseline=feedback.rps, language="ur")
    # With Redis the answers wait in the answer buffer: what the beat task then writes, and how fast.
    written, seconds = harness.setup(_flush_timed)
    if written:
        harness.record(
            f"quiz answers written from the buffer ({written:,} in one flush)", written / seconds, "answers/s"
        )


def _flush_timed() -> tuple[int, float]:
    import time

    from workshops.services import quiz_answers_flush

    started = time.perf_counter()
    written = quiz_answers_flush()
    return written, time.perf_counter() - started
