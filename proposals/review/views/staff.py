"""City staff's pages: rounds, entries, reviewers, decisions, sessions and publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.params import id_param
from kunitachi_kyodo.values import values_from
from organizations.permissions import require
from organizations.views import add_form_errors
from proposals.guideline.schemes import describe_scheme
from proposals.proposals.models import Proposal
from proposals.review import selectors, services
from proposals.review.forms import (
    AddProposalForm,
    AssignReviewerForm,
    DecisionForm,
    PublishForm,
    ReviewRoundForm,
    ReviewSessionForm,
)
from proposals.review.models import STAGE_STATUS, ReviewEntry, ReviewRound, ReviewSession
from proposals.review.selectors import CONFLICT, DRAFT, OWED, SUBMITTED, TODO
from proposals.review.services import (
    DECISION_ACTIONS,
    SessionValues,
    round_create,
    session_save,
)
from proposals.review.workflow import ROUND_WORKFLOW

# --- City staff: rounds, reviewers, decisions, sessions, publication ---------------

PROGRESS_LABELS = {
    SUBMITTED: gettext_lazy("提出済み"),
    DRAFT: pgettext_lazy("state of a score sheet", "一時保存"),
    CONFLICT: gettext_lazy("利害関係"),
    TODO: gettext_lazy("未"),
}


def _require_manager(request: HttpRequest) -> None:
    require(request.user, "proposals.manage_review")


def _managed_round(request: HttpRequest, pk: int) -> ReviewRound:
    """A round the user manages: its department's staff, coordinators, administrators."""
    _require_manager(request)
    review_round = get_object_or_404(selectors.rounds_to_manage(), pk=pk)
    require(request.user, "proposals.manage_round", review_round)
    return review_round


@login_required
def staff_round_list(request: HttpRequest) -> HttpResponse:
    """The rounds the user manages (all, for coordinators), and the form that creates one."""
    _require_manager(request)
    call_pk = id_param(request.GET.get("call"))
    call = selectors.call_by_pk(call_pk) if call_pk else None
    form = ReviewRoundForm(
        request.POST or None, initial={"call": call} if call else None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            review_round = round_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("審査回「%(title)s」を作成しました。提案と審査委員を登録してください。")
                % {"title": review_round.title},
            )
            return redirect("review:round_manage", pk=review_round.pk)
    return render(
        request,
        "review/staff_round_list.html",
        {"rounds": selectors.rounds_for(request.user), "form": form},
        status=400 if form.errors else 200,
    )


def _decisions(review_round: ReviewRound) -> list[str]:
    return list(DECISION_ACTIONS[review_round.stage])


def _decision_form(review_round: ReviewRound, entry: ReviewEntry, data=None) -> DecisionForm:
    return DecisionForm(
        data,
        initial={"decision": entry.decision, "reason": entry.reason},
        decisions=_decisions(review_round),
        auto_id=f"id_entry{entry.pk}_%s",
    )


def _manage_page(
    request: HttpRequest,
    review_round: ReviewRound,
    *,
    add_form: AddProposalForm | None = None,
    assign_form: AssignReviewerForm | None = None,
    decision_forms: dict[int, DecisionForm] | None = None,
    publish_form: PublishForm | None = None,
    publish_errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    published = review_round.is_published
    results = selectors.round_results(review_round)
    in_order = sorted(results.rows, key=lambda r: (r.entry.presentation_order, r.entry.pk))
    progress = selectors.round_progress(review_round, [r.entry.proposal_id for r in in_order])
    decision_forms = decision_forms or {}
    context = {
        "round": review_round,
        "published": published,
        "table": results,
        "how_totals": describe_scheme(results.scheme),
        "entries": [r.entry for r in in_order],
        "assignments": [assignment for assignment, _states in progress],
        "progress": [
            {
                "assignment": assignment,
                "cells": [{"state": state, "label": PROGRESS_LABELS[state]} for state in states],
            }
            for assignment, states in progress
        ],
        "missing_count": sum(state in OWED for _assignment, states in progress for state in states),
        "sessions": list(review_round.sessions.all()),
        "is_preparing": review_round.status == ReviewRound.Status.PREPARING,
    }
    if published:
        context["results"] = [{"result": row} for row in results.rows]
    else:
        add_form = add_form or AddProposalForm(
            queryset=selectors.addable_proposals(review_round, request.user), prefix="add"
        )
        context.update(
            {
                "can_add_proposals": bool(add_form.errors)
                or add_form.fields["proposal"].queryset.exists(),
                "results": [
                    {
                        "result": row,
                        "form": decision_forms.get(row.entry.pk)
                        or _decision_form(review_round, row.entry),
                    }
                    for row in results.rows
                ],
                "add_form": add_form,
                "assign_form": assign_form
                or AssignReviewerForm(
                    queryset=selectors.assignable_reviewers(review_round), prefix="assign"
                ),
                "publish_form": publish_form or PublishForm(prefix="publish"),
                "publish_errors": publish_errors or [],
                "stage_status_label": Proposal.Status(STAGE_STATUS[review_round.stage]).label,
            }
        )
    return render(request, "review/round_manage.html", context, status=status)


@login_required
def round_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """The staff's page of one round: entries, reviewers, progress, results preview, publication."""
    return _manage_page(request, _managed_round(request, pk))


def _back_to(review_round: ReviewRound, anchor: str) -> HttpResponse:
    return redirect(reverse("review:round_manage", args=[review_round.pk]) + f"#{anchor}")


@require_POST
@login_required
def round_add_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    review_round = _managed_round(request, pk)
    form = AddProposalForm(
        request.POST, queryset=selectors.addable_proposals(review_round, request.user), prefix="add"
    )
    if form.is_valid():
        try:
            services.round_add_proposal(
                round=review_round, proposal=form.cleaned_data["proposal"], user=request.user
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("「%(title)s」を審査対象に加えました。")
                % {"title": form.cleaned_data["proposal"].title},
            )
            return _back_to(review_round, "entries-heading")
    return _manage_page(request, review_round, add_form=form, status=400)


@require_POST
@login_required
def round_assign_reviewer(request: HttpRequest, pk: int) -> HttpResponse:
    review_round = _managed_round(request, pk)
    form = AssignReviewerForm(
        request.POST, queryset=selectors.assignable_reviewers(review_round), prefix="assign"
    )
    if form.is_valid():
        try:
            services.reviewer_assign(
                round=review_round,
                reviewer=form.cleaned_data["reviewer"],
                user=request.user,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s さんを審査委員に割り当てました。")
                % {"name": form.cleaned_data["reviewer"].full_name},
            )
            return _back_to(review_round, "reviewers-heading")
    return _manage_page(request, review_round, assign_form=form, status=400)


@require_POST
@login_required
def round_start_scoring(request: HttpRequest, pk: int) -> HttpResponse:
    review_round = _managed_round(request, pk)
    try:
        services.round_start_scoring(round=review_round, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("採点を始めました。審査委員が採点票を入力できます。"))
    return _back_to(review_round, "progress-heading")


@require_POST
@login_required
def entry_decide(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    review_round = _managed_round(request, pk)
    entry = get_object_or_404(selectors.entries_to_decide(review_round), pk=entry_pk)
    form = _decision_form(review_round, entry, request.POST)
    if form.is_valid():
        try:
            services.entry_decide(
                entry=entry,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("「%(title)s」の決定を記録しました。結果の公表までは公開されません。")
                % {"title": entry.proposal.title},
            )
            return _back_to(review_round, f"entry-{entry.pk}")
    return _manage_page(request, review_round, decision_forms={entry.pk: form}, status=400)


@require_POST
@login_required
def round_publish(request: HttpRequest, pk: int) -> HttpResponse:
    review_round = _managed_round(request, pk)
    form = PublishForm(request.POST, prefix="publish")
    form.is_valid()
    close_incomplete = form.cleaned_data.get("close_incomplete", False)
    if asked := unless_move_confirmed(
        request,
        ROUND_WORKFLOW,
        review_round,
        "publish",
        cancel_url=reverse("review:round_manage", args=[review_round.pk]),
        close_incomplete=close_incomplete,
    ):
        return asked
    try:
        services.round_publish(
            round=review_round,
            user=request.user,
            close_incomplete=close_incomplete,
        )
    except ValidationError as error:
        return _manage_page(
            request, review_round, publish_form=form, publish_errors=error.messages, status=400
        )
    messages.success(request, _("審査の結果を公表しました。"))
    return redirect("review:round_manage", pk=review_round.pk)


def _session_form_page(
    request: HttpRequest, review_round: ReviewRound, session: ReviewSession | None
) -> HttpResponse:
    form = ReviewSessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        session_save(
            round=review_round,
            values=values_from(form, SessionValues),
            user=request.user,
            session=session,
        )
        messages.success(request, _("公開審査会を保存しました。"))
        return _back_to(review_round, "sessions-heading")
    return render(
        request,
        "review/session_form.html",
        {"form": form, "round": review_round, "session": session},
        status=400 if form.errors else 200,
    )


@login_required
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _session_form_page(request, _managed_round(request, pk), None)


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    session = get_object_or_404(selectors.sessions_with_round(), pk=pk)
    require(request.user, "proposals.manage_round", session.round)
    return _session_form_page(request, session.round, session)
