"""QR codes as SVG data URIs (inline in a page or a PDF: no file, no request, no third party)."""

import segno


def qr_data_uri(text: str, *, scale: int = 4, dark: str = "#000") -> str:
    # Error correction "m": still reads from a creased handout or a cracked screen.
    return segno.make(text, error="m").svg_data_uri(scale=scale, dark=dark)
