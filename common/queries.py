"""Query pieces that must give the same answer on PostgreSQL and on the embedded default (SQLite)."""

import json

from django.db import connection
from django.db.models import F, Q, TextField
from django.db.models.functions import Cast
from django.db.models.lookups import Contains


def json_list_has(field: str, value: str) -> Q:
    """Rows whose JSON list `field` holds `value` (a short code such as a language or a time of day).

    PostgreSQL answers with jsonb containment (`@>`). SQLite has no containment operator, so there
    the quoted code is matched in the stored JSON text: exact for these lists, whose items are
    validated choice codes (no quotes or backslashes), so both databases return the same rows.
    """
    if connection.features.supports_json_field_contains:
        return Q(**{f"{field}__contains": [value]})
    return Q(Contains(Cast(F(field), TextField()), json.dumps(value)))
