"""Workshops: the public list filtered by topic against the bare view; registrations per second under
concurrency (the public pages, the quiz page and the quiz answer are in bench/pages.py).

Registration throughput is measured in this process with threads, each on its own Postgres
connection, all registering for the same workshop (so they queue on its row lock). The baseline
is the same work done by one thread. The run also checks that the workshop was never overbooked.
"""

import datetime
import threading
import time

ORDER = 20
TITLE_PREFIX = "[bench] "
LIST_WORKSHOPS = 120
THREADS = 8
REGISTRATIONS = 400
SEATS = 100


def _workshops() -> None:
    from django.utils import timezone

    from regions.models import District
    from workshops.models import Topic, Workshop, WorkshopTopic

    Workshop.objects.filter(title__startswith=TITLE_PREFIX).delete()
    districts = list(District.objects.filter(province__code__in=["SD", "PB"])[:10])
    start = timezone.now() + datetime.timedelta(days=1)
    workshops = Workshop.objects.bulk_create(
        [
            Workshop(
                title=f"{TITLE_PREFIX}Staying safe online {n}",
                language=["ur", "sd", "en"][n % 3],
                district=districts[n % len(districts)],
                town="Town",
                venue_kind="school",
                starts_at=start + datetime.timedelta(hours=n),
                ends_at=start + datetime.timedelta(hours=n, minutes=90),
                capacity=30,
                status="published",
            )
            for n in range(LIST_WORKSHOPS)
        ]
    )
    WorkshopTopic.objects.bulk_create(
        [WorkshopTopic(workshop=w, topic=Topic.values[n % 4]) for n, w in enumerate(workshops)]
    )


def _quiz_workshop() -> int:
    """A workshop under way using one module with a four-question quiz; returns its id."""
    from django.utils import timezone

    from curriculum.models import Module, QuizAnswer, QuizQuestion, Topic, TranslationStatus
    from regions.models import District
    from workshops.models import Workshop

    Module.objects.filter(slug="bench-quiz").delete()
    module = Module.objects.create(
        slug="bench-quiz",
        topic=Topic.objects.get(slug="scams-fraud"),
        title_en="[bench] Quiz module",
        title_ur="[bench] کوئز ماڈیول",
        status_en=TranslationStatus.PUBLISHED,
        status_ur=TranslationStatus.PUBLISHED,
    )
    for position in range(4):
        question = QuizQuestion.objects.create(
            module=module, position=position, text_en=f"Question {position}?", text_ur=f"سوال {position}؟"
        )
        for place in range(3):
            QuizAnswer.objects.create(
                question=question,
                position=place,
                text_en=f"Answer {place}",
                text_ur=f"جواب {place}",
                is_correct=place == 1,
            )
    starts = timezone.now() - datetime.timedelta(minutes=5)
    workshop = Workshop.objects.create(
        title=f"{TITLE_PREFIX}quiz",
        language="ur",
        district=District.objects.filter(province__code="SD").first(),
        town="Town",
        venue_kind="school",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        capacity=30,
        status="published",
    )
    workshop.modules.add(module)
    return workshop.pk


def _registration_rate(threads: int, tag: str) -> tuple[float, int, int]:
    """Registrations per second with `threads` threads; returns (rate, confirmed, waitlisted)."""
    from django.db import connection
    from django.utils import timezone

    from regions.models import District
    from workshops.models import Workshop
    from workshops.services import registration_create

    start = timezone.now() + datetime.timedelta(days=2)
    workshop = Workshop.objects.create(
        title=f"{TITLE_PREFIX}registration {tag}",
        language="ur",
        district=District.objects.filter(province__code="SD").first(),
        town="Town",
        venue_kind="school",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        capacity=SEATS,
        status="published",
    )
    per_thread = REGISTRATIONS // threads
    barrier = threading.Barrier(threads)

    def person(index: int) -> None:
        barrier.wait()
        try:
            for n in range(per_thread):
                registration_create(
                    workshop=workshop,
                    name="Bench",
                    phone=f"+92300{(index * per_thread + n) % 10_000_000:07d}",
                    language="ur",
                    consent=True,
                )
        finally:
            connection.close()

    workers = [threading.Thread(target=person, args=(i,)) for i in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    statuses = list(workshop.registrations.values_list("status", flat=True))
    return per_thread * threads / elapsed, statuses.count("confirmed"), statuses.count("waitlisted")


def run(harness) -> None:
    from django.conf import settings

    harness.setup(_workshops)
    harness.page(
        "workshop list filtered by topic", "/en/workshops/?topic=scams-fraud&language=ur", language="en"
    )
    if not settings.USING_POSTGRES:
        print("workshops: registration throughput needs PostgreSQL (row locks); skipped", flush=True)
        return
    single, _confirmed, _waiting = _registration_rate(1, "single")
    rate, confirmed, waiting = _registration_rate(THREADS, "concurrent")
    harness.record(
        f"registrations/s, {THREADS} threads, one workshop (baseline: 1 thread)",
        rate,
        "reg/s",
        baseline=single,
    )
    harness.record("overbooked seats (must be 0)", max(confirmed - SEATS, 0), "seats")
    if confirmed != SEATS or confirmed + waiting != REGISTRATIONS:
        raise AssertionError(f"registration bench: {confirmed} confirmed, {waiting} waiting")
