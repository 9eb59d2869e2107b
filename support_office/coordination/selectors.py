"""Reads of the coordination board, and the suggested matches.

Suggestions rank talent entries and other requests by how much they share with a request
(activity fields, skills, districts, times). A talent entry is compared only on the fields
its person lets the viewer see (talent.selectors.visible_rows), so a ranking never leans
on a hidden value.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from proposals.proposals.models import Proposal
from support_office.talent.models import Availability
from support_office.talent.selectors import entries_for, visible_rows

from .models import CoordinationRequest, Kind

# Requests whose kinds answer each other (a venue sought, a venue offered).
COMPLEMENTS = {
    Kind.SEEKING_VENUE: Kind.OFFERING_VENUE,
    Kind.OFFERING_VENUE: Kind.SEEKING_VENUE,
    Kind.SEEKING_EXPERTISE: Kind.OFFERING_EXPERTISE,
    Kind.OFFERING_EXPERTISE: Kind.SEEKING_EXPERTISE,
    Kind.SEEKING_PARTNER: Kind.SEEKING_PARTNER,
}
SUGGESTIONS = 5
CANDIDATES = 100


def board():
    """The public board, newest first."""
    return CoordinationRequest.objects.public().for_listing()


def visible_request(user, pk: int) -> CoordinationRequest | None:
    return (
        CoordinationRequest.objects.visible_to(user)
        .select_related("organization", "poster", "proposal", "project", "matched_response")
        .prefetch_related("fields", "skills", "districts")
        .filter(pk=pk)
        .first()
    )


def linked_proposal(request: CoordinationRequest):
    """The proposal the match led to, only once it is public (a draft's title stays private)."""
    if request.proposal_id is None:
        return None
    return Proposal.objects.public().filter(pk=request.proposal_id).first()


def responses_of(request: CoordinationRequest):
    return request.responses.select_related("responder")


def has_responded(request: CoordinationRequest, user) -> bool:
    return user.is_authenticated and request.responses.filter(responder=user).exists()


def timeline_of(request: CoordinationRequest, *, private: bool):
    changes = request.status_changes.all()
    return changes if private else changes.public()


def for_office(status: str | None = None):
    queryset = CoordinationRequest.objects.for_listing().annotate(response_count=Count("responses"))
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-updated_at", "-pk")


def awaiting_outcome():
    return CoordinationRequest.objects.filter(status=CoordinationRequest.Status.MATCHED)


def awaiting_review():
    return CoordinationRequest.objects.filter(status=CoordinationRequest.Status.REVIEW)


@dataclass(frozen=True)
class Suggestion:
    score: int
    shared: tuple[str, ...]  # what the two have in common, as names
    title: str
    url: str
    kind: str  # "talent" or "request"


def _terms(request: CoordinationRequest) -> dict[str, set[str]]:
    labels = dict(Availability.choices)
    return {
        "fields": {str(f) for f in request.fields.all()},
        "skills": {str(s) for s in request.skills.all()},
        "districts": {str(d) for d in request.districts.all()},
        "availability": {str(labels[a]) for a in request.availability if a in labels},
    }


def _shared(terms: dict[str, set[str]], other: dict[str, set[str]]) -> list[str]:
    return [name for key in terms for name in sorted(terms[key] & other.get(key, set()))]


def suggestions_for(
    request: CoordinationRequest, viewer, *, today: datetime.date
) -> list[Suggestion]:
    """The talent entries and other open requests that share most with `request`."""
    terms = _terms(request)
    field_ids = [f.pk for f in request.fields.all()]
    skill_ids = [s.pk for s in request.skills.all()]
    district_ids = [d.pk for d in request.districts.all()]
    found: list[Suggestion] = []
    talent = entries_for(viewer, today=today).filter(
        Q(fields__in=field_ids) | Q(skills__in=skill_ids) | Q(districts__in=district_ids)
    )
    candidates = list(talent.exclude(user=request.poster_id)[:CANDIDATES])
    for entry, shown in zip(candidates, visible_rows(candidates, viewer), strict=True):
        other = {
            key: set(shown.values.get(key) or [])
            for key in ("fields", "skills", "districts", "availability")
        }
        shared = _shared(terms, other)
        if shared and shown.title:
            found.append(
                Suggestion(
                    len(shared), tuple(shared), shown.title, entry.get_absolute_url(), "talent"
                )
            )
    others = (
        CoordinationRequest.objects.public()
        .filter(status=CoordinationRequest.Status.PUBLISHED)
        .exclude(pk=request.pk)
        .filter(Q(fields__in=field_ids) | Q(skills__in=skill_ids) | Q(districts__in=district_ids))
        .distinct()
        .prefetch_related("fields", "skills", "districts")[:CANDIDATES]
    )
    for other_request in others:
        shared = _shared(terms, _terms(other_request))
        bonus = 2 if COMPLEMENTS.get(request.kind) == other_request.kind else 0
        if shared:
            found.append(
                Suggestion(
                    len(shared) + bonus,
                    tuple(shared),
                    other_request.title,
                    other_request.get_absolute_url(),
                    "request",
                )
            )
    found.sort(key=lambda s: (-s.score, s.title))
    return found[: SUGGESTIONS * 2]
