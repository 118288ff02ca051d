from django.core.management.base import BaseCommand
from django.utils import translation

from curriculum.starter import starter_curriculum_load


class Command(BaseCommand):
    help = (
        "Load the starter curriculum (four modules, one per seed topic) and generate their handout PDFs. "
        "Idempotent: existing modules are left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-handouts", action="store_true", help="Skip generating the handout PDFs.")

    def handle(self, *args, **options):
        translation.activate("en")
        for line in starter_curriculum_load(with_handouts=not options["no_handouts"]):
            self.stdout.write(line)
