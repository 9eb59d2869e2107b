"""Reading the documents: those that hold every word of a query, newest first."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.lookups import DataContains
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from kunitachi_kyodo.search.models import SearchDocument
from kunitachi_kyodo.search.normalize import words_of

MAX_WORDS = 5  # a query's first five words are looked up; the rest are not
SHORT_WORD = 2  # up to this many characters a word is looked up by its grams on PostgreSQL


def _holds(word: str):
    """The condition "the normalized text holds `word` as a substring", on either backend.

    PostgreSQL: a short word is one of the text's grams (GIN over `search_grams(text)`); a
    longer one is a LIKE the trigram GIN index serves (Django escapes `%` and `_`). SQLite has
    neither index and scans with instr(): its LIKE would fold ASCII case and treat `%` and `_`
    apart. Each is the same test, so both backends find the same documents.
    """
    if connection.vendor != "postgresql":
        return GreaterThan(StrIndex(F("text"), Value(word)), 0)
    if len(word) <= SHORT_WORD:
        # search_grams(text) @> ARRAY[word], the expression of the GIN index; built from the
        # column, not raw SQL, so it holds inside a subquery too (object_ids_with).
        # The same text LIKE '%word%' beside it changes no result (a word of one or two
        # characters is one of the text's grams exactly when it is a substring) but spares a
        # plan that checks rows one by one (a list walked in its own order, stopping at 20)
        # computing every row's grams: the cheap test runs first and rejects most of them.
        grams = ArrayField(TextField())
        return DataContains(
            Func(F("text"), function="search_grams", output_field=grams),
            Value([word], output_field=grams),
        ) & Q(text__contains=word)
    return Q(text__contains=word)


def documents_with(words: list[str]) -> QuerySet:
    """The documents that hold every word (none for no word), without their long text."""
    if not words:
        return SearchDocument.objects.none()
    documents = SearchDocument.objects.defer("text")
    for word in words:
        documents = documents.filter(_holds(word))
    return documents.order_by("-updated_at", "-pk")


def object_ids_with(kind: str, query: str) -> QuerySet | None:
    """The ids of the `kind` objects whose document holds every word of `query`, as a subquery.

    What a public list's keyword filter uses (`pk__in=`), so that a list finds what the search
    finds, through the same index; None when the query has no word (the filter does nothing).
    """
    words = words_of(query, limit=MAX_WORDS)
    if not words:
        return None
    return documents_with(words).filter(kind=kind).order_by().values("object_id")
