"""Reads about facilitators that both workshops and ambassadors need."""

from facilitators.models import AmbassadorProfile


def ambassador_profile_of(user) -> AmbassadorProfile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.ambassador_profile
    except AmbassadorProfile.DoesNotExist:
        return None


def ambassador_by_calendar_token(token: str) -> AmbassadorProfile | None:
    """Whose private calendar feed this token opens (the token is the only key), with the user."""
    return AmbassadorProfile.objects.select_related("user").filter(calendar_token=token).first()
