"""`manage.py national_data`: a national rollout's data, to measure staff pages against.

Rows are written in bulk (PostgreSQL COPY; bulk_create on SQLite), never through the services one
row at a time: 600,000 registrations through registration_create would take hours and send SMS.
"""

import csv
import datetime
import io
import json
import os
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

MARK = "national-"  # emails, case codes and titles carry it, so a second run sees the first
TITLE = "[national] "

# Volumes at --scale 1 (issue #18): 172 districts come from the regions migration.
AMBASSADORS = 5_000
WORKSHOPS = 20_000
REGISTRATIONS = 600_000
CASES = 200_000
MESSAGES = 500_000
DELIVERIES = 940_000
APPLICATIONS = 2_000

NARRATIVES = [
    "Someone called pretending to be from the bank and asked for my card PIN.",
    "A caller said I won the Benazir programme money and must pay a fee first.",
    "My photos were posted on a fake account and they ask for money to remove them.",
    "I got a message with a link saying my SIM would be blocked.",
    "A man keeps sending threatening messages on WhatsApp to my sister.",
]
MESSAGE_BODIES = [
    "Thank you for telling us. Do not share any code you receive by SMS.",
    "Has the person contacted you again since your report?",
    "Yes, they called twice yesterday from a different number.",
    "Please block the number and report it to PTA on 0800-55055.",
    "We have referred your case to the FIA cybercrime wing.",
]


def national_database_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/')}_national"))


class Command(BaseCommand):
    help = (
        "Fill a database with a national rollout's data (172 districts, 5,000 ambassadors, 20,000 "
        "workshops, 600,000 registrations, 200,000 reports with 500,000 messages, 940,000 deliveries) "
        "to measure staff pages against. Rows are written in bulk (COPY on PostgreSQL, bulk_create on "
        "SQLite), not through the services one by one, so nothing is sent. By default into its own "
        "PostgreSQL database, DATABASE_URL's name plus _national (created and migrated); --here writes "
        "into the configured database. Idempotent: a database that already has the data is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Fraction of the national volumes (0.001 runs in seconds).",
        )
        parser.add_argument("--here", action="store_true", help="Write into the configured database.")

    def handle(self, *args, scale: float, here: bool, **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale must be more than 0 and at most 1.")
        if not here:
            return self._into_own_database(scale)
        if national_data_present():
            self.stdout.write("National data is already there; nothing to do.")
            return
        started = time.monotonic()
        with transaction.atomic():
            counts = national_data_create(scale=scale, log=self.stdout.write)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # VACUUM too: it marks the pages all-visible, so counts read indexes alone, as they do
                # on a database that autovacuum has long looked after (it cannot run in a transaction,
                # as in a test).
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
        self.stdout.write(f"National data made in {time.monotonic() - started:.0f} s: {summary}.")

    def _into_own_database(self, scale: float) -> None:
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith("postgres"):
            raise CommandError(
                "national_data makes its own PostgreSQL database from DATABASE_URL; set it, or pass --here."
            )
        target = national_database_url(url)
        import psycopg2

        name = urlsplit(target).path.lstrip("/")
        admin = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if not cursor.fetchone():
                cursor.execute(f'CREATE DATABASE "{name}"')
        admin.close()
        env = {**os.environ, "DATABASE_URL": target}
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # Our own manage.py, in a process of its own: settings read DATABASE_URL once, at start.
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)  # noqa: S603
        subprocess.run([*manage, "national_data", "--here", f"--scale={scale}"], env=env, check=True)  # noqa: S603
        self.stdout.write(f"Measure against it with DATABASE_URL={target}")


def national_data_present() -> bool:
    from accounts.models import User

    return User.objects.filter(email=f"{MARK}admin@hifazat.test").exists()


def _cell(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value


def _insert(model, fields: list[str], rows) -> int:
    """Rows (tuples in the order of `fields`, attnames) into the model's table, in batches."""
    from incidents.fields import EncryptedTextField

    meta_fields = [model._meta.get_field(name) for name in fields]
    written = 0
    if connection.vendor != "postgresql":
        batch = []
        for row in rows:
            batch.append(model(**dict(zip(fields, row, strict=True))))
            if len(batch) == 5000:
                written += len(model.objects.bulk_create(batch))
                batch = []
        return written + len(model.objects.bulk_create(batch))
    from incidents.crypto import encrypt_text

    # A small pool of texts, each encrypted once: Fernet tokens decrypt however often they recur.
    ciphertexts: dict[str, str] = {}
    encrypted = [isinstance(field, EncryptedTextField) for field in meta_fields]
    columns = ", ".join(f'"{field.column}"' for field in meta_fields)
    sql = f"COPY {model._meta.db_table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
    buffer, writer = io.StringIO(), None
    writer = csv.writer(buffer)

    def flush():
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(sql, buffer)
        buffer.seek(0)
        buffer.truncate()

    for row in rows:
        cells = []
        for value, secret in zip(row, encrypted, strict=True):
            if secret:
                if value not in ciphertexts:
                    ciphertexts[value] = encrypt_text(value)
                value = ciphertexts[value]
            cells.append(_cell(value))
        writer.writerow(cells)
        written += 1
        if written % 50_000 == 0:
            flush()
    flush()
    return written


def national_data_create(*, scale: float = 1.0, log=print) -> dict[str, int]:  # noqa: C901, PLR0915
    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User
    from ambassadors.models import Application
    from facilitators.models import AmbassadorProfile
    from incidents.models import Case, Category, HandlerScope, Message, MonthlyTally
    from notifications.models import Delivery
    from regions.models import District, Province
    from workshops.models import Registration, Topic, Workshop, WorkshopTopic

    def size(full: int, least: int = 1) -> int:
        return max(least, round(full * scale))

    now = timezone.now()
    password = make_password(None)  # unusable: staff sign in through a test client's force_login
    provinces = list(Province.objects.order_by("position"))
    districts = list(District.objects.filter(active=True).select_related("province").order_by("pk"))
    if not districts:
        raise CommandError("No districts: run migrate first.")
    counts: dict[str, int] = {"districts": len(districts)}

    def spread(n: int):
        # 41 is prime to 172: the first rows land in districts all over the country, and ambassador n
        # lives where workshop n is held, so even a tiny scale has workshops with leads in Sindh.
        return districts[(n * 41) % len(districts)]

    # Staff: an admin, a coordinator per province and per tenth district, case handlers per province.
    staff = [("admin", User.Role.ADMIN, None)]
    staff += [(f"coordinator-{p.code.lower()}", User.Role.COORDINATOR, p.pk) for p in provinces]
    staff += [
        (f"handler-{p.code.lower()}-{n}", User.Role.CASE_HANDLER, p.pk) for p in provinces for n in range(5)
    ]
    staff += [(f"handler-nationwide-{n}", User.Role.CASE_HANDLER, None) for n in range(5)]
    _insert(
        User,
        [
            "email",
            "password",
            "full_name",
            "role",
            "province_id",
            "language",
            "is_active",
            "is_staff",
            "is_superuser",
            "first_name",
            "last_name",
            "date_joined",
        ],
        (
            (
                f"{MARK}{slug}@hifazat.test",
                password,
                slug.replace("-", " ").title(),
                role,
                province,
                "ur",
                True,
                role == User.Role.ADMIN,
                role == User.Role.ADMIN,
                "",
                "",
                now,
            )
            for slug, role, province in staff
        ),
    )
    handlers = list(User.objects.filter(email__startswith=f"{MARK}handler-").values_list("pk", "email"))
    scopes = HandlerScope.objects.bulk_create(
        [HandlerScope(user_id=pk, nationwide="nationwide" in email) for pk, email in handlers]
    )
    top_categories = list(Category.objects.filter(parent__isnull=True).values_list("pk", flat=True))
    # Handlers numbered 1 and 3 of each province see one top category; the others see them all.
    numbered = {pk: int(email.split("@")[0].rsplit("-", 1)[1]) for pk, email in handlers}
    links = [
        HandlerScope.categories.through(
            handlerscope_id=scope.pk, category_id=top_categories[n % len(top_categories)]
        )
        for n, scope in enumerate(scopes)
        if top_categories and numbered[scope.user_id] % 2
    ]
    HandlerScope.categories.through.objects.bulk_create(links)
    counts["staff"] = len(staff)

    # Ambassadors, spread over every district; a third lead, most others co-facilitate.
    ambassadors = size(AMBASSADORS, 20)
    levels = ["certified", "certified", "master_trainer", "trainee", "trainee", "applicant"]
    language_sets = [["ur"], ["ur", "sd"], ["ur", "ps"], ["ur", "en"], ["sd"], ["ps"]]
    _insert(
        User,
        [
            "email",
            "password",
            "full_name",
            "role",
            "language",
            "is_active",
            "is_staff",
            "is_superuser",
            "first_name",
            "last_name",
            "date_joined",
        ],
        (
            (
                f"{MARK}ambassador-{n}@hifazat.test",
                password,
                f"Ambassador {n:05d}",
                User.Role.AMBASSADOR,
                "ur",
                True,
                False,
                False,
                "",
                "",
                now,
            )
            for n in range(ambassadors)
        ),
    )
    user_ids = list(
        User.objects.filter(email__startswith=f"{MARK}ambassador-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _insert(
        AmbassadorProfile,
        [
            "user_id",
            "level",
            "languages",
            "district_id",
            "gender",
            "phone",
            "languages_spoken",
            "background",
            "organisation",
            "availability",
            "certificate_language",
            "calendar_token",
            "created_at",
            "updated_at",
        ],
        (
            (
                user_id,
                levels[n % len(levels)],
                language_sets[n % len(language_sets)],
                spread(n).pk,
                "woman" if n % 2 else "man",
                f"+92300{n:07d}",
                language_sets[n % len(language_sets)],
                "teacher",
                "",
                ["weekday_mornings"],
                "ur",
                f"{MARK}{n}",
                now,
                now,
            )
            for n, user_id in enumerate(user_ids)
        ),
    )
    profiles = list(
        AmbassadorProfile.objects.filter(user_id__in=user_ids)
        .order_by("pk")
        .values_list("pk", "district_id", "level")
    )
    counts["ambassadors"] = len(profiles)
    leads_by_district: dict[int, list[int]] = {}
    facilitators_by_district: dict[int, list[int]] = {}
    for pk, district_id, level in profiles:
        if level in AmbassadorProfile.LEADING_LEVELS:
            leads_by_district.setdefault(district_id, []).append(pk)
        if level in AmbassadorProfile.FACILITATING_LEVELS:
            facilitators_by_district.setdefault(district_id, []).append(pk)

    # Workshops: three quarters held over the last year, the rest ahead; some cancelled or drafts.
    workshops = size(WORKSHOPS, 40)
    admin_id = User.objects.get(email=f"{MARK}admin@hifazat.test").pk

    def workshop_row(n: int):
        district = spread(n)
        past = n % 4 != 0
        starts = now + datetime.timedelta(days=(-1 - n % 360) if past else (1 + n % 90), hours=n % 7)
        status = (
            "cancelled"
            if n % 23 == 0
            else ("completed" if past else ("draft" if n % 9 == 0 else "published"))
        )
        leads = leads_by_district.get(district.pk) or [None]
        return (
            f"{TITLE}Staying safe online {n}",
            "",
            ["ur", "sd", "ps", "en"][n % 4],
            "in_person",
            district.pk,
            "Town",
            "",
            "school",
            "",
            ["everyone", "women_girls", "youth", "parents"][n % 4],
            n % 4 == 1,
            starts,
            starts + datetime.timedelta(hours=2),
            40,
            "",
            leads[n % len(leads)],
            status,
            "",
            admin_id,
            now,
            now,
            False,
        )

    _insert(
        Workshop,
        [
            "title",
            "description",
            "language",
            "format",
            "district_id",
            "town",
            "address",
            "venue_kind",
            "online_details",
            "audience",
            "women_only",
            "starts_at",
            "ends_at",
            "capacity",
            "partner_organisation",
            "lead_facilitator_id",
            "status",
            "cancellation_reason",
            "created_by_id",
            "created_at",
            "updated_at",
            "recorded_afterwards",
        ],
        (workshop_row(n) for n in range(workshops)),
    )
    made = list(
        Workshop.objects.filter(title__startswith=TITLE)
        .order_by("pk")
        .values_list("pk", "district_id", "starts_at", "status")
    )
    counts["workshops"] = len(made)
    topics = Topic.values
    _insert(
        WorkshopTopic,
        ["workshop_id", "topic"],
        (
            (pk, topic)
            for n, (pk, *_rest) in enumerate(made)
            for topic in {topics[n % len(topics)], topics[(n // 3) % len(topics)]}
        ),
    )
    co = Workshop.co_facilitators.through
    co_rows = []
    for n, (pk, district_id, _starts, _status) in enumerate(made):
        people = facilitators_by_district.get(district_id) or []
        if people and n % 2:
            co_rows.append((pk, people[(n // 2) % len(people)]))
    _insert(co, ["workshop_id", "ambassadorprofile_id"], co_rows)

    # Registrations: spread evenly, a few cancelled and waiting.
    registrations = size(REGISTRATIONS, 100)

    def registration_row(g: int):
        pk, _district, starts, status = made[g % len(made)]
        state = "cancelled" if g % 17 == 0 else ("waitlisted" if g % 13 == 0 else "confirmed")
        return (
            pk,
            f"Participant {g}",
            f"+92301{g:07d}",
            "",
            ["ur", "sd", "ps", "en"][g % 4],
            True,
            state,
            status == "completed" and g % 3 != 0,
            starts - datetime.timedelta(days=3 + g % 20),
            None,
            None,
        )

    counts["registrations"] = _insert(
        Registration,
        [
            "workshop_id",
            "name",
            "phone",
            "email",
            "language",
            "consent",
            "status",
            "attended",
            "created_at",
            "cancelled_at",
            "promoted_at",
        ],
        (registration_row(g) for g in range(registrations)),
    )
    # The workshops' stored counts, as registration_create keeps them (one UPDATE).
    made_ids = [pk for pk, *_rest in made]
    Workshop.objects.filter(pk__range=(min(made_ids), max(made_ids))).registration_counts_refresh()
    log(f"  {counts['registrations']:,} registrations")

    # Reports with their messages, over the last year, in every district and category.
    categories = list(Category.objects.values_list("pk", flat=True))
    cases = size(CASES, 20)
    statuses = ["new", "triage", "advised", "referred", "closed", "closed"]
    channels = ["whatsapp", "facebook", "sms", "call", "wallet"]
    handler_ids = [pk for pk, _email in handlers]

    def case_row(g: int):
        created = now - datetime.timedelta(days=g % 365, minutes=g % 1440)
        status = statuses[g % len(statuses)]
        return (
            f"N{g:011d}",
            "",
            categories[(g * 7) % len(categories)],
            channels[g % len(channels)],
            "week",
            districts[g % len(districts)].pk if g % 50 else None,
            None,
            g % 97 == 0,
            NARRATIVES[g % len(NARRATIVES)],
            "",
            False,
            ["ur", "sd", "ps", "en"][g % 4],
            status,
            handler_ids[g % len(handler_ids)] if status != "new" else None,
            created,
            created,
            created if status != "new" else None,
            None,
            created + datetime.timedelta(days=20) if status == "closed" else None,
        )

    counts["reports"] = _insert(
        Case,
        [
            "code",
            "secret_hash",
            "category_id",
            "channel",
            "when",
            "district_id",
            "money_lost_pkr",
            "immediate_danger",
            "narrative",
            "contact",
            "contact_consent",
            "language",
            "status",
            "assignee_id",
            "created_at",
            "updated_at",
            "acknowledged_at",
            "alerted_at",
            "closed_at",
        ],
        (case_row(g) for g in range(cases)),
    )
    case_rows = list(
        Case.objects.filter(code__startswith="N")
        .order_by("pk")
        .values_list("pk", "created_at", "assignee_id")
    )
    messages = size(MESSAGES, 50)

    def message_row(g: int):
        pk, created, assignee = case_rows[g % len(case_rows)]
        from_handler = g // len(case_rows) % 2 == 1 and assignee is not None
        return (
            pk,
            "handler" if from_handler else "reporter",
            assignee if from_handler else None,
            MESSAGE_BODIES[g % len(MESSAGE_BODIES)],
            created + datetime.timedelta(hours=1 + g // len(case_rows)),
        )

    counts["messages"] = _insert(
        Message,
        ["case_id", "author_kind", "author_id", "body", "created_at"],
        (message_row(g) for g in range(messages)),
    )
    tallies: dict[tuple, int] = {}
    for category_id, district_id, created in Case.objects.filter(code__startswith="N").values_list(
        "category_id", "district_id", "created_at"
    ):
        month = timezone.localtime(created).date().replace(day=1)
        key = (month, category_id, district_id)
        tallies[key] = tallies.get(key, 0) + 1
    MonthlyTally.objects.bulk_create(
        [MonthlyTally(month=m, category_id=c, district_id=d, count=n) for (m, c, d), n in tallies.items()],
        batch_size=5000,
    )
    log(f"  {counts['reports']:,} reports, {counts['messages']:,} messages")

    # Deliveries: a confirmation and a day-before reminder per registration, by SMS.
    deliveries = size(DELIVERIES, 100)
    registration_type = ContentType.objects.get_for_model(Registration).pk
    workshop_type = ContentType.objects.get_for_model(Workshop).pk
    district_of = {pk: district_id for pk, district_id, _starts, _status in made}
    starts_of = {pk: starts for pk, _district, starts, _status in made}
    registration_ids = (
        Registration.objects.filter(workshop_id__in=district_of)
        .order_by("pk")
        .values_list("pk", "workshop_id")
    )
    delivery_statuses = ["sent"] * 16 + ["failed", "queued", "skipped", "expired"]

    def delivery_rows():
        written = 0
        for kind in ("registration_confirmation", "reminder_day_before"):
            for g, (pk, workshop_id) in enumerate(registration_ids.iterator(chunk_size=10_000)):
                if written >= deliveries:
                    return
                starts = starts_of[workshop_id]
                status = delivery_statuses[g % len(delivery_statuses)]
                due = starts - datetime.timedelta(days=1 if kind == "reminder_day_before" else 3)
                yield (
                    registration_type,
                    pk,
                    workshop_type,
                    workshop_id,
                    kind,
                    "sms",
                    starts,
                    district_of[workshop_id],
                    f"+92301{g:07d}",
                    f"Participant {g}",
                    "ur",
                    "",
                    "Your workshop starts tomorrow at 10:00.",
                    1,
                    "gsm7",
                    status,
                    due,
                    due,
                    None,
                    1 if status != "queued" else 0,
                    None,
                    None,
                    due if status == "sent" else None,
                    "provider said no" if status == "failed" else "",
                    due,
                    None,
                )
                written += 1

    counts["deliveries"] = _insert(
        Delivery,
        [
            "recipient_type_id",
            "recipient_id",
            "subject_type_id",
            "subject_id",
            "kind",
            "channel",
            "occurrence",
            "district_id",
            "to",
            "recipient_name",
            "language",
            "title",
            "body",
            "segments",
            "encoding",
            "status",
            "due_at",
            "send_after",
            "expires_at",
            "attempts",
            "queued_at",
            "claimed_at",
            "sent_at",
            "last_error",
            "created_at",
            "personal_data_removed_at",
        ],
        delivery_rows(),
    )
    log(f"  {counts['deliveries']:,} deliveries")

    # Applications waiting for review, so the queue has a national backlog.
    applications = size(APPLICATIONS, 10)
    counts["applications"] = _insert(
        Application,
        [
            "reference",
            "full_name",
            "phone",
            "email",
            "district_id",
            "province_id",
            "district_other",
            "gender",
            "languages_spoken",
            "languages_taught",
            "background",
            "organisation",
            "motivation",
            "availability",
            "consent",
            "language",
            "status",
            "decision_reason",
            "created_at",
            "updated_at",
        ],
        (
            (
                f"NA{n:08d}",
                f"Applicant {n}",
                f"+92302{n:07d}",
                "",
                spread(n).pk,
                spread(n).province_id,
                "",
                "woman",
                ["ur"],
                ["ur"],
                "teacher",
                "",
                "I want to help my community stay safe online.",
                ["weekday_mornings"],
                True,
                "ur",
                "pending" if n % 4 else "declined",
                "",
                now - datetime.timedelta(hours=n),
                now,
            )
            for n in range(applications)
        ),
    )
    return counts
