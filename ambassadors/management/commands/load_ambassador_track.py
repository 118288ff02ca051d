from django.core.management.base import BaseCommand

from ambassadors.starter import default_track_load


class Command(BaseCommand):
    help = (
        "Create the default training track and its starter quiz if missing, and add a study step for each "
        "starter curriculum module that is installed (run after load_starter_curriculum). Idempotent."
    )

    def handle(self, *args, **options):
        for line in default_track_load() or ["Ambassadors: the default track is already complete."]:
            self.stdout.write(line)
