from django.core.management.base import BaseCommand
from django.utils import translation

from curriculum.starter import starter_curriculum_load


class Command(BaseCommand):
    help = (
        "Load the starter curriculum (four modules, one per seed topic) and generate their handout PDFs. "
        "Idempotent: existing modules are left untouched (with --fill-missing, only their empty translated "
        "fields are filled from the data files)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-handouts", action="store_true", help="Skip generating the handout PDFs.")
        parser.add_argument(
            "--fill-missing",
            action="store_true",
            help="Also fill the empty Urdu, Sindhi and Pashto fields of starter modules already installed "
            "(text an editor wrote is never changed).",
        )

    def handle(self, *args, **options):
        translation.activate("en")
        for line in starter_curriculum_load(
            with_handouts=not options["no_handouts"], fill_missing=options["fill_missing"]
        ):
            self.stdout.write(line)
