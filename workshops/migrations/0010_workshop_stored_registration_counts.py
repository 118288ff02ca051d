# Stored per-workshop registration counts for the impact figures (docs/impact.md, "Performance").

from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def fill_counts(apps, schema_editor):
    """The stored counts of every existing workshop, from its registrations (one UPDATE)."""
    Workshop = apps.get_model("workshops", "Workshop")
    Registration = apps.get_model("workshops", "Registration")

    def count_of(**condition):
        counted = (
            Registration.objects.filter(workshop=OuterRef("pk"), **condition)
            .order_by()
            .values("workshop")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)

    Workshop.objects.update(
        registrations_confirmed=count_of(status="confirmed"),
        registrations_waitlisted=count_of(status="waitlisted"),
        registrations_attended=count_of(status__in=["confirmed", "waitlisted"], attended=True),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0009_workshop_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="workshop",
            name="registrations_attended",
            field=models.PositiveIntegerField(db_default=0, default=0, editable=False),
        ),
        migrations.AddField(
            model_name="workshop",
            name="registrations_confirmed",
            field=models.PositiveIntegerField(db_default=0, default=0, editable=False),
        ),
        migrations.AddField(
            model_name="workshop",
            name="registrations_waitlisted",
            field=models.PositiveIntegerField(db_default=0, default=0, editable=False),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop),
    ]
