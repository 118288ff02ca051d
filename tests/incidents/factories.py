"""Factories for confidential reports. Cases are created through the service, like a reporter would."""

import io

from PIL import Image

from incidents import services
from incidents.models import Case, Category, HandlerScope
from tests import factories


def category(slug: str = "fake-prize") -> Category:
    return Category.objects.get(slug=slug)


def submit(
    *,
    narrative: str = "Someone called about a prize and asked for my code.",
    category_slug: str = "fake-prize",
    district: str | None = "Karachi Central",
    province: str = "SD",
    language: str = "ur",
    **kwargs,
) -> services.Receipt:
    kwargs.setdefault("channel", Case.Channel.CALL)
    kwargs.setdefault("when", Case.When.WEEK)
    return services.case_submit(
        category=category(category_slug),
        district=factories.district(district, province) if district else None,
        narrative=narrative,
        language=language,
        **kwargs,
    )


def case(**kwargs) -> Case:
    return submit(**kwargs).case


def handler(
    province_code: str = "SD", categories: list[str] | None = None, nationwide: bool = False, **kwargs
):
    user = factories.case_handler(province_code, **kwargs)
    if categories is not None or nationwide:
        scope = HandlerScope.objects.create(user=user, nationwide=nationwide)
        scope.categories.set(Category.objects.filter(slug__in=categories or []))
    return user


def jpeg_with_gps(size=(64, 48), marker: bytes = b"") -> bytes:
    """A JPEG carrying EXIF with a GPS position (and an optional marker in a comment)."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretPhoneMaker"  # Make
    gps = {1: "N", 2: (24.0, 51.0, 36.0), 3: "E", 4: (67.0, 0.0, 36.0)}
    exif[0x8825] = gps
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes(), comment=marker or b"comment")
    return output.getvalue()


def png(size=(32, 32)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (10, 120, 60)).save(output, format="PNG")
    return output.getvalue()
