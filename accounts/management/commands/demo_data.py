from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import translation


def demo_modules() -> list:
    """Every installed app's `demo.py`, ordered by its ORDER (accounts first: others need its users)."""
    modules = []
    for app_config in apps.get_app_configs():
        try:
            modules.append(import_module(f"{app_config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.demo":
                raise
    return sorted(modules, key=lambda module: getattr(module, "ORDER", 100))


class Command(BaseCommand):
    help = "Load demo data from every app's demo.py. Idempotent: running it twice changes nothing."

    def handle(self, *args, **options):
        translation.activate("en")
        for module in demo_modules():
            for line in module.load() or []:
                self.stdout.write(line)
