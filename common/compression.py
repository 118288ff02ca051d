"""Compression of what is text, and only of that."""

from django.middleware.gzip import GZipMiddleware

# Fonts, images, PDFs and zips are compressed already: gzip would cost CPU on every request for nothing.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (BREACH padding included) for pages, and in `make run` for the static
    text files that whitenoise serves from the source folders without a pre-compressed copy. In
    production whitenoise sends its own .br/.gz of static files, which this leaves alone."""

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
