"""Ids people type into a query string or a posted field (?call=12, ?version=2).

Anything but a plain ASCII number within a database id's range is treated as absent, so a
probe ("abc", "²", 10**30) gets the page without it, never an error from the database.
"""

MAX_ID = 2**31 - 1  # the largest value every database's integer id column holds


def id_param(value) -> int | None:
    """The positive id `value` spells, or None."""
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
