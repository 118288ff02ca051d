"""Settings for `make bench`: the real project, plus one bare view to measure against."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
