from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Small pieces every app shares: input cleaning for phones typed in any script."""

    name = "common"
