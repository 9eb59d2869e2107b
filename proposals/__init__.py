"""The collaboration lifecycle as a package of apps, one per stage (see DESIGN.md).

guideline → calls → proposals → review → projects: a later stage may import an
earlier one, never the reverse (checked by import-linter).
"""
