"""Who may see an ambassador's certificate. A rule about people and roles, so not a selector
(docs/architecture.md): the views ask here, and a missing or hidden certificate is the same 404."""

from accounts.selectors import user_is_coordinator
from ambassadors.models import Certificate
from ambassadors.selectors import certificate_by_code
from facilitators.models import AmbassadorProfile


def certificate_visible_to(user, certificate: Certificate) -> bool:
    """Its ambassador, admins, and coordinators whose scope holds the ambassador's district."""
    if not user.is_authenticated:
        return False
    profile = AmbassadorProfile.objects.only("user_id").get(pk=certificate.profile_id)
    if profile.user_id == user.pk or user.is_admin:
        return True
    return (
        user_is_coordinator(user)
        and AmbassadorProfile.objects.in_scope_of(user).filter(pk=profile.pk).exists()
    )


def certificate_for(*, user, code: str) -> Certificate | None:
    """The certificate with this code if `user` may see it, else None."""
    certificate = certificate_by_code(code)
    if certificate is None or not certificate_visible_to(user, certificate):
        return None
    return certificate
