from django.core.management.base import BaseCommand

from kunitachi_kyodo.search import services
from kunitachi_kyodo.search.registry import label_of


class Command(BaseCommand):
    help = "Rebuild the search documents of every public object (after a bulk load or restore)."

    def handle(self, *args, **options):
        for kind, count in services.rebuild().items():
            self.stdout.write(f"{label_of(kind)}: {count}")
