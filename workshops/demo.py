"""Demo workshops for `make run`: published sessions in Sindh and Punjab, one starting in about 2 hours,
and (workshops/demo_past.py) fifteen sessions already held, with everything recorded after them.

Idempotent: workshops are found again by title. The demo ambassador gets a certified profile.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from facilitators.models import AmbassadorProfile
from regions.models import District
from workshops.models import Workshop
from workshops.services import workshop_create, workshop_publish

ORDER = 25  # after curriculum (20): demo workshops link its starter modules; before ambassadors (30)

DEMO_WORKSHOPS = [
    # title, district (English name), province code, town, venue kind, language, topics, hours from now, women only
    (
        "Spotting mobile banking scams",
        "Karachi Central",
        "SD",
        "Nazimabad",
        "community_centre",
        "ur",
        ["scams-fraud"],
        2,
        False,
    ),
    (
        "Safe social media for women and girls",
        "Hyderabad",
        "SD",
        "Latifabad",
        "womens_centre",
        "sd",
        ["harassment-social-media", "rights-privacy"],
        24 * 3 + 5,
        True,
    ),
    (
        "Is it true? Checking news before sharing",
        "Lahore",
        "PB",
        "Model Town",
        "college",
        "ur",
        ["misinformation"],
        24 * 8,
        False,
    ),
    (
        "Your phone, your privacy",
        "Sukkur",
        "SD",
        "Sukkur city",
        "school",
        "sd",
        ["rights-privacy", "scams-fraud"],
        24 * 15,
        False,
    ),
]


def _ambassador() -> AmbassadorProfile | None:
    user = User.objects.filter(email="ambassador@hifazat.example").first()
    if user is None:
        return None
    profile, _created = AmbassadorProfile.objects.get_or_create(user=user)
    profile.level = AmbassadorProfile.Level.CERTIFIED
    profile.gender = AmbassadorProfile.Gender.WOMAN
    profile.languages = ["ur", "sd", "en"]
    profile.district = District.objects.filter(name_en="Karachi Central").first()
    profile.save()
    return profile


def _link_starter_modules(workshop: Workshop, topics) -> None:
    """Link the starter module of each of the workshop's topics, if the curriculum has it (idempotent)."""
    from curriculum.models import Module
    from curriculum.starter.loader import starter_modules

    slugs = [data["slug"] for data in starter_modules() if data["topic"] in set(topics)]
    workshop.modules.add(*Module.objects.filter(slug__in=slugs))


@transaction.atomic
def load() -> list[str]:
    profile = _ambassador()
    coordinator = User.objects.filter(email="coordinator@hifazat.example").first()
    if profile is None:
        return ["Workshops: no demo ambassador, skipped."]
    now = timezone.now().replace(second=0, microsecond=0)
    created = 0
    for (
        title,
        district_name,
        province_code,
        town,
        venue,
        language,
        topics,
        hours,
        women_only,
    ) in DEMO_WORKSHOPS:
        existing = Workshop.objects.filter(title=title).first()
        if existing is not None:
            _link_starter_modules(existing, topics)
            continue
        starts_at = now + datetime.timedelta(hours=hours)
        workshop = workshop_create(
            actor=coordinator,
            topics=topics,
            title=title,
            description="A free, friendly session with examples from everyday life. Bring your phone.",
            language=language,
            format=Workshop.Format.IN_PERSON,
            district=District.objects.get(name_en=district_name, province__code=province_code),
            town=town,
            address="",
            venue_kind=venue,
            audience=Workshop.Audience.WOMEN_GIRLS if women_only else Workshop.Audience.EVERYONE,
            women_only=women_only,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            capacity=30,
            partner_organisation="",
            lead_facilitator=profile,
        )
        _link_starter_modules(workshop, topics)
        workshop_publish(workshop=workshop, actor=coordinator)
        created += 1
    from workshops.demo_past import load_past

    lines = [f"Workshops: {created} demo workshops created ({Workshop.objects.count()} in all)."]
    return lines + load_past(coordinator=coordinator, link_modules=_link_starter_modules)
