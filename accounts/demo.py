"""Demo accounts for `make run`: one per role, all with the same printed password."""

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User
from regions.models import Province

ORDER = 0
DEMO_PASSWORD = "hifazat-demo-2026"  # noqa: S105 - printed on purpose; demo data only

DEMO_USERS = [
    # email, role, province code, full name
    ("coordinator@hifazat.example", User.Role.COORDINATOR, "SD", "Sana Memon"),
    ("ambassador@hifazat.example", User.Role.AMBASSADOR, "SD", "Ayesha Soomro"),
    ("handler@hifazat.example", User.Role.CASE_HANDLER, "SD", "Farah Baloch"),
    # No region: with a nationwide scope (incidents/demo.py) she also sees reports without a district.
    ("nationwide@hifazat.example", User.Role.CASE_HANDLER, None, "Nadia Hussain"),
    ("translator@hifazat.example", User.Role.TRANSLATOR, None, "Imran Khattak"),
    ("admin@hifazat.example", User.Role.ADMIN, None, "Hifazat Admin"),
]


@transaction.atomic
def load() -> list[str]:
    lines = ["Demo sign-ins (one per role):"]
    for email, role, province_code, full_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "role": role,
                "full_name": full_name,
                "province": Province.objects.filter(code=province_code).first() if province_code else None,
                "is_staff": role in (User.Role.ADMIN, User.Role.TRANSLATOR),
                "is_superuser": role == User.Role.ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        note = "  (sets up two-factor authentication at first sign-in)" if user.requires_mfa else ""
        lines.append(f"  {user.get_role_display():<14} {email:<32} {DEMO_PASSWORD}{note}")
    return lines
