"""Every interface string is translated into Urdu, Sindhi and Pashto (not copied from English)."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
# Names and tokens that are the same in every script.
SAME_IN_EVERY_LANGUAGE = {"WhatsApp", "SMS", "OTP", "PDF", "TOTP", "CSV", "ICS", "Hifazat", "%(value)s", "%s"}


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_catalog_is_complete(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_catalog_is_not_a_copy_of_english(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    copied = [
        entry.msgid
        for entry in catalog.translated_entries()
        if entry.msgstr == entry.msgid and entry.msgid not in SAME_IN_EVERY_LANGUAGE
    ]
    assert not copied, f"{language}: copied from English: {copied[:10]}"


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_catalog_declares_two_plural_forms(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert catalog.metadata["Language"] == language


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_compiled_catalog_is_shipped(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists()
