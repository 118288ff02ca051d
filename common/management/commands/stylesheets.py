"""`manage.py stylesheets`: write each app's combined stylesheet (common/stylesheets.py)."""

from django.core.management.base import BaseCommand, CommandError

from common import stylesheets


class Command(BaseCommand):
    help = "Write static/css/hifazat-<app>.css: the frame and the app's rules, one stylesheet per page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail if a combined stylesheet is out of date."
        )

    def handle(self, *args, check=False, **options):
        if check:
            stale = stylesheets.out_of_date()
            if stale:
                names = ", ".join(path.name for path in stale)
                raise CommandError(f"Out of date: {names}. Run `manage.py stylesheets`.")
            return
        for path in stylesheets.write():
            self.stdout.write(f"wrote {path.relative_to(path.parents[2])}")
