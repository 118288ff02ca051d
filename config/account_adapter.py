"""django-allauth's adapter as the site uses it: the accounts app's rules (no self-service sign-up,
sign-in limits) plus its emails going through the notifications delivery log. Kept in config/, which
wires the apps together: accounts sits below notifications and must not import it
(docs/architecture.md)."""

import logging

from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from accounts.adapters import AccountAdapter as AccountsAdapter

logger = logging.getLogger(__name__)


class AccountAdapter(AccountsAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails (a password-reset link, an address confirmation) leave through the
        notifications delivery log, like every message to a person: written now, sent by a worker
        once the request's transaction commits, retried if the mail server fails, their secret text
        never shown in the log (notifications/reminders.py, ACCOUNT_EMAIL). Only people with an
        account get one (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS is off: accounts are made by staff, and the
        reset page looks the same either way)."""
        from accounts.models import User
        from notifications.reminders import ACCOUNT_EMAIL
        from notifications.services import email_written_send

        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        if user is None:
            logger.info("account email %s not sent: no account has this address", template_prefix)
            return
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        email_written_send(
            kind=ACCOUNT_EMAIL,
            recipient=user,
            to=email,
            title=message.subject,
            body=message.body,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
