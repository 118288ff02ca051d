"""The workshops pages (being split by domain; workshops/urls.py names them)."""

from workshops.views.manage import *  # noqa: F403
from workshops.views.manage import FEEDBACK_DEVICE_COOKIE  # noqa: F401
