import datetime
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error
from django.views.i18n import set_language as django_set_language
from kombu import Connection

from accounts.selectors import dashboard_sections_for
from common.faults import close_failed_connections, is_database_unavailable, unavailable_response
from common.pagecache import public_page


@public_page
def home(request: HttpRequest) -> HttpResponse:
    # A renamed URL fails loudly here (NoReverseMatch in every test of the home page), never vanishes.
    home_links = {
        "workshops": reverse("workshops:list"),
        "report": reverse("incidents:report"),
        "library": reverse("curriculum:library"),
        "apply": reverse("ambassadors:apply"),
    }
    return render(request, "home.html", {"home_links": home_links})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard.html", {"sections": dashboard_sections_for(request.user)})


def _database_ok() -> bool:
    """The database answers and takes writes: a write is tried inside a transaction that is rolled
    back (a read-only database, or a standby promoted wrongly, answers SELECT 1 happily)."""
    from common.models import WorkerHeartbeat

    try:
        with transaction.atomic():
            WorkerHeartbeat.objects.filter(pk=0).update(seen_at=timezone.now())
            transaction.set_rollback(True)
        return True
    except DatabaseError:
        close_failed_connections()
        return False


def _worker_status() -> tuple[bool, str | None]:
    """Whether a worker ran the heartbeat task recently, and when it last did (ISO time or None)."""
    from common.models import WorkerHeartbeat

    try:
        seen_at = WorkerHeartbeat.objects.filter(pk=1).values_list("seen_at", flat=True).first()
    except DatabaseError:
        return False, None
    if seen_at is None:
        return False, None
    fresh = timezone.now() - seen_at <= datetime.timedelta(minutes=settings.WORKER_HEARTBEAT_STALE_MINUTES)
    return fresh, seen_at.isoformat()


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
    body = {name: "ok" if ok else "unavailable" for name, ok in status.items()}
    # Told, not counted: a load balancer must not take web nodes out because the workers stopped.
    # /healthz/worker is the check that fails for that.
    worker_fresh, _seen_at = _worker_status() if database else (False, None)
    body["worker"] = "ok" if worker_fresh else "stale"
    return JsonResponse(body, status=200 if all(status.values()) else 503)


@never_cache
def healthz_worker(request: HttpRequest) -> JsonResponse:
    """200 when a Celery worker took the heartbeat task within WORKER_HEARTBEAT_STALE_MINUTES, else 503
    (no worker running, workers stuck, or beat not queueing): for monitoring, not for load balancers."""
    fresh, seen_at = _worker_status()
    body = {
        "worker": "ok" if fresh else "stale",
        "last_heartbeat": seen_at,
        "stale_after_minutes": settings.WORKER_HEARTBEAT_STALE_MINUTES,
    }
    return JsonResponse(body, status=200 if fresh else 503)


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, able to translate a `next` URL in any language.

    Django resolves `next` in the language active for this request (cookie or browser), so
    "/en/..." fails to resolve for an Urdu reader and they would stay on the English page.
    """
    next_language = translation.get_language_from_path(request.POST.get("next", ""))
    if next_language:
        translation.activate(next_language)
    return django_set_language(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500, extended: an error raised because the database refuses (outside a view:
    saving the session, a middleware's read) gets the translated 503 page, not an error page."""
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        close_failed_connections()
        return unavailable_response(request)
    return django_server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A translated page instead of Django's technical one: most failures are a form left open
    too long on a phone, and the person needs to know what to do, not why."""
    return render(request, "403_csrf.html", status=403)
