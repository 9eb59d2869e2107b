"""Reading the documents: those that hold every word of a query, newest first."""

from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from kunitachi_kyodo.search.models import SearchDocument

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
        table = SearchDocument._meta.db_table
        return RawSQL(
            f'search_grams("{table}"."text") @> ARRAY[%s]::text[]',
            (word,),
            output_field=BooleanField(),
        )
    return Q(text__contains=word)


def documents_with(words: list[str]) -> QuerySet:
    """The documents that hold every word (none for no word), without their long text."""
    if not words:
        return SearchDocument.objects.none()
    documents = SearchDocument.objects.defer("text")
    for word in words:
        documents = documents.filter(_holds(word))
    return documents.order_by("-updated_at", "-pk")
