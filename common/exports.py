"""Tables as CSV or XLSX downloads, the same way everywhere.

CSV is UTF-8 with a byte-order mark, so spreadsheet programs read Urdu, Sindhi and Pashto
correctly. A text cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a
formula (names and notes come from the public). Exports hold personal data: never cached.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@")
STREAM_BATCH = 500


def _safe(cell):
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """`filename` without extension."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_safe(cell) for cell in header])
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return _attachment(response, f"{filename}.csv")


class _Line:
    """A file-like object whose write returns the line csv.writer formats, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_streaming_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence]
) -> StreamingHttpResponse:
    """As csv_response, but sent while `rows` is read: a national export (tens of thousands of
    rows) starts at once and never sits whole in the web process's memory. `rows` should come from
    one query read with .iterator(), so the count of queries does not grow with the rows."""
    writer = csv.writer(_Line())

    def lines():
        yield "\ufeff" + writer.writerow([_safe(cell) for cell in header])
        # Sent STREAM_BATCH lines at a time: one chunk per line cost more than formatting it
        # (a charset lookup and an encode per chunk; 0.8 s of 20,000 workshops).
        batch = []
        for row in rows:
            # _safe, inlined: a call per cell was a third of formatting a row.
            batch.append(
                writer.writerow(
                    [
                        "'" + cell if cell.__class__ is str and cell[:1] in FORMULA_STARTS else cell
                        for cell in row
                    ]
                )
            )
            if len(batch) == STREAM_BATCH:
                yield "".join(batch)
                batch = []
        if batch:
            yield "".join(batch)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"{filename}.csv")


def csv_lines_streaming_response(
    *, filename: str, header: Sequence[str], chunks: Iterable[str]
) -> StreamingHttpResponse:
    """As csv_streaming_response, for lines already formatted as CSV elsewhere (by PostgreSQL, see
    workshops/exports.py): `chunks` are whole lines, each ending in \\r\\n, sent as they come."""
    writer = csv.writer(_Line())

    def lines():
        yield "\ufeff" + writer.writerow([_safe(cell) for cell in header])
        yield from chunks

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"{filename}.csv")


def xlsx_response(
    *, filename: str, sheet: str, header: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """`filename` without extension; `sheet` is cut to Excel's 31 characters."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=sheet[:31])
    worksheet.append([_safe(cell) for cell in header])
    for row in rows:
        worksheet.append([_safe(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return _attachment(response, f"{filename}.xlsx")
