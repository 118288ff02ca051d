"""The default track and its starter quiz. Loaded by data migration 0003 (with historical models)
and again by `demo_data` / `manage.py load_ambassador_track`, which also add a "study" step for each
starter curriculum module once that content is installed. Idempotent: what exists is left as it is."""

from django.apps import apps as global_apps

from ambassadors.starter_quiz import QUESTIONS, QUIZ, STARTER_MODULE_SLUGS, STEPS, STUDY_TITLE, TRACK

LANGUAGES = ("en", "ur", "sd", "ps")


def _translated(field: str, values: dict) -> dict:
    """{'title': 'x', 'title_en': 'x', 'title_ur': ...}: the untranslated column too, for migrations."""
    data = {f"{field}_{code}": values.get(code, "") for code in LANGUAGES}
    data[field] = values["en"]
    return data


def _statuses() -> dict:
    # English is the source; every other language is a machine-assisted draft until reviewed.
    return {
        "status_en": "published",
        "status_ur": "needs_review",
        "status_sd": "needs_review",
        "status_ps": "needs_review",
    }


def quiz_load(apps=global_apps):
    Quiz = apps.get_model("ambassadors", "Quiz")
    Question = apps.get_model("ambassadors", "Question")
    Choice = apps.get_model("ambassadors", "Choice")
    quiz = Quiz.objects.filter(slug=QUIZ["slug"]).first()
    if quiz is not None:
        return quiz
    quiz = Quiz.objects.create(
        slug=QUIZ["slug"],
        pass_mark=QUIZ["pass_mark"],
        cooldown_minutes=QUIZ["cooldown_minutes"],
        **_translated("title", QUIZ["title"]),
        **_translated("description", QUIZ["description"]),
        **_statuses(),
    )
    for position, data in enumerate(QUESTIONS, start=1):
        question = Question.objects.create(
            quiz=quiz,
            position=position,
            **_translated("text", data["text"]),
            **_translated("explanation", data["explanation"]),
        )
        Choice.objects.bulk_create(
            Choice(question=question, position=index, is_correct=correct, **_translated("text", texts))
            for index, (correct, texts) in enumerate(data["choices"], start=1)
        )
    return quiz


def default_track_load(apps=global_apps) -> list[str]:
    Track = apps.get_model("ambassadors", "Track")
    TrackStep = apps.get_model("ambassadors", "TrackStep")
    quiz = quiz_load(apps)
    lines = []
    track = Track.objects.filter(slug=TRACK["slug"]).first()
    if track is None:
        track = Track.objects.create(
            slug=TRACK["slug"],
            is_default=not Track.objects.filter(is_default=True).exists(),
            certifies=True,
            position=0,
            **_translated("name", TRACK["name"]),
            **_translated("description", TRACK["description"]),
        )
        previous = None
        for kind, titles, position in STEPS:
            step = TrackStep.objects.create(
                track=track,
                kind=kind,
                position=position,
                quiz=quiz if kind == "pass_quiz" else None,
                **_translated("title", titles),
            )
            if previous is not None:
                step.prerequisites.add(previous)
            previous = step
        lines.append(f"Ambassadors: default track “{track.name_en}” with its {len(QUESTIONS)}-question quiz.")
    lines.extend(_study_steps_add(apps, track))
    return lines


def _study_steps_add(apps, track) -> list[str]:
    """A study step per starter module, before the quiz and required by it."""
    Module = apps.get_model("curriculum", "Module")
    TrackStep = apps.get_model("ambassadors", "TrackStep")
    quiz_step = TrackStep.objects.filter(track=track, kind="pass_quiz").order_by("position").first()
    added = []
    for index, slug in enumerate(STARTER_MODULE_SLUGS, start=1):
        module = Module.objects.filter(slug=slug).first()
        if module is None or TrackStep.objects.filter(track=track, module=module).exists():
            continue
        titles = {
            code: STUDY_TITLE[code].format(title=getattr(module, f"title_{code}") or module.title_en)
            for code in LANGUAGES
        }
        step = TrackStep.objects.create(
            track=track,
            kind="study_module",
            position=index * 10,
            module=module,
            **_translated("title", titles),
        )
        if quiz_step is not None:
            quiz_step.prerequisites.add(step)
        added.append(slug)
    return [f"Ambassadors: study steps added to the default track for {', '.join(added)}."] if added else []
