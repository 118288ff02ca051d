"""Load Pakistan's provinces, territories and districts (names in English, Urdu, Sindhi and Pashto).

The data lives in regions/data/*.csv so a changed district list is a reviewed data change; a later
migration can mark retired districts inactive rather than delete them. `load` reads every `name_<lang>`
column the CSV has (0003 added Sindhi and Pashto), so the tests' reload after a flush gets them all;
databases migrated before then get the new columns from 0003.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _names(row: dict) -> dict:
    """The translated name columns present in a CSV row (name_en, name_ur, name_sd, name_ps)."""
    return {column: value for column, value in row.items() if column.startswith("name_") and value}


def load(apps, schema_editor):
    Province = apps.get_model("regions", "Province")
    District = apps.get_model("regions", "District")
    provinces = {}
    for position, row in enumerate(_rows("provinces.csv")):
        provinces[row["code"]], _ = Province.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name_en"], **_names(row), "position": position},
        )
    for row in _rows("pakistan_districts.csv"):
        District.objects.update_or_create(
            province=provinces[row["province_code"]],
            name=row["name_en"],
            defaults={**_names(row), "active": True},
        )


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
