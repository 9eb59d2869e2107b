from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.forms import say_files_not_saved
from kunitachi_kyodo.params import id_param
from kunitachi_kyodo.sections import sections_of
from kunitachi_kyodo.timeline import timeline_of
from kunitachi_kyodo.uploads import download_response
from kunitachi_kyodo.values import rows_from, values_from
from organizations.views import add_form_errors
from proposals.calls.selectors import open_call
from proposals.proposals import selectors, services, workflow
from proposals.proposals.filters import PublicProposalFilter
from proposals.proposals.forms import (
    BudgetLineFormSet,
    ConsultationMessageForm,
    ProposalForm,
    RoleShareFormSet,
    TransitionForm,
)
from proposals.proposals.models import Proposal


def _paginate(request, queryset, per_page=20):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def proposal_list(request: HttpRequest) -> HttpResponse:
    """The public list of proposals: submitted ones only, with the public fields only."""
    filterset = PublicProposalFilter(
        request.GET or None,
        queryset=selectors.public_proposals(),
    )
    page = _paginate(request, filterset.qs)
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


def _formsets(request, proposal=None):
    data = request.POST if request.method == "POST" else None
    instance = proposal or Proposal()
    return [
        RoleShareFormSet(data, instance=instance, prefix="roles"),
        BudgetLineFormSet(data, instance=instance, prefix="budget"),
    ]


def _valid(form, formsets) -> bool:
    """Every part valid and the budget sound against the call; all errors found in one pass."""
    valid = [form.is_valid(), *(formset.is_valid() for formset in formsets)]
    if form.check_budget(formsets[1]) and all(valid):
        return True
    say_files_not_saved(form)
    return False


def _values(form, formsets) -> services.ProposalValues:
    role_formset, budget_formset = formsets
    return values_from(
        form,
        services.ProposalValues,
        role_shares=rows_from(role_formset, services.RoleRow),
        budget_lines=rows_from(budget_formset, services.BudgetRow),
    )


def _render_form(request, form, formsets, proposal=None, status=200):
    return render(
        request,
        "proposals/proposal_form.html",
        {
            "form": form,
            "role_formset": formsets[0],
            "budget_formset": formsets[1],
            # Rows' errors are listed at the top too, each with its table and row.
            "error_formsets": [(formsets[0], _("役割分担")), (formsets[1], _("収支予算"))],
            "proposal": proposal,
            "attachments": proposal.attachments.all() if proposal else [],
        },
        status=status,
    )


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("proposals.create_proposal"):
        raise PermissionDenied
    initial = {}
    if (call_pk := id_param(request.GET.get("call"))) and (call := open_call(call_pk)):
        initial = {"origin": Proposal.Origin.CALL, "call": call}
    form = ProposalForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    formsets = _formsets(request)
    if request.method == "POST" and _valid(form, formsets):
        try:
            proposal = services.proposal_create(
                user=request.user,
                values=_values(form, formsets),
                upload=form.cleaned_data.get("attachment"),
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request, _("提案を下書きとして保存しました。内容を確かめて、提出してください。")
            )
            return redirect(proposal)
    return _render_form(request, form, formsets)


def _own_proposal(request, pk) -> Proposal:
    """A proposal the user may see; 404 otherwise (someone else's draft does not exist for them)."""
    return get_object_or_404(selectors.visible_proposals_with_call(request.user), pk=pk)


@login_required
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _own_proposal(request, pk)
    if workflow.PROPOSER not in workflow.roles_of(request.user, proposal):
        raise Http404
    if not request.user.has_perm("proposals.edit_proposal", proposal):
        messages.error(request, _("この状態の提案は編集できません。"))
        return redirect(proposal)
    form = ProposalForm(
        request.POST or None, request.FILES or None, user=request.user, instance=proposal
    )
    formsets = _formsets(request, proposal)
    if request.method == "POST" and _valid(form, formsets):
        try:
            services.proposal_update(
                proposal=proposal,
                user=request.user,
                values=_values(form, formsets),
                lock_version=form.lock_version,
                upload=form.cleaned_data.get("attachment"),
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
            return _render_form(request, form, formsets, proposal, status=status)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("提案を保存しました。"))
            return redirect("proposals:proposal_detail", pk=proposal.pk)
    return _render_form(request, form, formsets, proposal)


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
    proposal = _own_proposal(request, pk)
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
    proposal = _own_proposal(request, pk)
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
    proposal = _own_proposal(request, pk)
    if not request.user.has_perm("proposals.view_private_parts", proposal):
        raise Http404
    attachment = get_object_or_404(proposal.attachments, pk=attachment_pk)
    return download_response(attachment, private=True)
