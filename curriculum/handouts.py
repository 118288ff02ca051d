"""Handout PDFs generated from a module's own text with WeasyPrint (HarfBuzz shapes Arabic script;
the page is right-to-left for ur/sd/ps). The PDF fonts are those of common/pdf.py (static/fonts/pdf),
never whatever a machine happens to have installed; `font_faces` and `font_paths` below are the web
fonts the offline packs carry for their index.html."""

import hashlib
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from common.pdf import pdf_font_context, pdf_render
from curriculum.models import Module

FONT_FILES = {
    "nastaliq": ("Noto Nastaliq Urdu", "noto-nastaliq-urdu-arabic-{weight}-normal.woff2"),
    "naskh": ("Noto Naskh Arabic", "noto-naskh-arabic-arabic-{weight}-normal.woff2"),
}


def font_faces(*, base: str | None = None) -> list[dict]:
    """@font-face entries for the web fonts. `base` is a relative folder (offline packs); without it,
    absolute file URLs."""
    faces = []
    for family, pattern in FONT_FILES.values():
        # One file per family, as on the site (static/css/hifazat.css): bold is synthesised from it.
        name = pattern.format(weight=400)
        if base is not None:
            url = f"{base}/{name}"
        else:
            url = Path(finders.find(f"fonts/{name}")).as_uri()
        faces.append({"family": family, "weight": 400, "url": url, "name": name})
    return faces


def font_paths() -> list[Path]:
    return [Path(finders.find(f"fonts/{face['name']}")) for face in font_faces(base="")]


def handout_html(module: Module, language: str) -> str:
    """The handout uses the module's text in exactly this language: no mixing of languages."""
    chain = [language]
    with translation.override(language):
        direction = "rtl" if translation.get_language_bidi() else "ltr"
        return render_to_string(
            "curriculum/handout_pdf.html",
            {
                "module": module,
                "language": language,
                "content_chain": chain,
                "cards": list(module.cards.all()),
                "direction": direction,
                **pdf_font_context(direction=direction),
            },
        )


def handout_fingerprint(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def pdf_from_html(html: str) -> bytes:
    return pdf_render(html)


def handout_pdf(module: Module, language: str) -> bytes:
    return pdf_from_html(handout_html(module, language))
