"""One search over the public parts of every stage (calls, proposals, results, projects, ...).

Each app says in its own `search.py` which of its objects are public and which of their
text may be found (`registry.indexes`); this package keeps a table of those documents current
and searches it, without importing any app.
"""
