"""The profile now lives in the facilitators app (facilitators 0001): applications, enrolments, quiz
attempts and certificates point at it there, and this app forgets its copy. State only: no table,
column or constraint changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ambassadors", "0003_default_track"),
        ("facilitators", "0001_initial"),
        # Workshops stop pointing at ambassadors.AmbassadorProfile before it leaves this app's state.
        ("workshops", "0008_facilitator_profile_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="enrolment",
                    name="profile",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="enrolments",
                        to="facilitators.ambassadorprofile",
                        verbose_name="ambassador",
                    ),
                ),
                migrations.AlterField(
                    model_name="certificate",
                    name="profile",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="certificates",
                        to="facilitators.ambassadorprofile",
                        verbose_name="ambassador",
                    ),
                ),
                migrations.AlterField(
                    model_name="quizattempt",
                    name="profile",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="quiz_attempts",
                        to="facilitators.ambassadorprofile",
                    ),
                ),
                migrations.AlterField(
                    model_name="application",
                    name="profile",
                    field=models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="application",
                        to="facilitators.ambassadorprofile",
                        verbose_name="ambassador profile",
                    ),
                ),
                migrations.DeleteModel(name="AmbassadorProfile"),
            ],
        ),
    ]
