"""Every starter handout and a certificate, in every language, keep every digit and every letter.

Each PDF is rendered once (module-scoped: WeasyPrint takes about a second a page) from what the
starter loader installs, whatever the content files hold today. The source is the HTML the PDF is made
from (the text a reader should see); the PDF's text layer is read back with pypdf and, where poppler is
installed (CI), pdftotext: the numbers people must dial or type come out, and at least 90% of the
source's words do too. A font that draws letters from shared glyphs (Nastaliq, the woff2 web subsets),
or a machine without the fonts, fails this.
"""

import html
import io
import logging
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
from django.db import transaction
from pypdf import PdfReader

from common.pdf import EMBEDDED_FONT_NAMES
from tests.conftest import ARTIFACTS

LANGUAGES = ("en", "ur", "sd", "ps")
WORD_SHARE = 0.90
# Letters only Sindhi or only Pashto write: their text must come out in its own letters.
OWN_LETTERS = {"sd": set("ڪڳڄٺڏڍڙڦڱٻڀٽڻ"), "ps": set("ټډړښږځڅګڼۍې")}
CERTIFICATE_NAMES = {"en": "Ayesha Soomro", "ur": "عائشہ سومرو", "sd": "ماروي ڪلهوڙو", "ps": "ګلالۍ یوسفزۍ"}
# Tatweel, zero-width (non-)joiners and the bidi marks pdftotext wraps right-to-left runs in.
INVISIBLE = dict.fromkeys(
    map(ord, "\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
FOOTER = "Hifazat · CC BY-SA 4.0"  # the handouts' @page footer (handout_pdf.html)
NUMBER = re.compile(r"\d+(?:[-‐‑]\d+)*")


def normalised(text: str) -> str:
    """Presentation forms (ﻻ, ﺏ ...) become letters; marks that change no word are dropped."""
    return unicodedata.normalize("NFKC", text).translate(INVISIBLE)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", normalised(text))


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(normalised(text)))


def visible_text(document: str) -> str:
    """The text of an HTML document's body, as a reader sees it."""
    body = re.sub(r"(?s)^.*?<body[^>]*>|</body>.*$", "", document)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _extract(name: str, document: str, pdf: bytes, folder: Path) -> dict:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    extracted = {"pypdf": " ".join(page.extract_text() for page in reader.pages)}
    if shutil.which("pdftotext"):
        extracted["pdftotext"] = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    fonts = {
        str(reader.get_object(reference)["/BaseFont"]).lstrip("/").split("+", 1)[-1]
        for page in reader.pages
        for reference in page["/Resources"]["/Font"].values()
    }
    return {"source": visible_text(document), "extracted": extracted, "fonts": fonts, "size": len(pdf)}


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """{(kind, name, language): {...}} for every starter handout and one certificate per language.

    Built in a transaction rolled back at the end, so the tests of this module share it and leave the
    database as they found it."""
    from ambassadors.certificate_pdf import certificate_html
    from ambassadors.models import Track
    from ambassadors.services import certificate_issue
    from common.pdf import pdf_render
    from curriculum.handouts import handout_html, pdf_from_html
    from curriculum.models import Module
    from curriculum.starter.loader import starter_curriculum_load
    from tests.ambassadors.factories import AmbassadorProfileFactory

    warnings = _Warnings()
    logging.getLogger("weasyprint").addHandler(warnings)
    results = {}
    folder = Path(tempfile.mkdtemp(prefix="handout-pdfs-"))
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            starter_curriculum_load(with_handouts=False)
            for module in Module.objects.prefetch_related("cards").order_by("position"):
                for language in LANGUAGES:
                    document = handout_html(module, language)
                    name = f"handout-{module.slug}-{language}"
                    results["handout", module.slug, language] = _extract(
                        name, document, pdf_from_html(document), folder
                    )
            track = Track.objects.get(slug="ambassador-foundation")
            for language in LANGUAGES:
                profile = AmbassadorProfileFactory(
                    user__full_name=CERTIFICATE_NAMES[language], certificate_language=language
                )
                certificate = certificate_issue(profile=profile, level="certified", track=track)
                document = certificate_html(
                    certificate, verify_url=f"https://hifazat.example/{language}/certificates/verify/?code=X"
                )
                results["certificate", "certified", language] = _extract(
                    f"certificate-checked-{language}", document, pdf_render(document), folder
                )
            transaction.set_rollback(True)
    finally:
        logging.getLogger("weasyprint").removeHandler(warnings)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for path in folder.glob("*.pdf"):
        shutil.copy(path, ARTIFACTS / path.name)
    shutil.rmtree(folder)
    results["warnings"] = warnings.messages
    return results


def _pdfs(rendered) -> list[tuple]:
    return [key for key in rendered if key != "warnings"]


def test_every_starter_handout_and_a_certificate_were_rendered_in_every_language(rendered):
    handouts = {key for key in _pdfs(rendered) if key[0] == "handout"}
    modules = {slug for _kind, slug, _language in handouts}
    assert len(modules) >= 4
    assert handouts == {("handout", slug, language) for slug in modules for language in LANGUAGES}
    assert {key[2] for key in _pdfs(rendered) if key[0] == "certificate"} == set(LANGUAGES)


def test_no_character_was_left_without_a_glyph(rendered):
    assert [message for message in rendered["warnings"] if ".notdef" in message] == []


def test_only_the_shipped_fonts_are_embedded(rendered):
    """Nothing from the machine's own fonts: the same PDF on a server with no fonts installed."""
    for key in _pdfs(rendered):
        assert rendered[key]["fonts"] <= EMBEDDED_FONT_NAMES, (key, rendered[key]["fonts"])
        if key[2] != "en":
            assert "Hifazat-Naskh" in rendered[key]["fonts"], key


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_of_the_text_comes_out_of_the_pdf(rendered, language):
    for key in _pdfs(rendered):
        if key[2] != language:
            continue
        expected = numbers(rendered[key]["source"])
        if key[0] == "handout":
            assert {"0800-39393", "8171"} <= expected, key  # the help box of every handout
        for tool, text in rendered[key]["extracted"].items():
            missing = expected - numbers(text)
            assert not missing, (key, tool, sorted(missing))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_words_of_the_text_come_out_of_the_pdf(rendered, language):
    for key in _pdfs(rendered):
        if key[2] != language:
            continue
        source = words(rendered[key]["source"])
        assert len(source) > 20, key
        for tool, text in rendered[key]["extracted"].items():
            found = set(words(text))
            share = sum(word in found for word in source) / len(source)
            lost = sorted({word for word in source if word not in found})[:20]
            assert share >= WORD_SHARE, (key, tool, f"{share:.1%}", lost)
            # And what comes out is the text, not letters in the wrong places (the page footer and
            # numbers aside, which are not in the body).
            known = set(source) | set(words(FOOTER))
            extracted = [word for word in words(text) if not word.isdigit()]
            matching = sum(word in known for word in extracted) / len(extracted)
            strange = sorted({word for word in extracted if word not in known})[:20]
            assert matching >= WORD_SHARE, (key, tool, f"{matching:.1%}", strange)
            if language in OWN_LETTERS and key[0] == "handout":
                assert OWN_LETTERS[language] & set(normalised(text)), (key, tool)
