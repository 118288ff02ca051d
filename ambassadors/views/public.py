"""Pages without an account: apply, the set-your-password link, certificate verification."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ambassadors import ratelimit, selectors, services
from ambassadors.forms import ApplicationForm, VerifyForm
from common.pagecache import no_shared_copy, public_page

SESSION_APPLICATION = "ambassadors:application"
APPLY_FORM_SECONDS = 600  # district lists change rarely; a new district shows within ten minutes


@public_page
@never_cache
def apply(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None)
    if request.method == "POST":
        attempt = ratelimit.attempt(ratelimit.application_limit(), request)
        if not attempt.allowed:
            form.is_valid()
            return render(
                request,
                "ambassadors/apply.html",
                {
                    "form": form,
                    "notice": _(
                        "Too many applications were sent from this connection. Please try again in an hour."
                    ),
                },
                status=429,
            )
        if form.is_valid():
            try:
                application, created = services.application_submit(
                    **form.service_fields(language=translation.get_language())
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                if not created:
                    # Its reference goes to its own number; whoever applied sees what anyone sees.
                    services.application_reference_resend(application=application)
                request.session[SESSION_APPLICATION] = True
                return redirect("ambassadors:applied")
        attempt.refund()  # a form to correct is not an application sent
        return render(request, "ambassadors/apply.html", {"form": form}, status=400)
    # The empty form (160 districts, every choice) is the same for everyone in a language: render once.
    form_html = cache.get_or_set(
        f"ambassadors:apply-form:{translation.get_language()}", form.render, APPLY_FORM_SECONDS
    )
    return render(request, "ambassadors/apply.html", {"form": form, "form_html": form_html})


@never_cache
def applied(request: HttpRequest) -> HttpResponse:
    """The same page for a new application and for a number that already has one: the reference
    goes by SMS and email to the application's number, so nobody learns here who applied."""
    if not request.session.get(SESSION_APPLICATION):
        return redirect("ambassadors:apply")
    return render(request, "ambassadors/applied.html")


def _user_from(uidb64: str):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        return get_user_model().objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None


@never_cache
def welcome(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The invitation link: the new ambassador chooses a password and is signed in. The token is
    Django's password-reset token, so the link stops working once a password is set."""
    user = _user_from(uidb64)
    if user is None or not user.is_active or not default_token_generator.check_token(user, token):
        return render(request, "ambassadors/welcome_invalid.html", status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        # The link reached them, so the address (or phone) is theirs.
        EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Hifazat. Your password is set; here is your training."))
        return redirect("ambassadors:home")
    return render(
        request,
        "ambassadors/welcome.html",
        {"form": form, "person": user},
        status=400 if form.is_bound else 200,
    )


def _verify_within_limit(request: HttpRequest) -> bool:
    return ratelimit.within_limit(ratelimit.verify_failure_limit(), request)


# A found code's page is the same for everyone until the certificate changes (a revocation bumps the
# public pages' version on every worker), and its attempt is given back anyway: a kept copy is served
# to a visitor still within the failure limit, without the count, the lookup and the rendering.
@public_page(query=("code",), may_serve_copy=_verify_within_limit)
@never_cache
def certificate_verify(request: HttpRequest) -> HttpResponse:
    """Valid, revoked or unknown: name, level, date and track only, never contact details.

    Unknown codes count against the visitor's connection (an HMAC of the masked address, in the
    cache); after CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES misses, every lookup is refused for a while,
    kept copies of found codes included."""
    form = VerifyForm(request.GET or None)
    context = {"form": form, "result": None}
    if not form.is_bound:
        return render(request, "ambassadors/verify.html", context)
    attempt = ratelimit.attempt(ratelimit.verify_failure_limit(), request)
    if not attempt.allowed:
        context["result"] = "limited"
        return render(request, "ambassadors/verify.html", context, status=429)
    if not form.is_valid():
        attempt.refund()
        return render(request, "ambassadors/verify.html", context, status=400)
    certificate = selectors.certificate_by_code(form.cleaned_data["code"])
    if certificate is None:
        context["result"] = "unknown"
        return no_shared_copy(render(request, "ambassadors/verify.html", context))  # counts every time
    attempt.refund()  # only unknown codes count
    context.update(result="valid" if certificate.is_valid else "revoked", certificate=certificate)
    response = render(request, "ambassadors/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
