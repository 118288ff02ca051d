"""Give the provinces and districts loaded by 0002 their Sindhi and Pashto names.

Rows are matched by province code and English name, as in regions/data/*.csv; a district an admin
added or renamed since is left as it is. Names already set (an admin's correction) are kept.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANGUAGES = ("sd", "ps")


def _rows(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _fill(instance, row: dict) -> None:
    changed = [f"name_{code}" for code in LANGUAGES if not getattr(instance, f"name_{code}")]
    if changed:
        for field in changed:
            setattr(instance, field, row[field])
        instance.save(update_fields=changed)


def fill_names(apps, schema_editor):
    Province = apps.get_model("regions", "Province")
    District = apps.get_model("regions", "District")
    provinces = {province.code: province for province in Province.objects.all()}
    for row in _rows("provinces.csv"):
        if row["code"] in provinces:
            _fill(provinces[row["code"]], row)
    districts = {
        (district.province.code, district.name_en): district
        for district in District.objects.select_related("province")
    }
    for row in _rows("pakistan_districts.csv"):
        district = districts.get((row["province_code"], row["name_en"]))
        if district is not None:
            _fill(district, row)


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_load_pakistan_districts")]

    operations = [migrations.RunPython(fill_names, migrations.RunPython.noop)]
