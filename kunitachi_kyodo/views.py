from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from organizations.models import Organization
from proposals.models import CollaborationRule


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "home.html",
        {
            "rules": CollaborationRule.objects.all(),
            "recent_organizations": Organization.objects.public().order_by("-created_at")[:6],
            "organization_count": Organization.objects.public().count(),
        },
    )
