from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from organizations.models import Organization
from proposals.calls.models import Call
from proposals.guideline.models import CollaborationRule
from proposals.proposals.models import Proposal


def home(request: HttpRequest) -> HttpResponse:
    """The portal's front page: what is open now, what was proposed lately, the rules."""
    return render(
        request,
        "home.html",
        {
            "rules": CollaborationRule.objects.all(),
            "open_calls": Call.objects.open_now()
            .select_related("department")
            .order_by("closes_at")[:3],
            "recent_proposals": Proposal.objects.public()
            .select_related("organization", "proposer")
            .order_by("-submitted_at")[:5],
            "recent_organizations": Organization.objects.public().order_by("-created_at")[:6],
            "organization_count": Organization.objects.public().count(),
        },
    )
