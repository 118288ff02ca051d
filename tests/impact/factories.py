"""Data for impact tests: workshops that were held, with people, walk-ins, quizzes and feedback;
incident reports through the real submission service (which writes the anonymised monthly tally)."""

import datetime

from django.utils import timezone

from curriculum.models import Module
from tests import factories
from tests.curriculum.factories import ModuleFactory
from tests.curriculum.factories import topic as curriculum_topic
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.incidents.factories import submit
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Feedback, QuizResponse, QuizTally, WalkInCount, Workshop


def held_workshop(
    *,
    district: str = "Karachi Central",
    province: str = "SD",
    days_ago: int = 10,
    attended: int = 0,
    registered_only: int = 0,
    walk_ins: dict | None = None,
    **kwargs,
) -> Workshop:
    """A workshop that took place `days_ago` days ago, with `attended` people ticked present and
    `registered_only` who registered but did not come; walk_ins: {(gender, age_band): count}."""
    starts = (timezone.now() - datetime.timedelta(days=days_ago)).replace(second=0, microsecond=0)
    workshop = WorkshopFactory(
        district=factories.district(district, province),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        status=kwargs.pop("status", Workshop.Status.COMPLETED),
        capacity=max(attended + registered_only, 1) + 10,
        **kwargs,
    )
    for _n in range(attended):
        RegistrationFactory(workshop=workshop, attended=True)
    for _n in range(registered_only):
        RegistrationFactory(workshop=workshop)
    for (gender, band), count in (walk_ins or {}).items():
        WalkInCount.objects.create(workshop=workshop, gender=gender, age_band=band, count=count)
    return workshop


def quiz(workshop: Workshop, *, topic="scams-fraud", questions=10, people=10, pre=40, post=70) -> QuizTally:
    """Paper class totals for a module of `topic` (the topic's first module, made if needed)."""
    module = Module.objects.filter(topic__slug=topic).first() or ModuleFactory(topic=curriculum_topic(topic))
    return QuizTally.objects.create(
        workshop=workshop,
        module=module,
        questions=questions,
        pre_participants=people,
        pre_correct=pre,
        post_participants=people,
        post_correct=post,
    )


def phone_answers(
    workshop: Workshop, *, stage: str, scores: list[int], questions=5, topic="scams-fraud"
) -> None:
    """Quizzes answered on phones for the topic's first module: one person per score."""
    module = Module.objects.filter(topic__slug=topic).first() or ModuleFactory(topic=curriculum_topic(topic))
    for correct in scores:
        QuizResponse.objects.create(
            workshop=workshop, module=module, stage=stage, questions=questions, correct=correct, language="ur"
        )


def feedback(workshop: Workshop, *, useful=4, confidence="more", recommend=True, count=1) -> None:
    for _n in range(count):
        Feedback.objects.create(
            workshop=workshop, useful=useful, confidence=confidence, would_recommend=recommend
        )


def reports(count: int, *, category_slug="fake-prize", district="Karachi Central", province="SD") -> None:
    for _n in range(count):
        submit(category_slug=category_slug, district=district, province=province)


def ambassador(**kwargs):
    return AmbassadorProfileFactory(**kwargs)
