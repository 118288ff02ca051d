"""The starter curriculum's data files (curriculum/starter/<module slug>/*.toml): complete in every
language, each language in its own letters, every number of the English kept in every translation;
and the loader's --fill-missing, which brings new translations to installations that already have
the modules without touching what an editor wrote."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from curriculum.models import Activity, Module, MythFactCard, QuizAnswer, QuizQuestion, TranslationStatus
from curriculum.starter.loader import (
    STARTER_DIR,
    starter_curriculum_load,
    starter_module_read,
    starter_modules,
)

SLUGS = [
    "fake-payments-and-otp-theft",
    "whatsapp-takeover-and-sextortion",
    "check-before-you-forward",
    "privacy-settings-and-your-rights",
]
# Letters each language has and Urdu does not (nor the other of the two).
SINDHI_LETTERS = set("ٻڀٽٿٺڄڃڇڊڌڍڏڙڦڪڳڱڻ۽")
PASHTO_LETTERS = set("ټډړښږځڅګڼېۍ")
NUMBER = re.compile(r"\d[\d-]*")


def _module(slug: str) -> dict:
    return next(data for data in starter_modules() if data["slug"] == slug)


def _translated_fields(data: dict):
    """(where, {language: text}) for every translated text of a module."""
    for field in ("title", "summary", "objectives", "prerequisites", "body", "facilitator_notes"):
        yield field, data[field]
    for number, activity in enumerate(data["activities"], start=1):
        yield f"activity {number} title", activity["title"]
        yield f"activity {number} instructions", activity["instructions"]
    for number, card in enumerate(data["cards"], start=1):
        yield f"card {number} myth", card["myth"]
        yield f"card {number} fact", card["fact"]
    for number, question in enumerate(data["quiz"], start=1):
        yield f"quiz {number} question", question["question"]
        for place, answer in enumerate(question["answers"], start=1):
            yield (
                f"quiz {number} answer {place}",
                {code: answer.get(code, "") for code in ("en", "ur", "sd", "ps")},
            )


def test_every_starter_module_folder_is_loaded_in_order():
    assert [data["slug"] for data in starter_modules()] == SLUGS


@pytest.mark.parametrize("slug", [pytest.param(slug, id=slug) for slug in SLUGS])
def test_every_translated_field_is_filled_in_its_own_language_with_the_numbers_of_the_english(slug):
    problems = []
    for where, texts in _translated_fields(_module(slug)):
        english = texts.get("en", "")
        if not english:
            problems.append(f"{where}: no English source")
        numbers = {number.rstrip("-") for number in NUMBER.findall(english)}
        for code in ("ur", "sd", "ps"):
            text = texts.get(code, "")
            if not text:
                problems.append(f"{where} [{code}]: empty")
                continue
            if code != "ur" and text == texts.get("ur"):
                problems.append(f"{where} [{code}]: a copy of the Urdu")
            if code == "sd" and not SINDHI_LETTERS & set(text):
                problems.append(f"{where} [sd]: no Sindhi letter (ڪ ڳ ڄ ٺ ڏ ڻ ...): {text!r}")
            if code == "ps" and not PASHTO_LETTERS & set(text):
                problems.append(f"{where} [ps]: no Pashto letter (ټ ډ ړ ښ ږ ځ څ ګ ڼ ې ...): {text!r}")
            problems.extend(
                f"{where} [{code}]: {number} of the English is missing"
                for number in numbers
                if number not in text
            )
    assert not problems, "\n".join(problems)


def test_a_translation_whose_lists_do_not_line_up_is_refused_with_the_file_named(tmp_path):
    source = STARTER_DIR / "fake-payments-and-otp-theft"
    for path in source.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    sindhi = (tmp_path / "sd.toml").read_text(encoding="utf-8")
    cut = sindhi.index("[[cards]]")
    (tmp_path / "sd.toml").write_text(sindhi[:cut], encoding="utf-8")  # no cards, no quiz
    with pytest.raises(ImproperlyConfigured, match=r"sd\.toml: 0 \[\[cards\]\] entries"):
        starter_module_read(tmp_path)

    (tmp_path / "sd.toml").write_text('title = "unterminated', encoding="utf-8")
    with pytest.raises(ImproperlyConfigured, match=r"sd\.toml"):
        starter_module_read(tmp_path)


@pytest.mark.django_db
def test_fill_missing_fills_empty_translations_and_keeps_what_an_editor_wrote(client):
    starter_curriculum_load(with_handouts=False)
    source = _module("fake-payments-and-otp-theft")
    module = Module.objects.get(slug="fake-payments-and-otp-theft")
    # As installed by an older release: Sindhi and Pashto had no body, activities or answers...
    Module.objects.filter(pk=module.pk).update(body_sd="", body_ps="", prerequisites_sd="")
    Activity.objects.filter(module=module).update(title_sd="", instructions_sd="", instructions_ps="")
    MythFactCard.objects.filter(module=module, position=0).update(fact_ps="")
    QuizAnswer.objects.filter(question__module=module).update(text_sd="")
    # ... and an editor has since written some of them, and changed others.
    Module.objects.filter(pk=module.pk).update(body_ps="ایډیټر لیکلی متن", facilitator_notes_sd="")
    Activity.objects.filter(module=module, position=1).update(instructions_sd="ايڊيٽر جو لکيل متن")
    QuizQuestion.objects.filter(module=module, position=0).update(text_ur="ترمیم شدہ سوال")
    rewritten = Activity.objects.get(module=module, position=4)
    rewritten.title_en = "Our own closing circle"  # the editor's own activity now: not filled
    rewritten.save()

    starter_curriculum_load(with_handouts=False)  # without the option nothing changes
    assert Module.objects.get(pk=module.pk).body_sd == ""

    out = call_command_output("load_starter_curriculum", "--no-handouts", "--fill-missing")
    assert "  fake-payments-and-otp-theft already present (left as it is)" in out
    assert "    filled empty fields (ps, sd)" in out

    module = Module.objects.get(pk=module.pk)
    assert module.body_sd == source["body"]["sd"]
    assert module.prerequisites_sd == source["prerequisites"]["sd"]
    assert module.facilitator_notes_sd == source["facilitator_notes"]["sd"]
    assert module.body_ps == "ایډیټر لیکلی متن"  # an editor's text stays
    activities = list(module.activities.order_by("position"))
    assert activities[0].title_sd == source["activities"][0]["title"]["sd"]
    assert activities[0].instructions_ps == source["activities"][0]["instructions"]["ps"]
    assert activities[1].instructions_sd == "ايڊيٽر جو لکيل متن"
    assert activities[4].title_sd == "" and activities[4].instructions_sd == ""
    assert module.cards.get(position=0).fact_ps == source["cards"][0]["fact"]["ps"]
    first = module.quiz_questions.get(position=0)
    assert first.text_ur == "ترمیم شدہ سوال"
    assert [answer.text_sd for answer in first.answers.order_by("position")] == [
        answer["sd"] for answer in source["quiz"][0]["answers"]
    ]
    assert module.status_sd == TranslationStatus.NEEDS_REVIEW  # filled text is still a draft

    Module.objects.filter(pk=module.pk).update(status_sd=TranslationStatus.PUBLISHED)  # as a reviewer would
    page = client.get("/sd/library/fake-payments-and-otp-theft/").content.decode()
    assert "8171" in page and "بي آءِ ايس پي جو اصل نمبر" in page

    again = call_command_output("load_starter_curriculum", "--no-handouts", "--fill-missing")
    assert "filled empty fields" not in again  # idempotent


def call_command_output(*args) -> str:
    import io

    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
