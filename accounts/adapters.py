from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Staff accounts are created by admins and by approving ambassador applications, never by
        self-service sign-up: every account carries a role and a scope someone vetted."""
        return False
