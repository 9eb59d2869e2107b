"""Whole public pages kept for anonymous visitors, until the data they show changes.

`version` is the portal's data version: every save or delete of a model a public page may
show, and every workflow move, draws a new one (in the database, so every app server sees
it at once); `middleware` keys each kept page on it, so a publication is on every list the
moment it commits. `versioned` keeps any other derived figure (facet counts) the same way.
"""
