from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.lists import page_of
from kunitachi_kyodo.sections import sections_of
from kunitachi_kyodo.timeline import timeline_of
from kunitachi_kyodo.uploads import download_response
from proposals.proposals import selectors, services, workflow
from proposals.proposals.filters import PublicProposalFilter
from proposals.proposals.forms import (
    ConsultationMessageForm,
    TransitionForm,
)
from proposals.proposals.models import Proposal


def _paginate(request, queryset, per_page=20):
    return page_of(request, queryset, per_page)


def proposal_list(request: HttpRequest) -> HttpResponse:
    """The public list of proposals: submitted ones only, with the public fields only."""
    filterset = PublicProposalFilter(
        request.GET or None,
        queryset=selectors.public_proposals(),
    )
    # An unknown filter value finds nothing and is said next to its field, as on the other lists.
    valid = not filterset.is_bound or filterset.is_valid()
    page = _paginate(request, filterset.qs if valid else filterset.queryset.none())
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "object_list": page.object_list,
            "paginator": page.paginator,
        },
    )


@login_required
def my_proposals(request: HttpRequest) -> HttpResponse:
    proposals = selectors.my_proposals(request.user)
    return render(request, "proposals/my_proposals.html", {"proposals": proposals})


def own_proposal(request, pk) -> Proposal:
    """A proposal the user may see; 404 otherwise (someone else's draft does not exist for them)."""
    return get_object_or_404(selectors.visible_proposals_with_call(request.user), pk=pk)


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(selectors.visible_proposals_for_page(request.user), pk=pk)
    user = request.user
    private = user.has_perm("proposals.view_private_parts", proposal)
    context = {
        "proposal": proposal,
        "show_private": private,
        "timeline": timeline_of(proposal, private=private),
        "transitions": workflow.allowed_transitions(user, proposal),
        "transition_form": TransitionForm(),
        "can_edit": user.has_perm("proposals.edit_proposal", proposal),
        "can_post_consultation": user.has_perm("proposals.post_consultation", proposal),
        "can_assign": user.has_perm("proposals.assign_department", proposal),
        "consultation_form": ConsultationMessageForm(),
        # The review results and the project, from the later stages (kunitachi_kyodo.sections).
        **sections_of("proposals:proposal_detail", proposal, user=user),
    }
    if private:
        context.update(
            {
                "budget_lines": proposal.budget_lines.all(),
                "budget_totals": proposal.budget_totals(),
                "attachments": proposal.attachments.all(),
                "consultation_messages": selectors.consultation_messages_of(proposal),
                # A resubmission can be compared with the version the city reviewed.
                "can_compare_versions": proposal.versions.count() > 1,
            }
        )
    return render(request, "proposals/proposal_detail.html", context)


@require_POST
@login_required
def proposal_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    proposal = own_proposal(request, pk)
    if asked := unless_move_confirmed(request, workflow.PROPOSAL_WORKFLOW, proposal, action):
        return asked
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        services.proposal_transition(
            proposal=proposal,
            action=action,
            actor=request.user,
            comment=form.cleaned_data.get("comment", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        proposal.refresh_from_db()
        messages.success(
            request, _("「%(status)s」にしました。") % {"status": proposal.get_status_display()}
        )
    return redirect(proposal)


@require_POST
@login_required
def consultation_post(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = own_proposal(request, pk)
    if not request.user.has_perm("proposals.view_private_parts", proposal):
        raise Http404
    form = ConsultationMessageForm(request.POST)
    if form.is_valid():
        services.consultation_post(
            proposal=proposal, author=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("メッセージを送りました。"))
    else:
        messages.error(request, _("メッセージを入力してください。"))
    return redirect(proposal.get_absolute_url() + "#consultation")


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    proposal = own_proposal(request, pk)
    if not request.user.has_perm("proposals.view_private_parts", proposal):
        raise Http404
    attachment = get_object_or_404(proposal.attachments, pk=attachment_pk)
    return download_response(attachment, private=True)
