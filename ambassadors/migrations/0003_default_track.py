from django.db import migrations


def load(apps, schema_editor):
    from ambassadors.starter import default_track_load

    default_track_load(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("ambassadors", "0002_training_and_certification"),
        ("curriculum", "0002_seed_topics"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
