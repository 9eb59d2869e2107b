"""Keeping the documents current: one object's after each write, or all of them at once.

Kept by signals, not by calls in each service: edits reach the database through `save()`
(post_save) but state moves through `QuerySet.update()` inside the workflow engine, which
sends `workflow.moved` after every move. Listening to both, here, catches every path a
public object changes by (services, admin, the seed) without each stage remembering to, and
runs in the writer's transaction, so the index never shows what a rolled-back write said.
A document that quotes another object (a proposal its organization's name) is rewritten
when that one is saved (`follows`). A bulk load is indexed by `manage.py rebuild_search_index`.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.text import Truncator

from kunitachi_kyodo import workflow
from kunitachi_kyodo.search.models import SearchDocument
from kunitachi_kyodo.search.normalize import normalize
from kunitachi_kyodo.search.registry import Source, followers_of, sources, sources_of

SNIPPET_CHARACTERS = 160  # a results page stays small whatever the public text's length
BATCH = 1000


def _row(source: Source, obj) -> SearchDocument:
    document = source.document(obj)
    return SearchDocument(
        kind=source.kind,
        object_id=obj.pk,
        url=document.url,
        title=Truncator(document.title).chars(300),
        snippet=Truncator(" ".join(document.snippet.split())).chars(SNIPPET_CHARACTERS),
        text=normalize(document.text),
        updated_at=document.updated_at,
    )


def reindex(source: Source, pk: int) -> None:
    """Write the object's document if it is public now, remove it if not."""
    obj = source.public().filter(pk=pk).first()
    if obj is None:
        SearchDocument.objects.filter(kind=source.kind, object_id=pk).delete()
        return
    row = _row(source, obj)
    fields = ["url", "title", "snippet", "text", "updated_at"]
    SearchDocument.objects.update_or_create(
        kind=source.kind,
        object_id=pk,
        defaults={name: getattr(row, name) for name in fields},
    )


def reindex_object(obj) -> None:
    for source in sources_of(type(obj)):
        reindex(source, obj.pk)
    for source in followers_of(type(obj)):
        for pk in source.follows[type(obj)](obj):
            reindex(source, pk)


@transaction.atomic
def rebuild() -> dict[str, int]:
    """Every registered source's public objects, from scratch; the count per kind."""
    SearchDocument.objects.all().delete()
    counts = {}
    for source in sources():
        batch: list[SearchDocument] = []
        counts[source.kind] = 0
        for obj in source.public().order_by("pk").iterator(chunk_size=BATCH):
            batch.append(_row(source, obj))
            if len(batch) == BATCH:
                SearchDocument.objects.bulk_create(batch)
                counts[source.kind] += len(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        counts[source.kind] += len(batch)
    return counts


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # fixtures load rows as they were; rebuild indexes them
        reindex_object(instance)


def _deleted(sender, instance, **kwargs) -> None:
    for source in sources_of(sender):
        SearchDocument.objects.filter(kind=source.kind, object_id=instance.pk).delete()


def _moved(sender, obj, **kwargs) -> None:
    reindex_object(obj)


def listen() -> None:
    """Follow every write (called once, from the app's ready)."""
    post_save.connect(_saved, dispatch_uid="search.saved")
    post_delete.connect(_deleted, dispatch_uid="search.deleted")
    workflow.moved.connect(_moved, dispatch_uid="search.moved")
