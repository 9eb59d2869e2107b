"""The pages that show every stage at once, built from each app's selectors.

They live in the project package so that no app has to import a later one to draw them.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo.charts import bar_chart
from kunitachi_kyodo.metrics import all_metrics
from kunitachi_kyodo.pagecache.version import versioned
from kunitachi_kyodo.worklist import tasks_of_request
from organizations.selectors import (
    memberships_of,
    open_invitations_for,
    public_organization_count,
    recent_public_organizations,
    verification_work,
)
from proposals.calls.selectors import open_calls_closing_first
from proposals.guideline.models import CollaborationRule
from proposals.projects.selectors import projects_of_member
from proposals.proposals.selectors import proposals_of, recent_public_proposals
from proposals.review.mypage import review_work_of


def home(request: HttpRequest) -> HttpResponse:
    """The portal's front page: what is open now, what was proposed lately, the rules."""
    return render(
        request,
        "home.html",
        {
            "rules": CollaborationRule.objects.all(),
            "open_calls": open_calls_closing_first(),
            "recent_proposals": recent_public_proposals(),
            "recent_organizations": recent_public_organizations(),
            # A count over every public organization: kept until the data changes.
            "organization_count": versioned("home:organization-count", public_organization_count),
        },
    )


def health(request: HttpRequest) -> HttpResponse:
    """A liveness check for the load balancer, and the benchmark's trivial view.

    It renders a template but reads no table, so `make bench` can compare every page with
    the cost of the framework alone, measured in the same run.
    """
    return render(request, "health.txt", content_type="text/plain; charset=utf-8")


def record(request: HttpRequest) -> HttpResponse:
    """協働の実績: every metric of the one list, as a chart with its definition and its table.

    Public: each metric counts public data only (one aggregated query each).
    """
    return render(
        request,
        "record.html",
        {"charts": [bar_chart(metric, metric.rows()) for metric in all_metrics("collaboration")]},
    )


class MyPageView(PermissionRequiredMixin, TemplateView):
    """マイページ: a person's notifications and their work in every stage."""

    permission_required = "organizations.use_mypage"
    template_name = "mypage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        verification = verification_work(user)
        return {
            **super().get_context_data(**kwargs),
            "notifications": user.notifications.all()[:10],
            "unread_count": user.notifications.unread().count(),
            # What waits for this person in every stage, counted (an empty list: nothing);
            # the same list the header counts, computed once for both.
            "tasks": tasks_of_request(self.request),
            "proposals": proposals_of(user),
            "projects": projects_of_member(user),
            "memberships": memberships_of(user),
            "invitations": open_invitations_for(user),
            "review_rounds": review_work_of(user),
            "can_verify": verification is not None,
            "pending_count": verification["pending_count"] if verification else 0,
            "pending_change_count": verification["pending_change_count"] if verification else 0,
        }
