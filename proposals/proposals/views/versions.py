"""What changed in a resubmitted proposal, against the version the city reviewed."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from proposals.proposals import selectors


@login_required
def proposal_changes(request: HttpRequest, pk: int) -> HttpResponse:
    """Side by side, for those who see the private parts (the budget is among the fields)."""
    proposal = get_object_or_404(selectors.visible_proposals_with_call(request.user), pk=pk)
    if not request.user.has_perm("proposals.view_private_parts", proposal):
        raise Http404
    pair = selectors.versions_to_compare(proposal)
    if pair is None:
        raise Http404
    older, newer = pair
    rows = selectors.version_changes(older.snapshot, newer.snapshot)
    return render(
        request,
        "proposals/proposal_changes.html",
        {
            "proposal": proposal,
            "older": older,
            "newer": newer,
            "changed": [row for row in rows if row["changed"]],
            "unchanged": [row for row in rows if not row["changed"]],
        },
    )
