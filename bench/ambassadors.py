"""Ambassadors: certificate PDF rendering time; the coordinators' directory query with 2,000
ambassadors (the verify page and the application form are in bench/pages.py, which loads this data)."""

import time

from bench.harness import size

ORDER = 40
CODE = "BENCH00001"
EMAIL_PREFIX = "bench-ambassador-"
DIRECTORY_SIZE = int(size("BENCH_DIRECTORY_SIZE", 2000, 200))


def _data() -> None:
    from accounts.models import User
    from ambassadors.models import Certificate
    from facilitators.models import AmbassadorProfile
    from regions.models import District

    Certificate.objects.filter(profile__user__email__startswith=EMAIL_PREFIX).delete()
    AmbassadorProfile.objects.filter(user__email__startswith=EMAIL_PREFIX).delete()
    User.objects.filter(email__startswith=EMAIL_PREFIX).delete()
    districts = list(District.objects.filter(province__code="SD")[:10])
    users = User.objects.bulk_create(
        [
            User(email=f"{EMAIL_PREFIX}{n}@hifazat.example", full_name=f"عائشہ سومرو {n}", role="ambassador")
            for n in range(DIRECTORY_SIZE)
        ]
    )
    profiles = AmbassadorProfile.objects.bulk_create(
        [
            AmbassadorProfile(
                user=user,
                level=["trainee", "certified", "master_trainer"][n % 3],
                languages=[["ur"], ["sd", "ur"], ["ps", "en"]][n % 3],
                district=districts[n % len(districts)],
                background=["teacher", "student", "health_worker"][n % 3],
                availability=["weekends"],
                phone=f"+92300{n:07d}",
                calendar_token=f"bench-{n}",
            )
            for n, user in enumerate(users)
        ]
    )
    Certificate.objects.create(
        profile=profiles[1], level="certified", code=CODE, name=users[1].full_name, language="ur"
    )


def _pdf_ms(language: str, repeat: int = 4) -> float:
    from ambassadors.certificate_pdf import certificate_pdf
    from ambassadors.models import Certificate

    certificate = Certificate.objects.get(code=CODE)
    certificate.language = language
    certificate_pdf(certificate, verify_url="http://localhost/ur/certificates/verify/?code=X")  # fonts warm
    began = time.perf_counter()
    for _index in range(repeat):
        certificate_pdf(certificate, verify_url="http://localhost/ur/certificates/verify/?code=X")
    return (time.perf_counter() - began) / repeat * 1000


def _directory_ms(repeat: int = 10) -> float:
    from django.core.paginator import Paginator

    from accounts.models import User
    from ambassadors import selectors

    coordinator = User(role="admin", is_superuser=True)  # whole country in scope: the largest list
    began = time.perf_counter()
    for _index in range(repeat):
        page = Paginator(selectors.directory(user=coordinator), 25).get_page(40)
        list(page.object_list)
    return (time.perf_counter() - began) / repeat * 1000


def run(harness) -> None:
    harness.setup(_data)
    urdu = _pdf_ms("ur")
    harness.record("certificate PDF, Urdu", urdu, "ms")
    harness.record("certificate PDF, English (baseline: Urdu)", _pdf_ms("en"), "ms", baseline=urdu)
    harness.record(f"directory query, page 40 of {DIRECTORY_SIZE}", _directory_ms(), "ms")
