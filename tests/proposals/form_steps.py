"""Filling the proposal form step by step, as a person does (proposals/proposals/steps.py).

Tests keep one dictionary of everything a person types (`form_data`); these helpers post
each step the part of it that step asks for.
"""

from django.urls import reverse

from proposals.proposals.models import Proposal
from proposals.proposals.steps import FIRST, STEPS, step_named
from tests.conftest import lock_version_on


def part_for(step, data: dict) -> dict:
    """What `step`'s page would send of `data`: its fields, its table's rows, the button."""
    return {
        name: value
        for name, value in data.items()
        if name in step.fields
        or (step.table and name.startswith(f"{step.table}-"))
        or name == "go"
        or (step.slug == "files" and name in ("files", "remove"))
    }


def start(client, data: dict):
    """The first step (概要): posting it makes the draft."""
    return client.post(reverse("proposals:proposal_create"), part_for(FIRST, data))


def post_step(client, proposal: Proposal, slug: str, data: dict):
    """One later step, posted with the version number its page was opened at."""
    step = step_named(slug)
    url = step.url(proposal)
    sent = part_for(step, data)
    if slug != "files":
        sent["lock_version"] = lock_version_on(client.get(url))
    return client.post(url, sent)


def fill(client, data: dict, *, before: str = "confirm") -> Proposal:
    """Start a draft and post every step before the one named; each must be saved."""
    response = start(client, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal = Proposal.objects.latest("pk")
    for step in STEPS[1 : [s.slug for s in STEPS].index(before)]:
        response = post_step(client, proposal, step.slug, data)
        assert response.status_code == 302, (step.slug, response.content.decode()[:2000])
    proposal.refresh_from_db()
    return proposal
