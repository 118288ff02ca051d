from django.core.management.base import BaseCommand

from incidents.services import encryption_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every confidential report field and evidence file with the first key of "
        "FIELD_ENCRYPTION_KEYS. Put the new key first, keep the old ones, run this, then remove them."
    )

    def handle(self, *args, **options):
        counts = encryption_rotate()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} re-encrypted")
        self.stdout.write(self.style.SUCCESS("Done. Old keys can now be removed from FIELD_ENCRYPTION_KEYS."))
