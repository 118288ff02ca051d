"""The coordinators' workshops export (export.csv): every workshop in scope, streamed.

On PostgreSQL the database writes each CSV line itself, in one query: labels are CASE expressions
built from the model choices in the active language, local times come from `AT TIME ZONE`, and the
cells get the same formula guard and quoting as common/exports.py. The web process only passes the
lines on, 2,000 at a time from a server-side cursor (the admin's 20,000 workshops took ~500 ms at
p95 when every cell went through Python, docs/scaling.md "Third round"). Elsewhere (the embedded
SQLite default) the rows are formatted in Python. Both give the same bytes
(tests/workshops/test_exports.py).
"""

from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.exports import FORMULA_STARTS, csv_lines_streaming_response, csv_streaming_response
from facilitators.models import AmbassadorProfile
from regions.models import District, Province
from workshops import selectors
from workshops.models import Topic, Workshop, WorkshopTopic

CHUNK_ROWS = 2000


def workshops_export_response(request: HttpRequest) -> StreamingHttpResponse:
    """The export for request.user (the view has checked they are a coordinator)."""
    zone = getattr(timezone.get_current_timezone(), "key", None)
    if connection.vendor == "postgresql" and zone:
        return csv_lines_streaming_response(
            filename="workshops", header=header(), chunks=postgresql_lines(user=request.user, zone=zone)
        )
    return csv_streaming_response(filename="workshops", header=header(), rows=python_rows(user=request.user))


def header() -> list[str]:
    return [
        _("ID"),
        _("Title"),
        _("Status"),
        _("Starts"),
        _("Ends"),
        _("Province"),
        _("District"),
        _("Town or village"),
        _("Language"),
        _("Format"),
        _("Audience"),
        _("Topics"),
        _("Seats"),
        _("Confirmed"),
        _("Waiting"),
        _("Lead facilitator"),
        _("Recorded afterwards"),
    ]


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def python_rows(*, user) -> Iterator[list]:
    """The export's rows as cells, formatted in Python: two queries whatever the number of rows
    (selectors.workshop_export_rows), labels looked up once per request."""
    rows = selectors.workshop_export_rows(user=user)
    statuses, languages = _labels(Workshop.Status.choices), _labels(settings.LANGUAGES)
    formats, audiences = _labels(Workshop.Format.choices), _labels(Workshop.Audience.choices)
    topics = _labels(Topic.choices)
    yes, no = _("Yes"), _("No")
    zone = timezone.get_current_timezone()
    formatted: dict = {}

    def local(moment) -> str:
        # Sessions share start and end times (2,205 distinct among 20,000 national workshops):
        # each is converted and formatted once.
        text = formatted.get(moment)
        if text is None:
            text = formatted[moment] = moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        return text

    # Tuples in the order of selectors.EXPORT_FIELDS, then the topics.
    for (
        pk,
        title,
        status,
        starts_at,
        ends_at,
        province,
        district,
        town,
        language,
        venue_format,
        audience,
        capacity,
        confirmed,
        waitlisted,
        lead_name,
        lead_email,
        recorded_afterwards,
        workshop_topics,
    ) in rows:
        yield [
            pk,
            title,
            statuses.get(status, status),
            local(starts_at),
            local(ends_at),
            province,
            district,
            town,
            languages.get(language, language),
            formats.get(venue_format, venue_format),
            audiences.get(audience, audience),
            "; ".join([topics.get(topic, topic) for topic in workshop_topics]),
            capacity,
            confirmed,
            waitlisted,
            lead_name or lead_email or "",
            yes if recorded_afterwards else no,
        ]


# --- PostgreSQL: the lines written by the database -------------------------------------------------


def _cell(text) -> str:
    """One cell as csv.writer (excel dialect, QUOTE_MINIMAL) writes it, after the formula guard."""
    text = "" if text is None else str(text)
    if text[:1] in FORMULA_STARTS:
        text = "'" + text
    if any(character in text for character in '",\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _sql_cell(column: str) -> str:
    """SQL for the same as _cell, of a text expression that is never NULL (strpos: cheaper than a
    regular expression, and this runs for three cells of every row)."""
    guarded = f"(CASE WHEN left({column}, 1) IN ('=', '+', '-', '@') THEN '''' || {column} ELSE {column} END)"
    needs_quotes = " OR ".join(
        f"strpos({column}, {character}) > 0" for character in ("'\"'", "','", "chr(13)", "chr(10)")
    )
    return (
        f"""(CASE WHEN {needs_quotes} THEN '"' || replace({guarded}, '"', '""') || '"' ELSE {guarded} END)"""
    )


def _sql_label(column: str, labels: dict[str, str], params: dict, name: str) -> str:
    """A CASE turning `column`'s stored value into its label's finished cell (the stored value when
    it has no label, as the Python path does)."""
    branches = []
    for number, (value, label) in enumerate(labels.items()):
        params[f"{name}_v{number}"], params[f"{name}_l{number}"] = value, _cell(label)
        branches.append(f"WHEN %({name}_v{number})s THEN %({name}_l{number})s")
    return f"(CASE {column} {' '.join(branches)} ELSE {_sql_cell(column)} END)"


def _sql_topic_label(params: dict) -> str:
    """A CASE turning a topic's stored value into its label (not yet a cell: the labels are joined
    first)."""
    branches = []
    for number, (value, label) in enumerate(_labels(Topic.choices).items()):
        params[f"topic_v{number}"], params[f"topic_l{number}"] = value, label
        branches.append(f"WHEN %(topic_v{number})s THEN %(topic_l{number})s")
    return f"(CASE t.topic {' '.join(branches)} ELSE t.topic END)"


def postgresql_lines(*, user, zone: str) -> Iterator[str]:
    """The export's lines, each made by PostgreSQL, read CHUNK_ROWS at a time from a server-side
    cursor and passed on as one chunk of text each (one query whatever the number of rows)."""
    scope = Workshop.objects.in_scope_of(user).order_by().values("pk")
    try:
        scope_sql, scope_params = scope.query.sql_with_params()
    except EmptyResultSet:  # a coordinator with neither districts nor a province: nothing to list
        return
    # An admin's scope is every workshop: then no join with it at all.
    scoped = bool(scope.query.where)
    params: dict = {
        "zone": zone,
        "yes": _cell(_("Yes")),
        "no": _cell(_("No")),
    }
    # The scope's own placeholders are positional (%s): named here so the query can use both.
    for number, value in enumerate(scope_params):
        params[f"scope_{number}"] = value
    scope_sql = scope_sql.replace("%%", "\0") % tuple(f"%(scope_{n})s" for n in range(len(scope_params)))
    scope_sql = scope_sql.replace("\0", "%%")

    status = _sql_label("r.status", _labels(Workshop.Status.choices), params, "status")
    language = _sql_label("r.language", _labels(settings.LANGUAGES), params, "language")
    venue_format = _sql_label("r.format", _labels(Workshop.Format.choices), params, "format")
    audience = _sql_label("r.audience", _labels(Workshop.Audience.choices), params, "audience")
    topic_label = _sql_topic_label(params)
    time_format = "'YYYY-MM-DD HH24:MI'"
    cells = [
        "r.id::text",
        _sql_cell("r.title"),
        status,
        f"to_char(r.starts_at AT TIME ZONE %(zone)s, {time_format})",
        f"to_char(r.ends_at AT TIME ZONE %(zone)s, {time_format})",
        "r.province",
        "r.district",
        _sql_cell("r.town"),
        language,
        venue_format,
        audience,
        _sql_cell("r.topics"),
        "coalesce(r.capacity::text, '')",
        "coalesce(r.confirmed::text, '')",
        "coalesce(r.waitlisted::text, '')",
        "r.lead",
        "(CASE WHEN r.recorded_afterwards THEN %(yes)s ELSE %(no)s END)",
    ]
    line = " || ',' || ".join(cells) + " || E'\\r\\n'"
    # The rows are sorted first and the lines made from the sorted rows (sorting 20,000 finished
    # lines spilled to disk). Table names and expressions are ours; every value (labels, the zone,
    # the scope's) is a parameter.
    sql = f"""
        {f"WITH scope(id) AS ({scope_sql})" if scoped else ""}
        SELECT {line}
        FROM (
            SELECT w.id, w.title, w.status, w.starts_at, w.ends_at,
                names.province, names.district, w.town,
                w.language, w.format, w.audience, coalesce(topics.labels, '') AS topics,
                w.capacity, w.registrations_confirmed AS confirmed,
                w.registrations_waitlisted AS waitlisted,
                coalesce(leads.lead, '') AS lead,
                w.recorded_afterwards
            FROM {Workshop._meta.db_table} w
            {"JOIN scope ON scope.id = w.id" if scoped else ""}
            JOIN (
                -- Finished cells made once per district (172), not once per workshop; the names'
                -- own columns, as the Python path reads them (values_list does not translate a
                -- related model's fields).
                SELECT d.id, {_sql_cell("coalesce(p.name, '')")} AS province,
                    {_sql_cell("coalesce(d.name, '')")} AS district
                FROM {District._meta.db_table} d
                JOIN {Province._meta.db_table} p ON p.id = d.province_id
            ) names ON names.id = w.district_id
            LEFT JOIN (
                -- Joined in the order of the sorted rows below (an ORDER BY inside string_agg
                -- sorts each workshop's topics on its own: 20,000 small sorts).
                SELECT sorted.workshop_id, string_agg(sorted.label, '; ') AS labels
                FROM (
                    SELECT t.workshop_id, {topic_label} AS label
                    FROM {WorkshopTopic._meta.db_table} t
                    {"JOIN scope ON scope.id = t.workshop_id" if scoped else ""}
                    ORDER BY t.workshop_id, t.id
                ) sorted
                GROUP BY sorted.workshop_id
            ) topics ON topics.workshop_id = w.id
            LEFT JOIN (
                -- Once per ambassador (5,000), not once per workshop: name, else address.
                SELECT lead.id,
                    {_sql_cell("coalesce(nullif(u.full_name, ''), nullif(u.email, ''), '')")} AS lead
                FROM {AmbassadorProfile._meta.db_table} lead
                JOIN {User._meta.db_table} u ON u.id = lead.user_id
            ) leads ON leads.id = w.lead_facilitator_id
            ORDER BY w.starts_at DESC, w.id DESC
        ) r
    """  # noqa: S608
    # In a transaction of its own, so the server-side cursor is read as PostgreSQL makes the lines
    # (outside one, Django declares it WITH HOLD: every line is written to a temporary store before
    # the first is sent), and the sort of 20,000 rows may use memory, not disk. It only reads; a
    # download given up closes this generator, which ends the transaction.
    with transaction.atomic(), connection.cursor() as setup:
        setup.execute("SET LOCAL work_mem = '16MB'")
        with connection.chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(CHUNK_ROWS):
                yield "".join([row[0] for row in rows])
