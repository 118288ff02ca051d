"""A large data set, made fast on PostgreSQL (bulk_create and INSERT ... SELECT generate_series):
workshops over the last year in Sindh and Punjab, registrations, walk-ins, quizzes, feedback,
ambassadors, and confidential reports with their anonymised monthly tallies.

Used by tests/impact/test_query_counts.py and bench/impact.py. Everything made here is marked
("[bulk]" titles, "BULK" case codes, "bulk-" emails), so a bench database is filled only once."""

import datetime

from django.db import connection
from django.utils import timezone

TITLE = "[bulk] "


def bulk_present() -> bool:
    from workshops.models import Workshop

    return Workshop.objects.filter(title__startswith=TITLE).exists()


def _quiz_module():
    from curriculum.models import Module
    from curriculum.models import Topic as CurriculumTopic

    module = Module.objects.filter(topic__slug="scams-fraud").first()
    if module is None:
        topic = CurriculumTopic.objects.get(slug="scams-fraud")
        module = Module.objects.create(slug="bulk-quiz", topic=topic, title=f"{TITLE}Quiz module")
    return module


def bulk_create(*, workshops: int = 2000, registrations: int = 100_000, incidents: int = 50_000) -> None:
    from accounts.models import User
    from facilitators.models import AmbassadorProfile
    from regions.models import District
    from workshops.models import Topic, Workshop, WorkshopTopic

    districts = list(District.objects.filter(province__code__in=["SD", "PB"]).order_by("pk"))
    users = User.objects.bulk_create(
        [
            User(email=f"bulk-{n}@hifazat.test", full_name=f"Ambassador {n}", role="ambassador")
            for n in range(200)
        ]
    )
    levels = [level.value for level in AmbassadorProfile.Level]
    profiles = AmbassadorProfile.objects.bulk_create(
        [
            AmbassadorProfile(
                user=user,
                level=levels[n % len(levels)],
                languages=["ur"],
                district=districts[n % len(districts)],
                calendar_token=f"bulk-{n}",
            )
            for n, user in enumerate(users)
        ]
    )
    now = timezone.now()
    rows = []
    for n in range(workshops):
        starts = now - datetime.timedelta(days=1 + n % 360, hours=n % 7)
        rows.append(
            Workshop(
                title=f"{TITLE}Staying safe online {n}",
                language=["ur", "sd", "ps", "en"][n % 4],
                district=districts[n % len(districts)],
                town="Town",
                venue_kind="school",
                audience=["everyone", "women_girls", "youth", "parents"][n % 4],
                women_only=n % 4 == 1,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                capacity=100,
                status="completed" if n % 10 else "cancelled",
                lead_facilitator=profiles[n % len(profiles)] if n % 3 else None,
            )
        )
    made = Workshop.objects.bulk_create(rows, batch_size=1000)
    WorkshopTopic.objects.bulk_create(
        [WorkshopTopic(workshop=w, topic=Topic.values[n % 4]) for n, w in enumerate(made)], batch_size=1000
    )
    quiz_module = _quiz_module()
    with connection.cursor() as cursor:
        ids = "(SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM workshops_workshop WHERE title LIKE %s)"
        cursor.execute(
            f"""
            INSERT INTO workshops_registration
                (workshop_id, name, phone, email, language, consent, status, attended, created_at)
            SELECT w.ids[1 + g %% w.n], 'Bulk', '+92300' || lpad(g::text, 7, '0'), '', 'ur', true,
                   CASE WHEN g %% 17 = 0 THEN 'cancelled' WHEN g %% 10 = 0 THEN 'waitlisted' ELSE 'confirmed' END,
                   g %% 3 <> 0, now()
            FROM generate_series(1, %s) AS g, {ids} AS w
            """,  # noqa: S608 - a constant fragment; values are parameters
            [registrations, TITLE + "%"],
        )
    Workshop.objects.filter(title__startswith=TITLE).registration_counts_refresh()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO workshops_walkincount (workshop_id, gender, age_band, count)
            SELECT w.ids[g], (ARRAY['women', 'men', 'other'])[1 + g %% 3], '18_29', 1 + g %% 9
            FROM {ids} AS w, generate_series(1, (SELECT count(*) FROM workshops_workshop WHERE title LIKE %s)) AS g
            WHERE g %% 2 = 0
            """,  # noqa: S608 - a constant fragment; values are parameters
            [TITLE + "%", TITLE + "%"],
        )
        cursor.execute(
            f"""
            INSERT INTO workshops_quiztally (workshop_id, module_id, questions, pre_participants, pre_correct,
                                            post_participants, post_correct, recorded_at)
            SELECT w.ids[g], %s, 10, 20, 80 + g %% 40, 20, 130 + g %% 50, now()
            FROM {ids} AS w, generate_series(1, (SELECT count(*) FROM workshops_workshop WHERE title LIKE %s)) AS g
            WHERE g %% 3 = 0
            """,  # noqa: S608 - a constant fragment; values are parameters
            [quiz_module.pk, TITLE + "%", TITLE + "%"],
        )
        # Phone answers: 20,000 people, before and after, 5 questions each.
        cursor.execute(
            f"""
            INSERT INTO workshops_quizresponse (workshop_id, module_id, stage, questions, correct, language,
                                               created_at)
            SELECT w.ids[1 + g %% w.n], %s, (ARRAY['pre', 'post'])[1 + g %% 2], 5, (g %% 2) * 2 + g %% 4, 'ur',
                   now()
            FROM generate_series(1, 20000) AS g, {ids} AS w
            """,  # noqa: S608 - a constant fragment; values are parameters
            [quiz_module.pk, TITLE + "%"],
        )
        cursor.execute(
            f"""
            INSERT INTO workshops_feedback (workshop_id, useful, confidence, would_recommend, created_at, device)
            SELECT w.ids[1 + g %% w.n], 1 + g %% 4, (ARRAY['more', 'same', 'less'])[1 + g %% 3], g %% 5 <> 0, now(), ''
            FROM generate_series(1, 20000) AS g, {ids} AS w
            """,  # noqa: S608 - a constant fragment; values are parameters
            [TITLE + "%"],
        )
        cursor.execute(
            """
            INSERT INTO incidents_case
                (code, secret_hash, channel, "when", immediate_danger, narrative, contact, contact_consent,
                 language, status, created_at, updated_at, district_id, category_id)
            SELECT 'BULK' || lpad(g::text, 9, '0'), '', 'call', 'week', false, '', '', false, 'ur', 'new',
                   now() - make_interval(days => g %% 365), now(), d.ids[1 + g %% d.n], c.ids[1 + (g * 7) %% c.n]
            FROM generate_series(1, %s) AS g,
                 (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM regions_district
                   WHERE province_id IN (SELECT id FROM regions_province WHERE code IN ('SD', 'PB'))) AS d,
                 (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM incidents_category) AS c
            """,
            [incidents],
        )
        cursor.execute(
            """
            INSERT INTO incidents_monthlytally (month, category_id, district_id, count)
            SELECT date_trunc('month', created_at AT TIME ZONE 'Asia/Karachi')::date, category_id, district_id, count(*)
            FROM incidents_case WHERE code LIKE 'BULK%%' GROUP BY 1, 2, 3
            ON CONFLICT ON CONSTRAINT tally_unique_cell DO UPDATE SET count = incidents_monthlytally.count + EXCLUDED.count
            """
        )
        cursor.execute("ANALYZE")
