from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language
from kombu import Connection

from accounts.selectors import dashboard_sections_for


def _url_or_none(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def home(request: HttpRequest) -> HttpResponse:
    home_links = {
        "workshops": _url_or_none("workshops:list"),
        "report": _url_or_none("incidents:report"),
        "library": _url_or_none("curriculum:library"),
        "apply": _url_or_none("ambassadors:apply"),
    }
    return render(request, "home.html", {"home_links": home_links})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard.html", {"sections": dashboard_sections_for(request.user)})


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        connections["default"].close()
        return False


def _broker_ok() -> bool:
    try:
        with Connection(
            settings.CELERY_BROKER_URL,
            transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
            connect_timeout=2,
        ) as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001 - any failure to reach the broker means "down"
        return False


def _encryption_ok(database_ok: bool) -> bool:
    """A round trip through the field encryption, and the newest stored case still opens: a key
    list that lost the key in use (or holds a broken one) is a failure, not a healthy site."""
    from incidents.crypto import decrypt_text, encrypt_text
    from incidents.models import Case

    try:
        if decrypt_text(encrypt_text("healthz")) != "healthz":
            return False
        if database_ok:
            Case.objects.order_by("-pk").values_list("narrative", flat=True).first()
        return True
    except DatabaseError:
        return True  # the database check reports it; the keys are not at fault
    except Exception:  # noqa: BLE001 - any failure to encrypt or decrypt means "down"
        return False


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and docker-compose: 200 only when database and broker answer and
    confidential fields can be encrypted and read back."""
    database = _database_ok()
    status = {"database": database, "broker": _broker_ok(), "encryption": _encryption_ok(database)}
    return JsonResponse(
        {name: "ok" if ok else "unavailable" for name, ok in status.items()},
        status=200 if all(status.values()) else 503,
    )


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, able to translate a `next` URL in any language.

    Django resolves `next` in the language active for this request (cookie or browser), so
    "/en/..." fails to resolve for an Urdu reader and they would stay on the English page.
    """
    next_language = translation.get_language_from_path(request.POST.get("next", ""))
    if next_language:
        translation.activate(next_language)
    return django_set_language(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A translated page instead of Django's technical one: most failures are a form left open
    too long on a phone, and the person needs to know what to do, not why."""
    return render(request, "403_csrf.html", status=403)
