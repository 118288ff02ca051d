"""The ambassador profile moves here from the ambassadors app, table and rows untouched.

Only Django's idea of where the model lives changes (state); the table keeps its name
(`ambassadors_ambassadorprofile`, see Meta.db_table). ambassadors 0004 and workshops 0008 re-point
their foreign keys to this model, again in state only. The content type moves with the model, so
permissions granted on it and the admin's history rows keep pointing at the same rows.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import facilitators.models


def content_type_move(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    if content_types.filter(app_label=target, model="ambassadorprofile").exists():
        return  # already there (a database created after the move)
    content_types.filter(app_label=source, model="ambassadorprofile").update(app_label=target)


def forwards(apps, schema_editor):
    content_type_move(apps, schema_editor, source="ambassadors", target="facilitators")


def backwards(apps, schema_editor):
    content_type_move(apps, schema_editor, source="facilitators", target="ambassadors")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ambassadors", "0003_default_track"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("regions", "0003_sindhi_and_pashto_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="AmbassadorProfile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("applicant", "Applicant"),
                                    ("trainee", "Trainee"),
                                    ("certified", "Certified ambassador"),
                                    ("master_trainer", "Master trainer"),
                                ],
                                default="applicant",
                                max_length=20,
                                verbose_name="level",
                            ),
                        ),
                        (
                            "languages",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Languages this ambassador can run a session in.",
                                validators=[facilitators.models.validate_languages],
                                verbose_name="languages",
                            ),
                        ),
                        (
                            "gender",
                            models.CharField(
                                blank=True,
                                choices=[("woman", "Woman"), ("man", "Man"), ("other", "Another gender")],
                                max_length=10,
                                verbose_name="gender",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="In E.164, e.g. +923001234567.",
                                max_length=16,
                                verbose_name="phone",
                            ),
                        ),
                        (
                            "languages_spoken",
                            models.JSONField(
                                blank=True,
                                default=list,
                                validators=[facilitators.models.validate_languages],
                                verbose_name="languages spoken",
                            ),
                        ),
                        (
                            "background",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("teacher", "Teacher"),
                                    ("student", "University or college student"),
                                    ("womens_group", "Member of a women-led community group"),
                                    ("health_worker", "Health worker (for example a Lady Health Worker)"),
                                    ("civil_society", "Civil-society worker"),
                                    ("parent", "Parent"),
                                    ("other", "Other"),
                                ],
                                max_length=20,
                                verbose_name="background",
                            ),
                        ),
                        (
                            "organisation",
                            models.CharField(blank=True, max_length=160, verbose_name="organisation"),
                        ),
                        (
                            "availability",
                            models.JSONField(
                                blank=True,
                                default=list,
                                validators=[facilitators.models.validate_availability],
                                verbose_name="availability",
                            ),
                        ),
                        (
                            "certificate_language",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("en", "English"),
                                    ("ur", "Urdu"),
                                    ("sd", "Sindhi"),
                                    ("ps", "Pashto"),
                                ],
                                help_text="Empty: the ambassador's preferred language.",
                                max_length=8,
                                verbose_name="language of certificates",
                            ),
                        ),
                        (
                            "calendar_token",
                            models.CharField(
                                default=facilitators.models.new_calendar_token,
                                editable=False,
                                max_length=64,
                                unique=True,
                                verbose_name="calendar feed token",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "district",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="regions.district",
                                verbose_name="district",
                            ),
                        ),
                        (
                            "mentor",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"level": "master_trainer"},
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="mentees",
                                to="facilitators.ambassadorprofile",
                                verbose_name="mentor",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="ambassador_profile",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="user",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ambassador profile",
                        "verbose_name_plural": "ambassador profiles",
                        "db_table": "ambassadors_ambassadorprofile",
                        "ordering": ["user__full_name", "user__email"],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
