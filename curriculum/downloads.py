"""Serving stored files with what phones on weak connections need: Content-Length, ETag and
Last-Modified (so a repeated download is a 304), and single byte ranges (a broken download
resumes with 206 instead of starting over)."""

import re
from datetime import datetime

from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    StreamingHttpResponse,
)
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe, quote_etag

RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


class _RangeFile:
    """Yields `length` bytes of a file from `start`, then closes it."""

    def __init__(self, handle, start: int, length: int):
        self.handle, self.remaining = handle, length
        handle.seek(start)

    def __iter__(self):
        try:
            while self.remaining > 0:
                data = self.handle.read(min(CHUNK, self.remaining))
                if not data:
                    break
                self.remaining -= len(data)
                yield data
        finally:
            self.handle.close()


def _parse_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(start, end) inclusive; None when there is no usable Range header; False if unsatisfiable."""
    match = RANGE_PATTERN.match(header.strip()) if header else None
    if not match:
        return None  # absent, multiple ranges or malformed: the whole file is a valid answer
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return False
    return start, end


def stored_file_response(
    request: HttpRequest,
    *,
    field_file,
    content_type: str,
    download_name: str,
    etag: str,
    modified: datetime,
    size: int,
) -> HttpResponse:
    etag = quote_etag(etag)
    last_modified = int(modified.timestamp())
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match and (
        if_none_match.strip() == "*" or etag in [tag.strip() for tag in if_none_match.split(",")]
    ):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if not if_none_match and since is not None and last_modified <= since:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response

    byte_range = None
    if_range = request.headers.get("If-Range")
    if request.headers.get("Range") and (not if_range or if_range.strip() == etag):
        byte_range = _parse_range(request.headers["Range"], size)
    if byte_range is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response

    handle = field_file.open("rb")
    if byte_range:
        start, end = byte_range
        response = StreamingHttpResponse(
            _RangeFile(handle, start, end - start + 1), status=206, content_type=content_type
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Content-Disposition"] = content_disposition_header(True, download_name)
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a browser were tricked into rendering it, nothing in it may run.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=3600"
    return response
