"""Reads of the talent bank. Consent is enforced here, in the query and in the one function
that turns an entry into what a viewer may see; pages, search, exports of others and the
board's suggestions all go through `visible_fields` / `entries_for`."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from kunitachi_kyodo.punctuation import join_list

from .models import CONSENT_FIELDS, Availability, Consent, Skill, TalentEntry
from .permissions import levels_for

# The fields a search filters on, and the consent field each one reads.
FILTER_FIELDS = {"skill": "skills", "field": "fields", "district": "districts"}


@dataclass(frozen=True)
class VisibleEntry:
    """An entry as one viewer may see it: only the consented fields are present at all."""

    pk: int
    values: dict  # field name -> value (strings or lists of names); consented fields only

    @property
    def title(self) -> str:
        return self.values.get("display_name", "")

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        """(name, label, text) of each visible field but the name, in the form's order."""
        return [
            (name, str(label), join_list(value) if isinstance(value, list) else value)
            for name, label in CONSENT_FIELDS.items()
            if name in self.values and name != "display_name"
            for value in [self.values[name]]
        ]


def _with_related(queryset):
    return queryset.prefetch_related("skills", "fields", "districts").select_related("user")


def visible_fields(
    entry: TalentEntry, viewer, levels: frozenset[str] | None = None
) -> VisibleEntry:
    """Only the fields the person let `viewer` see (the owner sees all of their own).

    `levels`: `levels_for(viewer)`, when the caller already has it (see `visible_rows`)."""
    is_owner = viewer is not None and viewer.is_authenticated and entry.user_id == viewer.pk
    levels = levels_for(viewer) if levels is None else levels
    values = {}
    for name in CONSENT_FIELDS:
        if not (is_owner or entry.consent_for(name) in levels):
            continue
        if name in ("skills", "fields", "districts"):
            values[name] = [str(item) for item in getattr(entry, name).all()]
        elif name == "availability":
            labels = dict(Availability.choices)
            values[name] = [str(labels[a]) for a in entry.availability if a in labels]
        elif name == "email":
            values[name] = entry.user.email
        else:
            values[name] = getattr(entry, name)
    return VisibleEntry(entry.pk, values)


def visible_rows(entries, viewer) -> list[VisibleEntry]:
    """`visible_fields` of each entry of a list: the viewer's levels are read once (for a
    member, one query on their memberships), not once a row."""
    levels = levels_for(viewer)
    return [visible_fields(entry, viewer, levels) for entry in entries]


def _any_visible(levels) -> Q:
    """Entries with at least one field the viewer may see."""
    query = Q(pk__in=[])
    for name in CONSENT_FIELDS:
        query |= Q(**{f"consent__{name}__in": list(levels)})
    return query


def entries_for(
    viewer,
    *,
    today: datetime.date,
    skill: Skill | None = None,
    field=None,
    district=None,
    availability: str = "",
):
    """The searchable entries `viewer` may find, filtered only on fields they may see.

    A filter on a field the person did not consent to show this viewer does not match them:
    otherwise the search would reveal the hidden value.
    """
    levels = levels_for(viewer)
    queryset = TalentEntry.objects.searchable(today).filter(_any_visible(levels))
    for value, consent_field in ((skill, "skills"), (field, "fields"), (district, "districts")):
        if value is not None:
            queryset = queryset.consented(consent_field, levels).filter(**{consent_field: value})
    if availability:
        queryset = queryset.consented("availability", levels).filter(
            availability__icontains=f'"{availability}"'
        )
    return _with_related(queryset.distinct())


def visible_entry(viewer, pk: int, *, today: datetime.date) -> TalentEntry | None:
    """The entry at `pk` if `viewer` may see any of it (the owner and the office: any state)."""
    queryset = _with_related(TalentEntry.objects.all())
    entry = queryset.filter(pk=pk).first()
    if entry is None:
        return None
    if viewer.is_authenticated and (
        entry.user_id == viewer.pk or Consent.OFFICE in levels_for(viewer)
    ):
        return entry
    return entry if entries_for(viewer, today=today).filter(pk=pk).exists() else None


def entry_of(user) -> TalentEntry | None:
    if not user.is_authenticated:
        return None
    return _with_related(TalentEntry.objects.filter(user=user)).first()


def waiting_review():
    return _with_related(TalentEntry.objects.filter(status=TalentEntry.Status.SUBMITTED)).order_by(
        "created_at", "pk"
    )


def export_of(entry: TalentEntry) -> dict:
    """Everything the portal keeps of the person's own entry (their export): all fields, the
    consents and their history."""
    return {
        "display_name": entry.display_name,
        "introduction": entry.introduction,
        "skills": [s.name for s in entry.skills.all()],
        "fields": [f.name for f in entry.fields.all()],
        "districts": [d.name for d in entry.districts.all()],
        "availability": list(entry.availability),
        "email": entry.user.email,
        "consent": dict(entry.consent),
        "status": entry.status,
        "expires_on": entry.expires_on.isoformat(),
        "created_at": entry.created_at.isoformat(),
        "consent_history": [
            {
                "reason": change.reason,
                "consent": change.consent,
                "at": change.created_at.isoformat(),
            }
            for change in entry.consent_changes.all()
        ],
    }
