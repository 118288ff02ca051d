"""Every write of the workshops app (being split by domain)."""

from workshops.services.scheduling import *  # noqa: F403
