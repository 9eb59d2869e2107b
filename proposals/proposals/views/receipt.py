"""The printable receipt of a submitted proposal (受付票): its number and the whole proposal."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kunitachi_kyodo.pdf import pdf_response
from proposals.proposals import selectors


@login_required
def proposal_receipt_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """For the proposer's side and the city: it holds the budget, which the public does not see."""
    proposal = get_object_or_404(selectors.visible_proposals_for_page(request.user), pk=pk)
    if proposal.receipt_number is None or not request.user.has_perm(
        "proposals.view_private_parts", proposal
    ):
        raise Http404
    return pdf_response(
        request,
        "proposals/receipt_pdf.html",
        {
            "proposal": proposal,
            "city": settings.CITY_NAME,
            "role_shares": proposal.role_shares.all(),
            "budget_lines": proposal.budget_lines.all(),
            "budget_totals": proposal.budget_totals(),
        },
        filename=f"受付票_{proposal.receipt_number}.pdf",
    )
