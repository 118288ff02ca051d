"""Account emails (django-allauth's password reset and address confirmation) go through the
notifications delivery log like every message (`accounts.adapters.AccountAdapter.send_mail`): sent by
a worker after commit, retried when the mail server fails, shown in the log to admins. Their text
carries a secret key, so the log never shows it and empties it once sent (`sensitive`).
"""

from django.utils.translation import gettext_lazy as _

from notifications.models import Channel
from notifications.rules import Notice, registry

ACCOUNT_EMAIL = "accounts.email"

registry.register_notice(
    Notice(
        kind=ACCOUNT_EMAIL,
        label=_("Account email (password reset or address confirmation)"),
        channels=(Channel.EMAIL,),
        template="",  # written by django-allauth's templates: notifications.services.email_written_send
        items=lambda object_id: [],
        sensitive=True,
    )
)
