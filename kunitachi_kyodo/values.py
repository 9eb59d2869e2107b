"""One shape for writes: services take plain typed values; forms only clean input.

A service's input is a frozen dataclass named after what it holds (`CallValues`,
`ProposalValues`…). Its field names are the model's field names; a tuple of row values
stands for a table's rows (役割分担, 収支予算, 指標). A view turns cleaned form input into
these values with `values_from` and `rows_from`; the demo seed and the tests build them
directly, so every write goes through the same service whoever makes it.

The service applies them with `save_values` and `save_rows`, which check each value
against its model field first, so a value that never passed a form is refused all the same.
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _


def as_dict(values) -> dict:
    """The dataclass's fields, one level deep (model instances stay instances)."""
    return {f.name: getattr(values, f.name) for f in dataclasses.fields(values)}


def values_of(instance: Model, cls, **changes):
    """The values `instance` holds now, as `cls`, with `changes` (rows must be among them)."""
    picked = {}
    for f in dataclasses.fields(cls):
        if f.name in changes:
            continue
        value = getattr(instance, f.name)
        picked[f.name] = (
            tuple(value.all()) if instance._meta.get_field(f.name).many_to_many else value
        )
    return cls(**picked, **changes)


# --- Form side -------------------------------------------------------------------------


def values_from(form, cls, **more):
    """Build `cls` from a valid form's cleaned data (fields it lacks keep their defaults)."""
    data = form.cleaned_data
    picked = {
        f.name: _plain(data[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data and f.name not in more
    }
    return cls(**picked, **more)


def rows_from(formset, cls) -> tuple:
    """The rows of a valid formset as `cls` values, in order, without blank or deleted ones.

    A row already saved carries its `id`, so saving it again updates it in place.
    """
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        row = values_from(form, cls)
        if "id" in {f.name for f in dataclasses.fields(cls)} and isinstance(data.get("id"), Model):
            row = dataclasses.replace(row, id=data["id"].pk)
        rows.append(row)
    return tuple(rows)


def _plain(value):
    return tuple(value) if isinstance(value, QuerySet) else value


# --- Service side ----------------------------------------------------------------------


def save_values(instance: Model, values, *, skip=(), **fixed) -> Model:
    """Set `instance`'s fields from `values` (and `fixed`), check them, save, set many-to-many.

    `skip` names fields of `values` the service handles itself (rows, files).
    """
    many = {}
    given = {name: value for name, value in as_dict(values).items() if name not in skip}
    for name, value in {**given, **fixed}.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            many[name] = value
        else:
            setattr(instance, name, value)
    _check(instance, given.keys() - many.keys())
    instance.clean()  # the model's rules across fields (a period in order…)
    instance.save()
    for name, value in many.items():
        getattr(instance, name).set(value)
    return instance


def save_rows(manager, rows, *, order_field: str | None = None) -> None:
    """Make a parent's rows (`manager`, e.g. `proposal.role_shares`) exactly `rows`.

    Rows with an `id` are updated in place (other records may point to them), rows without one
    are added, and the parent's rows not named are deleted.
    """
    model, parent = manager.model, {manager.field.name: manager.instance}
    existing = {row.pk: row for row in manager.all()}
    kept = set()
    for position, values in enumerate(rows):
        data = {k: v for k, v in as_dict(values).items() if k != "id"}
        if order_field:
            data[order_field] = position
        row_id = getattr(values, "id", None)
        if row_id is not None and row_id not in existing:
            raise ValidationError(_("この行は、この記録のものではありません。"))
        row = existing.get(row_id) or model(**parent)
        for name, value in data.items():
            setattr(row, name, value)
        _check(row, data.keys())
        row.save()
        kept.add(row.pk)
    manager.filter(pk__in=set(existing) - kept).delete()


def _check(instance: Model, names) -> None:
    """Each value against its model field (length, choices, validators), keyed by field name.

    Relations are left out: the service checks who may link to what, and the database keeps
    the keys.
    """
    names = set(names)
    exclude = [
        f.name
        for f in instance._meta.concrete_fields
        if f.name not in names or f.is_relation or f.primary_key
    ]
    instance.clean_fields(exclude=exclude)
