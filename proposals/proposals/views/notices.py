"""The printable notice (採択通知書・不採択通知書・差し戻し通知書): its text as it was issued."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kunitachi_kyodo.pdf import pdf_response
from kunitachi_kyodo.wareki import wareki_date
from proposals.proposals import selectors

# Lines a city's notice sets apart: 記 opens the itemized part (centred), 以上 closes it.
_CENTRED, _CLOSING = {"記"}, {"以上"}


def _lines(body: str) -> list[dict]:
    return [
        {
            "text": line,
            "centred": line.strip() in _CENTRED,
            "closing": line.strip() in _CLOSING,
        }
        for line in body.splitlines()
    ]


@login_required
def notice_pdf(request: HttpRequest, pk: int, notice_pk: int) -> HttpResponse:
    """For the proposer's side and the city; anyone else is told it does not exist."""
    proposal = get_object_or_404(selectors.visible_proposals_for_page(request.user), pk=pk)
    if not request.user.has_perm("proposals.view_notices", proposal):
        raise Http404
    notice = get_object_or_404(proposal.notices, pk=notice_pk)
    return pdf_response(
        request,
        "proposals/notice_pdf.html",
        {
            "notice": notice,
            "notice_date": wareki_date(notice.notice_date),
            "lines": _lines(notice.body),
        },
        filename=f"{notice.get_kind_display()}_{notice.number}.pdf",
    )
