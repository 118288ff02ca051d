"""Load the starter curriculum: four complete modules, one per seed topic.

The content is data a translator edits, not Python: one folder per module in this directory
(`<module slug>/`), with `module.toml` (what does not depend on language: topic, audience, level,
minutes, activity kinds, which quiz answer is right) and one TOML file per language (`en.toml`, the
source, and `ur.toml`, `sd.toml`, `ps.toml`), whose lists are aligned by position with module.toml's.

Idempotent and respectful of editors: a module that already exists (same slug) is left as it is,
so re-running never overwrites reviewed or edited text. English ships published; every other
language ships "needs review", because it is a machine-assisted draft until a native speaker
has read it. `fill_missing` fills only the *empty* translated fields of installed starter modules
from the files (installations that predate a translation get it; nothing an editor wrote changes)."""

import functools
import pathlib
import tomllib

from django.core.exceptions import ImproperlyConfigured
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

STARTER_DIR = pathlib.Path(__file__).resolve().parent
LANGUAGES = ("en", "ur", "sd", "ps")
TRANSLATED_LANGUAGES = ("ur", "sd", "ps")
TEXT_FIELDS = ("title", "summary", "objectives", "prerequisites", "body", "facilitator_notes")


def _toml_read(path: pathlib.Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ImproperlyConfigured(f"{path}: {error}") from error


def starter_module_read(folder: pathlib.Path) -> dict:
    """One module folder as the loader's dict: per-language dicts {"en": .., "ur": .., ...} for every
    text, an empty or missing text left out (the admin shows it empty; pages fall back)."""
    meta = _toml_read(folder / "module.toml")
    texts = {code: _toml_read(folder / f"{code}.toml") for code in LANGUAGES}
    cards_count = len(texts["en"].get("cards", []))
    expected = {
        "activities": len(meta.get("activities", [])),
        "cards": cards_count,
        "quiz": len(meta.get("quiz", [])),
    }
    for code, data in texts.items():
        for key, count in expected.items():
            if len(data.get(key, [])) != count:
                raise ImproperlyConfigured(
                    f"{folder / f'{code}.toml'}: {len(data.get(key, []))} [[{key}]] entries, module.toml and "
                    f"en.toml have {count}; the lists must be aligned by position."
                )
        for number, (question, shape) in enumerate(
            zip(data.get("quiz", []), meta.get("quiz", []), strict=True)
        ):
            if len(question.get("answers", [])) != shape["answers"]:
                raise ImproperlyConfigured(
                    f"{folder / f'{code}.toml'}: quiz question {number + 1} has {len(question.get('answers', []))} "
                    f"answers, module.toml says {shape['answers']}."
                )

    def per_language(get) -> dict:
        values = {code: get(texts[code]) for code in LANGUAGES}
        return {code: value for code, value in values.items() if value}

    module = {key: meta[key] for key in ("slug", "topic", "audience", "level", "duration_minutes")}
    module["position"] = meta.get("position", 0)
    for field in TEXT_FIELDS:
        module[field] = per_language(lambda data, field=field: data.get(field, ""))
    module["activities"] = [
        {
            "kind": shape["kind"],
            "minutes": shape["minutes"],
            "title": per_language(lambda data, n=number: data["activities"][n].get("title", "")),
            "instructions": per_language(
                lambda data, n=number: data["activities"][n].get("instructions", "")
            ),
        }
        for number, shape in enumerate(meta.get("activities", []))
    ]
    module["cards"] = [
        {
            "myth": per_language(lambda data, n=number: data["cards"][n].get("myth", "")),
            "fact": per_language(lambda data, n=number: data["cards"][n].get("fact", "")),
        }
        for number in range(cards_count)
    ]
    module["quiz"] = [
        {
            "question": per_language(lambda data, n=number: data["quiz"][n].get("question", "")),
            "answers": [
                {
                    **per_language(lambda data, n=number, a=place: data["quiz"][n]["answers"][a]),
                    **({"correct": True} if place == shape["correct"] else {}),
                }
                for place in range(shape["answers"])
            ],
        }
        for number, shape in enumerate(meta.get("quiz", []))
    ]
    return module


@functools.cache
def starter_modules() -> tuple[dict, ...]:
    """Every module folder under curriculum/starter/, in their `position` order (read once)."""
    folders = [path.parent for path in STARTER_DIR.glob("*/module.toml")]
    return tuple(
        sorted(
            (starter_module_read(folder) for folder in folders),
            key=lambda data: (data["position"], data["slug"]),
        )
    )


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


def _fields_fill(instance, sources: dict[str, dict]) -> list[str]:
    """Set each empty `<field>_<ur|sd|ps>` of `instance` that the data files have text for; save only
    those fields. Returns the languages that changed."""
    changed, languages = [], set()
    for field, values in sources.items():
        for code in TRANSLATED_LANGUAGES:
            name = f"{field}_{code}"
            if not getattr(instance, name) and values.get(code):
                setattr(instance, name, values[code])
                changed.append(name)
                languages.add(code)
    if changed:
        instance.save(update_fields=changed)
    return sorted(languages)


def _by_english(items, field: str) -> dict:
    """Installed items keyed by their English text: the starter item a row came from is the one
    with the same English text (an item whose English an editor rewrote is theirs, and not filled)."""
    return {getattr(item, f"{field}_en"): item for item in items}


@transaction.atomic
def _module_fill_missing(module: Module, data: dict) -> set[str]:
    """Fill the empty ur/sd/ps fields of an installed starter module, its activities, cards and quiz
    from the data files. Returns the languages that got text."""
    languages = set(_fields_fill(module, {field: data.get(field, {}) for field in TEXT_FIELDS}))
    activities = _by_english(module.activities.all(), "title")
    for activity in data["activities"]:
        if (installed := activities.get(activity["title"].get("en"))) is not None:
            languages.update(
                _fields_fill(
                    installed, {"title": activity["title"], "instructions": activity["instructions"]}
                )
            )
    cards = _by_english(module.cards.all(), "myth")
    for card in data["cards"]:
        if (installed := cards.get(card["myth"].get("en"))) is not None:
            languages.update(_fields_fill(installed, {"myth": card["myth"], "fact": card["fact"]}))
    questions = _by_english(module.quiz_questions.prefetch_related("answers"), "text")
    for question in data["quiz"]:
        if (installed := questions.get(question["question"].get("en"))) is None:
            continue
        languages.update(_fields_fill(installed, {"text": question["question"]}))
        answers = _by_english(installed.answers.all(), "text")
        for answer in question["answers"]:
            if (installed_answer := answers.get(answer.get("en"))) is not None:
                languages.update(_fields_fill(installed_answer, {"text": answer}))
    if languages:
        module.save(update_fields=["updated_at"])  # retires cached pages and marks packs stale
    return languages


def starter_curriculum_load(*, with_handouts: bool = True, fill_missing: bool = False) -> list[str]:
    from curriculum.services import handout_generate, handout_refresh

    lines = ["Starter curriculum:"]
    for position, data in enumerate(starter_modules()):
        module = Module.objects.filter(slug=data["slug"]).first()
        filled: set[str] = set()
        if module is None:
            module = _module_create(data, position)
            lines.append(f"  added {module.slug}")
        else:
            lines.append(f"  {module.slug} already present (left as it is)")
            if fill_missing:
                filled = _module_fill_missing(module, data)
                if filled:
                    lines.append(f"    filled empty fields ({', '.join(sorted(filled))})")
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
                elif code in filled and handout_refresh(module_id=module.pk, language=code):
                    lines.append(f"    handout PDF ({code}) regenerated")
    return lines
