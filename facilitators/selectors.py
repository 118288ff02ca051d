"""Reads about facilitators that both workshops and ambassadors need."""

from facilitators.models import AmbassadorProfile


def ambassador_profile_of(user) -> AmbassadorProfile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.ambassador_profile
    except AmbassadorProfile.DoesNotExist:
        return None
