"""Certificate PDFs with WeasyPrint (HarfBuzz shaping; right-to-left for ur/sd/ps).

The fonts are those of every PDF (common/pdf.py): Noto Naskh Arabic for Urdu as well as Sindhi and
Pashto, not the Nastaliq of the web pages, so the text layer reads back the right letters; Latin text
(names, the code, the address) in the Latin subset of Noto Sans.
"""

from django.template.loader import render_to_string
from django.utils import translation

from ambassadors.models import Certificate, Track
from common.pdf import pdf_font_context, pdf_render
from common.qr import qr_data_uri


def certificate_html(certificate: Certificate, *, verify_url: str) -> str:
    language = certificate.language
    with translation.override(language):
        direction = "rtl" if translation.get_language_bidi() else "ltr"
        track_name = ""
        if certificate.track_id:
            track = Track.objects.get(pk=certificate.track_id)
            track_name = getattr(track, f"name_{language}", "") or track.name_en
        return render_to_string(
            "ambassadors/certificate_pdf.html",
            {
                "certificate": certificate,
                "language": language,
                "direction": direction,
                "level": certificate.get_level_display(),
                "track_name": track_name,
                "verify_url": verify_url,
                "qr": qr_data_uri(verify_url, dark="#064d37"),
                **pdf_font_context(direction=direction),
            },
        )


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    return pdf_render(certificate_html(certificate, verify_url=verify_url))
