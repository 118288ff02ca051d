from django.db import migrations

from incidents.data.seed import CATEGORIES, CONTACTS, REPLY_TEMPLATES

LANGUAGES = ("en", "ur", "sd", "ps")


def translated(field: str, values: dict) -> dict:
    result = {f"{field}_{code}": values.get(code, "") for code in LANGUAGES}
    result[field] = values.get("en", "")
    return result


def seed(apps, schema_editor):
    Category = apps.get_model("incidents", "Category")
    Contact = apps.get_model("incidents", "Contact")
    ReplyTemplate = apps.get_model("incidents", "ReplyTemplate")
    by_slug = {}
    for position, (slug, parent, names, guidance) in enumerate(CATEGORIES):
        category, _created = Category.objects.update_or_create(
            slug=slug,
            defaults={
                "parent": by_slug.get(parent),
                "position": position,
                **translated("name", names),
                **translated("guidance", guidance),
            },
        )
        by_slug[slug] = category
    for position, (slug, kind, phone, website, categories, names, descriptions) in enumerate(CONTACTS):
        contact, _created = Contact.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "phone": phone,
                "website": website,
                "position": position,
                **translated("name", names),
                **translated("description", descriptions),
            },
        )
        contact.categories.set([by_slug[name] for name in categories])
    for position, (titles, bodies) in enumerate(REPLY_TEMPLATES):
        ReplyTemplate.objects.update_or_create(
            title_en=titles["en"],
            defaults={"position": position, **translated("title", titles), **translated("body", bodies)},
        )


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
