"""Certificate PDFs with WeasyPrint (HarfBuzz shaping; right-to-left for ur/sd/ps).

The certificate uses Noto Naskh Arabic for Urdu as well as Sindhi and Pashto, not the Nastaliq of the
web pages: Nastaliq (and the Naskh web subset in static/fonts) draw several letters with one shared
dotless glyph, so the PDF's text layer then reads back wrong letters (ن as ف, ت as ق) when it is
copied, searched or read aloud by a screen reader. The full Noto Naskh Arabic shipped in
static/ambassadors/fonts keeps one glyph per letter, and its text extracts in logical order.
Latin text (names, the code) uses a Latin subset of Noto Sans shipped beside it.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from ambassadors.models import Certificate, Track
from common.qr import qr_data_uri

FONTS = [
    ("Hifazat Naskh", 400, "NotoNaskhArabic-Regular.ttf"),
    ("Hifazat Naskh", 700, "NotoNaskhArabic-Bold.ttf"),
    ("Hifazat Sans", 400, "NotoSans-Regular-latin.ttf"),
    ("Hifazat Sans", 700, "NotoSans-Bold-latin.ttf"),
]


def font_faces() -> list[dict]:
    return [
        {"family": family, "weight": weight, "url": Path(finders.find(f"ambassadors/fonts/{name}")).as_uri()}
        for family, weight, name in FONTS
    ]


def certificate_html(certificate: Certificate, *, verify_url: str) -> str:
    language = certificate.language
    with translation.override(language):
        track_name = ""
        if certificate.track_id:
            track = Track.objects.get(pk=certificate.track_id)
            track_name = getattr(track, f"name_{language}", "") or track.name_en
        return render_to_string(
            "ambassadors/certificate_pdf.html",
            {
                "certificate": certificate,
                "language": language,
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
                "level": certificate.get_level_display(),
                "track_name": track_name,
                "verify_url": verify_url,
                "qr": qr_data_uri(verify_url, dark="#064d37"),
                "font_faces": font_faces(),
            },
        )


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    from django.conf import settings
    from weasyprint import HTML

    return HTML(
        string=certificate_html(certificate, verify_url=verify_url), base_url=str(settings.BASE_DIR)
    ).write_pdf()
