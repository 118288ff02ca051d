"""Anonymous reporting (report, follow-up) and the case handlers' pages.

Report pages: POST-only steps on one URL (nothing about the report in the URL or the title),
`Cache-Control: no-store`, uploads kept in memory, rate limits keyed by an HMAC of the masked
address. Case pages: case handlers in scope only (others 404), every view audited.
"""

import functools
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from common.pagecache import private_response, public_page
from common.ratelimit import RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE, fingerprint
from incidents import ratelimit, receipts, selectors, services
from incidents.crypto import decrypt_bytes
from incidents.forms import (
    AssignForm,
    DeleteForm,
    FollowUpForm,
    NoteForm,
    QueueFilterForm,
    ReferralForm,
    ReplyForm,
    ReporterMessageForm,
    ReportForm,
    SafetyForm,
    StatusForm,
)
from incidents.models import Case, Contact, Evidence, ReplyTemplate
from incidents.uploads import install_memory_only_handlers, request_too_large

logger = logging.getLogger(__name__)

# --- Reporters ------------------------------------------------------------------------------------


def _memory_only_uploads(view):
    """Replace the upload handlers before anything reads the body, refuse oversized bodies unread.

    The CSRF check reads the body, so it runs inside (csrf_protect), after the handlers are set.
    """
    protected = csrf_protect(view)

    @functools.wraps(view)
    @csrf_exempt
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method == "POST":
            if request_too_large(request):
                return _render(request, "incidents/too_large.html", {}, status=413)
            install_memory_only_handlers(request)
        return protected(request, *args, **kwargs)

    return wrapper


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context.setdefault("quick_exit_url", settings.INCIDENT_QUICK_EXIT_URL)
    return render(request, template, context, status=status)


def _report_form_page(request, form, danger: bool, status: int = 200, notice: str = "") -> HttpResponse:
    context = {
        "form": form,
        "danger": danger,
        "emergency_contacts": selectors.emergency_contacts() if danger else [],
        "notice": notice,
    }
    return _render(request, "incidents/report_form.html", context, status=status)


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
@_memory_only_uploads
def report(request: HttpRequest) -> HttpResponse:
    step = request.POST.get("step") if request.method == "POST" else None
    if step == "safety":
        safety = SafetyForm(request.POST)
        if not safety.is_valid():
            return _render(request, "incidents/report_safety.html", {"form": safety}, status=400)
        danger = safety.cleaned_data["danger"] == "yes"
        return _report_form_page(request, ReportForm(initial={"immediate_danger": danger}), danger)
    if step != "report":
        return _render(request, "incidents/report_safety.html", {"form": SafetyForm()})

    form = ReportForm(request.POST, request.FILES)
    danger = request.POST.get("immediate_danger") in {"True", "true", "on", "1"}
    attempt = ratelimit.attempt(ratelimit.submission_limit(), request)
    if attempt.unavailable:
        # The limit cannot count (its cache is down) and refuses rather than let reports through
        # uncounted: the form comes back as typed (files must be chosen again, as after any error).
        response = _report_form_page(request, form, danger, status=503, notice=UNAVAILABLE_MESSAGE)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if not attempt.allowed:
        notice = _("Too many reports were sent from your network in the last hour. Please try again later.")
        return _report_form_page(request, form, danger, status=429, notice=notice)
    if form.is_bot:
        return _report_form_page(request, ReportForm(), danger, status=400)
    form.is_valid()
    form.oversized_check(request)
    if form.errors:
        attempt.refund()  # a form to correct is not a report sent
        return _report_form_page(request, form, danger, status=400)
    data = form.cleaned_data
    receipt = services.case_submit(
        category=data["category"],
        channel=data["channel"],
        when=data["when"],
        district=data["district"],
        money_lost_pkr=data["money_lost_pkr"],
        immediate_danger=danger,
        narrative=data["narrative"],
        contact=data["contact"],
        contact_consent=data["contact_consent"],
        files=data["evidence"],
        language=translation.get_language(),
    )
    # The report is saved: from here on the reporter must see their code and secret whatever fails.
    receipt_context = {
        "code": receipts.grouped(receipt.code),
        "secret": receipts.grouped(receipt.secret),
        "files_not_kept": receipt.files_not_kept,
    }
    category = data["category"]
    try:
        context = {
            **receipt_context,
            "category": category,
            "guidance": category.guidance_steps
            or (category.parent.guidance_steps if category.parent else []),
            "contacts": list(selectors.contacts_for(category=category, kind=Contact.Kind.REFERRAL)),
            "emergency_contacts": list(selectors.emergency_contacts()) if danger else [],
        }
        return _render(request, "incidents/receipt.html", context)
    except Exception:
        # Guidance and contacts are extras read after the commit (a database that just went away, a
        # template error): the receipt is shown without them rather than an error page.
        logger.error("Receipt shown without guidance and contacts", exc_info=False)
        return _render(request, "incidents/receipt.html", dict(receipt_context))


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
@_memory_only_uploads
def follow_up(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, "incidents/follow_up.html", {"form": FollowUpForm()})
    form = FollowUpForm(request.POST)
    # Counted before the secret is checked, so simultaneous guesses cannot all get through.
    attempt = ratelimit.attempt(ratelimit.follow_up_failure_limit(), request)
    if attempt.unavailable:
        context = {"form": form, "notice": UNAVAILABLE_MESSAGE}
        response = _render(request, "incidents/follow_up.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if not attempt.allowed:
        notice = _("Too many attempts. Please wait 15 minutes and try again.")
        return _render(request, "incidents/follow_up.html", {"form": form, "notice": notice}, status=429)
    if not form.is_valid():
        attempt.refund()
        return _render(request, "incidents/follow_up.html", {"form": form}, status=400)
    case = services.case_verify(code=form.cleaned_data["code"], secret=form.cleaned_data["secret"])
    if case is None:
        # One message whichever half was wrong: the page must not confirm that a code exists.
        notice = _("We could not open a case with this code and secret. Please check both and try again.")
        return _render(request, "incidents/follow_up.html", {"form": form, "notice": notice}, status=400)

    attempt.refund()  # the right code and secret: only failures count against the connection
    message_form = ReporterMessageForm()
    status = 200
    notice = ""
    if request.POST.get("action") == "message":
        # Per case, not per connection: whoever holds the code cannot flood the handlers' queue.
        sent = ratelimit.attempt_for(ratelimit.follow_up_message_limit(), fingerprint(f"case:{case.pk}"))
        if not sent.allowed:
            status = 503 if sent.unavailable else 429
            notice = (
                UNAVAILABLE_MESSAGE
                if sent.unavailable
                else _("This case has received many messages in the last hour. Please try again later.")
            )
            # What was typed stays in the box; the files are not even opened.
            message_form = ReporterMessageForm(initial={"body": request.POST.get("body", "")})
        else:
            message_form = ReporterMessageForm(request.POST, request.FILES)
            valid = message_form.is_valid()
            message_form.oversized_check(request)
            if valid and not message_form.errors:
                added = services.reporter_message_add(
                    case=case,
                    body=message_form.cleaned_data["body"],
                    files=message_form.cleaned_data["evidence"],
                )
                message_form = ReporterMessageForm()
                notice = _("Your message was sent. A case handler will read it.")
                if added.files_not_kept:
                    notice = files_not_kept_message(
                        added.files_not_kept, something_sent=bool(added.message or added.files_kept)
                    )
            else:
                sent.refund()
                status = 400
    context = {
        "form": form,
        "case": selectors.case_for_reporter(case=case),
        "message_form": message_form,
        "code": form.cleaned_data["code"],
        "secret": form.cleaned_data["secret"],
        "notice": notice,
    }
    response = _render(request, "incidents/follow_up_case.html", context, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def files_not_kept_message(names: tuple[str, ...], *, something_sent: bool) -> str:
    """What a reporter reads when the storage could not keep their files (disk full, storage down)."""
    files = ", ".join(names)
    if something_sent:
        return ngettext(
            "Your message was sent, but we could not keep this file: %(files)s. Please try sending it again later.",
            "Your message was sent, but we could not keep these files: %(files)s. Please try sending them again later.",
            len(names),
        ) % {"files": files}
    return ngettext(
        "We could not keep this file: %(files)s. Nothing was sent; please try again later.",
        "We could not keep these files: %(files)s. Nothing was sent; please try again later.",
        len(names),
    ) % {"files": files}


# --- Case handlers --------------------------------------------------------------------------------


def handler_only(view):
    """Signed-in case handlers (and admins) only; everyone else gets 404, as if nothing were here."""

    @functools.wraps(view)
    @login_required
    @never_cache
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.has_role(request.user.Role.CASE_HANDLER):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _case_or_404(request: HttpRequest, pk: int) -> Case:
    case = selectors.case_for_staff(user=request.user, pk=pk)
    if case is None:
        raise Http404
    return case


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows: an exact count of a large queue costs more than the page
    itself, and nobody pages through thousands of cases (they filter)."""

    COUNT_CAP = 1_000

    @cached_property
    def count(self) -> int:
        # Unordered: the count of a sliced ordered queryset sorted every matching case first
        # (42 ms of a Sindh handler's 80 at national data; the capped unordered count stops early).
        return self.object_list.order_by()[: self.COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP


def _feedback(request: HttpRequest) -> tuple[str, str] | None:
    """What the handler's last action did, shown after the redirect (`?done=<key>`)."""
    messages = {
        "assigned": ("success", _("The case was assigned.")),
        "not-assignable": ("error", _("This person cannot be assigned this case.")),
        "status": ("success", _("The status was changed.")),
        "bad-status": ("error", _("The case cannot move to this status from where it is.")),
        "noted": ("success", _("The note was added.")),
        "bad-note": ("error", _("The note is empty or too long.")),
        "replied": (
            "success",
            _("The reply was saved. The reporter sees it when they come back with their code."),
        ),
        "bad-reply": ("error", _("The reply is empty or too long.")),
        "referred": ("success", _("The referral was recorded.")),
        "bad-referral": ("error", _("Choose an organisation or write who the case was referred to.")),
        "deleted": ("success", _("The case and its files were deleted.")),
    }
    return messages.get(request.GET.get("done", ""))


def _back(case: Case, done: str) -> HttpResponse:
    return redirect(f"{reverse('incidents:case_detail', kwargs={'pk': case.pk})}?done={done}")


@handler_only
def queue(request: HttpRequest) -> HttpResponse:
    """The case queue. A handler reloads it often: their page is kept in this worker's memory for them
    alone until any case changes (selectors.CASES_VERSION, bumped on commit) or public data does
    (categories, districts, scopes, users), 60 seconds at most (common.pagecache.private_response)."""
    query = tuple(sorted((name, tuple(values)) for name, values in request.GET.lists()))
    return private_response(request, query, lambda: _queue(request), changes_with=selectors.CASES_VERSION)


def _queue(request: HttpRequest) -> HttpResponse:
    labels = selectors.queue_labels()
    scope = selectors.handler_scope(user=request.user)
    in_scope = set(scope.district_ids)
    filters = QueueFilterForm(
        request.GET or None,
        categories=labels.filter_categories,
        districts=[(pk, name) for pk, name in labels.districts if pk in in_scope],
    )
    values = filters.cleaned_data if filters.is_valid() else {}
    cases = selectors.case_queue(
        user=request.user,
        status=values.get("status") or "",
        category_id=values.get("category"),
        district_id=values.get("district"),
        assigned=values.get("assigned") or "",
        scope=scope,
    )
    page = CappedPaginator(cases, 50).get_page(request.GET.get("page"))
    rows = selectors.queue_rows(page.object_list, labels=labels)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("done", None)
    context = {
        "filters": filters,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "feedback": _feedback(request),
    }
    return render(request, "incidents/queue.html", context)


@handler_only
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    services.case_view_record(case=case, actor=request.user)
    reply_initial = {}
    template_id = request.GET.get("template", "")
    if template_id.isdigit():
        template = ReplyTemplate.objects.filter(pk=template_id).first()
        if template:
            with translation.override(case.language):
                reply_initial["body"] = template.body
    context = {
        "case": case,
        "assign_form": AssignForm(
            colleagues=selectors.colleagues_for(case), initial={"assignee": case.assignee_id}
        ),
        "status_form": StatusForm(case=case),
        "note_form": NoteForm(),
        "reply_form": ReplyForm(initial=reply_initial),
        "referral_form": ReferralForm(),
        "reply_templates": ReplyTemplate.objects.all(),
        "case_language": translation.get_language_info(case.language)["name_local"],
        "feedback": _feedback(request),
    }
    return render(request, "incidents/case_detail.html", context)


@require_POST
@handler_only
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    form = AssignForm(request.POST, colleagues=selectors.colleagues_for(case))
    if not form.is_valid():
        return _back(case, "not-assignable")
    services.case_assign(case=case, actor=request.user, assignee=form.cleaned_data["assignee"])
    return _back(case, "assigned")


@require_POST
@handler_only
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    form = StatusForm(request.POST, case=case)
    if not form.is_valid():
        return _back(case, "bad-status")
    services.case_status_change(case=case, actor=request.user, status=form.cleaned_data["status"])
    return _back(case, "status")


@require_POST
@handler_only
def case_note(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _back(case, "bad-note")
    services.case_note_add(case=case, actor=request.user, body=form.cleaned_data["body"])
    return _back(case, "noted")


@require_POST
@handler_only
def case_reply(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _back(case, "bad-reply")
    services.case_reply_send(case=case, actor=request.user, body=form.cleaned_data["body"])
    return _back(case, "replied")


@require_POST
@handler_only
def case_referral(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        return _back(case, "bad-referral")
    services.referral_record(
        case=case,
        actor=request.user,
        contact=form.cleaned_data["contact"],
        to_whom=form.cleaned_data["to_whom"],
        note=form.cleaned_data["note"],
    )
    return _back(case, "referred")


@handler_only
def case_export(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    services.case_export_record(case=case, actor=request.user)
    text = render_to_string("incidents/case_export.txt", {"case": case}, request=request)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="case-{case.code}.txt"'
    return response


@handler_only
@require_http_methods(["GET", "POST"])
def case_delete(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.case_delete(case=case, actor=request.user, reason=form.cleaned_data["reason"])
        return redirect(f"{reverse('incidents:queue')}?done=deleted")
    return render(request, "incidents/case_delete.html", {"case": case, "form": form})


@handler_only
def evidence_download(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    evidence = Evidence.objects.filter(case=case, pk=file_pk).first()
    if evidence is None:
        raise Http404
    services.evidence_open_record(evidence=evidence, actor=request.user)
    with default_storage.open(evidence.file.name, "rb") as handle:
        data = decrypt_bytes(handle.read())
    response = HttpResponse(data, content_type=evidence.content_type)
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf"}
    response["Content-Disposition"] = (
        f'attachment; filename="case-{case.code}-{evidence.pk}.{extension.get(evidence.content_type, "bin")}"'
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
