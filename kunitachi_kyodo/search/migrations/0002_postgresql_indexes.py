"""PostgreSQL only: an index for every length of word (SQLite has none and scans).

pg_trgm's GIN index serves `text LIKE '%word%'` for words of three characters or more; it
extracts nothing from shorter ones, and pg_bigm is not packaged for Debian's PostgreSQL 15.
So a one- or two-character word (福祉, 防) is found through `search_grams(text)`: the text's
distinct one- and two-character substrings, as an array with its own GIN index (an
expression index: the grams live in the index, not in a second copy of every text).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

GRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
        SELECT substr(t, i, 1) AS gram FROM generate_series(1, char_length(t)) AS i
        UNION ALL
        SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
    ) AS grams
$$
"""

FORWARDS = [
    GRAMS_FUNCTION,
    "CREATE INDEX search_document_trigrams ON search_searchdocument "
    "USING gin (text gin_trgm_ops)",
    "CREATE INDEX search_document_grams ON search_searchdocument "
    "USING gin (search_grams(text))",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_document_grams",
    "DROP INDEX IF EXISTS search_document_trigrams",
    "DROP FUNCTION IF EXISTS search_grams(text)",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_documents")]

    operations = [
        TrigramExtension(),  # CreateExtension does nothing on other databases
        migrations.RunPython(_on_postgresql(FORWARDS), _on_postgresql(BACKWARDS)),
    ]
