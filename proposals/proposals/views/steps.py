"""The proposal form, one step per page (steps.py), and the confirmation page before 提出.

The first step creates the draft; each later step saves into it, so a person on a phone
never loses more than the page in front of them. Works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.confirm import CONFIRM_FIELD, CONFIRMED
from kunitachi_kyodo.forms import say_files_not_saved
from kunitachi_kyodo.params import id_param
from kunitachi_kyodo.values import rows_from, values_from, values_of
from organizations.views import add_form_errors
from proposals.calls.selectors import open_call
from proposals.proposals import services, workflow
from proposals.proposals.forms import (
    AttachmentsForm,
    BudgetLineFormSet,
    ProposalForm,
    RoleShareFormSet,
)
from proposals.proposals.models import Proposal
from proposals.proposals.steps import (
    CONFIRM,
    FIRST,
    GO,
    GO_BACK,
    GO_STOP,
    Step,
    missing_by_step,
    neighbour,
    progress,
    step_named,
)
from proposals.proposals.views.proposals import own_proposal

TABLES = {
    "roles": (RoleShareFormSet, services.RoleRow, "role_shares", gettext_lazy("役割分担")),
    "budget": (BudgetLineFormSet, services.BudgetRow, "budget_lines", gettext_lazy("収支予算")),
}
# The moves the confirmation page offers: the proposer's ways forward from a draft.
FORWARD = ("submit", "resubmit", "consult")


def _after_save(request, proposal: Proposal, step: Step):
    go = request.POST.get(GO)
    if go == GO_STOP:
        messages.success(
            request, _("下書きを保存しました。続きは、いつでもこのページから書けます。")
        )
        return redirect(proposal)
    target = neighbour(step, -1 if go == GO_BACK else 1)
    messages.success(request, _("保存しました。次は「%(step)s」です。") % {"step": target.label})
    return redirect(target.url(proposal))


def _render(request, proposal, step, form, formset=None, status=200):
    table = TABLES.get(step.table)
    return render(
        request,
        "proposals/proposal_step.html",
        {
            "proposal": proposal,
            "step": step,
            "progress": progress(proposal),
            "form": form,
            "formset": formset,
            "table_label": table[3] if table else "",
            # A row's errors are listed at the top too, with its table and row.
            "error_formsets": [(formset, table[3])] if formset is not None else [],
            "go": {"field": GO, "back": GO_BACK, "stop": GO_STOP},
        },
        status=status,
    )


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    """The first step (概要): saving it makes the draft."""
    if not request.user.has_perm("proposals.create_proposal"):
        raise PermissionDenied
    initial = {}
    if (call_pk := id_param(request.GET.get("call"))) and (call := open_call(call_pk)):
        initial = {"origin": Proposal.Origin.CALL, "call": call}
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, user=request.user, initial=initial, step=FIRST)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(
                user=request.user, values=values_from(form, services.ProposalValues)
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            return _after_save(request, proposal, FIRST)
    return _render(request, None, FIRST, form)


def _editable(request, pk) -> Proposal | HttpResponse:
    proposal = own_proposal(request, pk)
    if workflow.PROPOSER not in workflow.roles_of(request.user, proposal):
        raise Http404
    if not request.user.has_perm("proposals.edit_proposal", proposal):
        messages.error(request, _("この状態の提案は編集できません。"))
        return redirect(proposal)
    return proposal


@login_required
def proposal_step(request: HttpRequest, pk: int, step: str = FIRST.slug) -> HttpResponse:
    current = step_named(step)
    if current is None:
        raise Http404
    proposal = _editable(request, pk)
    if isinstance(proposal, HttpResponse):
        return proposal
    if current is CONFIRM:
        return _confirm(request, proposal)
    if current.slug == "files":
        return _files(request, proposal, current)
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, user=request.user, instance=proposal, step=current)
    formset = None
    if current.table:
        formset_class, *_rest = TABLES[current.table]
        formset = formset_class(data, instance=proposal, prefix=current.table)
    if request.method == "POST" and _step_valid(form, formset, current):
        try:
            services.proposal_update(
                proposal=proposal,
                user=request.user,
                values=_values(proposal, form, formset, current),
                lock_version=form.lock_version,
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
            return _render(request, proposal, current, form, formset, status=status)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            return _after_save(request, proposal, current)
    return _render(request, proposal, current, form, formset)


def _step_valid(form, formset, step) -> bool:
    """Every part valid (and the budget sound against the call); all errors found in one pass."""
    valid = [form.is_valid(), formset is None or formset.is_valid()]
    if step.table == "budget" and not form.check_budget(formset):
        return False
    return all(valid)


def _values(proposal, form, formset, step) -> services.ProposalValues:
    """The stored proposal with this step's answers: other steps' fields and rows stay."""
    changes = {name: form.cleaned_data[name] for name in step.fields}
    rows = {"role_shares": None, "budget_lines": None}
    if step.table:
        _formset_class, row_class, rows_name, _label = TABLES[step.table]
        rows[rows_name] = rows_from(formset, row_class)
    return values_of(proposal, services.ProposalValues, **rows, **changes)


def _files(request, proposal, step) -> HttpResponse:
    posted = request.method == "POST"
    form = AttachmentsForm(
        request.POST if posted else None, request.FILES if posted else None, proposal=proposal
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attachments_change(
                proposal=proposal,
                user=request.user,
                add=form.cleaned_data["files"],
                remove=list(form.cleaned_data.get("remove") or []),
            )
        except ValidationError as error:
            add_form_errors(form, error)
            say_files_not_saved(form)
        else:
            return _after_save(request, proposal, step)
    return _render(request, proposal, step, form)


def _confirm(request, proposal) -> HttpResponse:
    """The whole proposal as it will be sent, what is still missing, and the button to send it."""
    user = request.user
    moves = [t for t in workflow.allowed_transitions(user, proposal) if t.action in FORWARD]
    return render(
        request,
        "proposals/proposal_confirm.html",
        {
            "proposal": proposal,
            "step": CONFIRM,
            "progress": progress(proposal),
            "missing": [
                (step, label, f"{step.url(proposal)}#id_{name}")
                for step, name, label in missing_by_step(proposal)
            ],
            # Each way forward with what still stops it, said before the button is pressed.
            "moves": [
                (
                    move,
                    # What is still to write is listed at the top, each item with its link.
                    workflow.PROPOSAL_WORKFLOW.what_stops(
                        proposal, action=move.action, actor=user, skip=(workflow.COMPLETE,)
                    ),
                )
                for move in moves
            ],
            "role_shares": proposal.role_shares.all(),
            "budget_lines": proposal.budget_lines.all(),
            "budget_totals": proposal.budget_totals(),
            "attachments": proposal.attachments.all(),
            # This page is the confirmation the move asks for: it says what cannot be undone.
            "confirm_field": CONFIRM_FIELD,
            "confirmed": CONFIRMED,
        },
    )
