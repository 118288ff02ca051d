"""PDFs made with WeasyPrint (handouts, certificates): the fonts they embed, and the rendering.

Every PDF sets its text in the TTFs of static/fonts/pdf (their source and licence are in the README
there), never in whatever a machine happens to have installed:

- Noto Naskh Arabic 2.004 for Urdu, Sindhi and Pashto. Not the Nastaliq of the Urdu web pages, nor
  the woff2 web subsets: those draw several letters with one shared dotless body plus separate dots,
  and a PDF's text layer maps each glyph to one text, so copying, searching or a screen reader then
  gets wrong letters (a test measured 20% of the Urdu words readable back with Nastaliq, 99% with
  this Naskh). This Naskh has one glyph per letter form, every Sindhi and Pashto letter, and ASCII
  and both Arabic digit sets.
- A Latin subset of Noto Sans for English, names written in Latin letters, codes, addresses and the
  punctuation the Naskh lacks (the hyphen of 0800-39393).

The font stack names only these two families, Arabic script first on right-to-left pages; a
character neither has would come from a system font, which `tests/curriculum/test_handout_pdfs.py`
catches by listing the fonts a PDF embeds.
"""

import logging
from pathlib import Path

from django.conf import settings

# Relative to BASE_DIR, the base URL of every PDF: the HTML (and so the handouts' fingerprint) does not
# depend on where the project is installed.
FONT_FOLDER = "static/fonts/pdf"
ARABIC_FAMILY = "Hifazat Naskh"
LATIN_FAMILY = "Hifazat Sans"
FONTS = [
    (ARABIC_FAMILY, 400, "NotoNaskhArabic-Regular.ttf"),
    (ARABIC_FAMILY, 700, "NotoNaskhArabic-Bold.ttf"),
    (LATIN_FAMILY, 400, "NotoSans-Regular-latin.ttf"),
    (LATIN_FAMILY, 700, "NotoSans-Bold-latin.ttf"),
]
# The PostScript names WeasyPrint writes for them (BaseFont, after the subset tag).
EMBEDDED_FONT_NAMES = {"Hifazat-Naskh", "Hifazat-Naskh-Bold", "Hifazat-Sans", "Hifazat-Sans-Bold"}

# WeasyPrint reports every layout step and fontTools every font it subsets at INFO: noise in the
# worker log for each PDF.
for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def pdf_font_faces() -> list[dict]:
    """@font-face entries (family, weight, URL relative to BASE_DIR) for templates/includes/pdf_fonts.css."""
    return [
        {"family": family, "weight": weight, "url": f"{FONT_FOLDER}/{name}"} for family, weight, name in FONTS
    ]


def pdf_font_paths() -> list[Path]:
    return [Path(settings.BASE_DIR) / FONT_FOLDER / name for _family, _weight, name in FONTS]


def pdf_font_context(*, direction: str) -> dict:
    """What templates/includes/pdf_fonts.css needs: the faces and the stack for the page direction."""
    order = [ARABIC_FAMILY, LATIN_FAMILY] if direction == "rtl" else [LATIN_FAMILY, ARABIC_FAMILY]
    return {
        "pdf_font_faces": pdf_font_faces(),
        "pdf_font_stack": ", ".join(f'"{family}"' for family in order),
        "pdf_latin_stack": f'"{LATIN_FAMILY}", "{ARABIC_FAMILY}"',
    }


def pdf_render(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
