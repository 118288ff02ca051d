"""Curriculum: the library's search against the bare view (the library and module pages in every
language are in bench/pages.py, which loads this module's data)."""

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
    harness.page("library search", "/ur/library/?q=OTP", language="ur")
