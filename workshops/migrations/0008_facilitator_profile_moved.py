"""Workshops point at the profile in its new app (facilitators 0001); the columns, the co-facilitator
table and its constraints stay exactly as they are (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("facilitators", "0001_initial"),
        ("workshops", "0007_registration_workshop_status"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="workshop",
                    name="co_facilitators",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="co_facilitated_workshops",
                        to="facilitators.ambassadorprofile",
                        verbose_name="co-facilitators",
                    ),
                ),
                migrations.AlterField(
                    model_name="workshop",
                    name="lead_facilitator",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="led_workshops",
                        to="facilitators.ambassadorprofile",
                        verbose_name="lead facilitator",
                    ),
                ),
            ],
        ),
    ]
