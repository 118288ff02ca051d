"""Curriculum benchmarks: library and module page throughput against the bare Django view.

Written against the harness interface in the common brief (bench/harness.py, `make bench`):
`harness.setup(callable)` builds data in the bench database, `harness.http(name, path)` measures
requests per second through gunicorn."""

ORDER = 30


def _load_starter_and_more() -> None:
    from curriculum.models import Module, Topic, TranslationStatus
    from curriculum.starter import starter_curriculum_load

    starter_curriculum_load(with_handouts=False)
    # Publish the Urdu starter text for the measurement (it ships "needs review"), and add modules
    # so the library page lists a realistic number (it paginates by 24).
    Module.objects.update(status_ur=TranslationStatus.PUBLISHED)
    topic = Topic.objects.get(slug="scams-fraud")
    for number in range(60):
        Module.objects.get_or_create(
            slug=f"bench-module-{number}",
            defaults={
                "topic": topic,
                "title_en": f"Bench module {number}",
                "title_ur": f"ماڈیول {number}",
                "summary_ur": "جعلی پیغامات پہچاننا سیکھیں۔",
                "status_en": TranslationStatus.PUBLISHED,
                "status_ur": TranslationStatus.PUBLISHED,
            },
        )


def run(harness) -> None:
    harness.setup(_load_starter_and_more)
    harness.http("curriculum library (ur)", "/ur/library/")
    harness.http("curriculum library search (ur)", "/ur/library/?q=OTP")
    harness.http("curriculum module page (ur)", "/ur/library/fake-payments-and-otp-theft/")
    harness.http("curriculum module page with fallback (sd)", "/sd/library/fake-payments-and-otp-theft/")
