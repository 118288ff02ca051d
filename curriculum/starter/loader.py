"""Load the starter curriculum: four complete modules, one per seed topic.

Idempotent and respectful of editors: a module that already exists (same slug) is left as it is,
so re-running never overwrites reviewed or edited text. English ships published; every other
language ships "needs review", because it is a machine-assisted draft until a native speaker
has read it."""

from django.db import transaction

from curriculum.models import (
    Activity,
    Material,
    Module,
    MythFactCard,
    QuizAnswer,
    QuizQuestion,
    Topic,
    TranslationStatus,
)
from curriculum.starter import harassment, misinformation, privacy, scams

STARTER_MODULES = [scams.MODULE, harassment.MODULE, misinformation.MODULE, privacy.MODULE]
LANGUAGES = ("en", "ur", "sd", "ps")
TEXT_FIELDS = ("title", "summary", "objectives", "prerequisites", "body", "facilitator_notes")


def _localised(values: dict, prefix: str) -> dict:
    return {f"{prefix}_{code}": values[code] for code in LANGUAGES if values.get(code)}


@transaction.atomic
def _module_create(data: dict, position: int) -> Module:
    module = Module(
        slug=data["slug"],
        topic=Topic.objects.get(slug=data["topic"]),
        audience=data["audience"],
        level=data["level"],
        duration_minutes=data["duration_minutes"],
        position=position,
        status_en=TranslationStatus.PUBLISHED,
        status_ur=TranslationStatus.NEEDS_REVIEW,
        status_sd=TranslationStatus.NEEDS_REVIEW,
        status_ps=TranslationStatus.NEEDS_REVIEW,
    )
    for field in TEXT_FIELDS:
        for name, value in _localised(data.get(field, {}), field).items():
            setattr(module, name, value)
    module.full_clean()
    module.save()
    for number, activity in enumerate(data["activities"]):
        Activity.objects.create(
            module=module,
            position=number,
            kind=activity["kind"],
            minutes=activity["minutes"],
            **_localised(activity["title"], "title"),
            **_localised(activity["instructions"], "instructions"),
        )
    for number, card in enumerate(data["cards"]):
        MythFactCard.objects.create(
            module=module,
            position=number,
            **_localised(card["myth"], "myth"),
            **_localised(card["fact"], "fact"),
        )
    return module


@transaction.atomic
def _quiz_create(module: Module, questions: list[dict]) -> None:
    for number, question in enumerate(questions):
        created = QuizQuestion.objects.create(
            module=module, position=number, **_localised(question["question"], "text")
        )
        for place, answer in enumerate(question["answers"]):
            QuizAnswer.objects.create(
                question=created,
                position=place,
                is_correct=answer.get("correct", False),
                **_localised(answer, "text"),
            )


def starter_curriculum_load(*, with_handouts: bool = True) -> list[str]:
    from curriculum.services import handout_generate

    lines = ["Starter curriculum:"]
    for position, data in enumerate(STARTER_MODULES):
        module = Module.objects.filter(slug=data["slug"]).first()
        if module is None:
            module = _module_create(data, position)
            lines.append(f"  added {module.slug}")
        else:
            lines.append(f"  {module.slug} already present (left as it is)")
        # Modules loaded before the quizzes existed get theirs; a quiz an editor started is kept.
        if data.get("quiz") and not module.quiz_questions.exists():
            _quiz_create(module, data["quiz"])
            lines.append(f"    quiz ({len(data['quiz'])} questions)")
        if with_handouts:
            existing = set(
                Material.objects.filter(module=module, generated=True).values_list("language", flat=True)
            )
            for code in LANGUAGES:
                if code not in existing:
                    handout_generate(
                        module=Module.objects.prefetch_related("cards").get(pk=module.pk), language=code
                    )
                    lines.append(f"    handout PDF ({code})")
    return lines
