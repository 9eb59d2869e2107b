"""Reviewers' pages: their rounds, score sheets, conflict declarations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from kunitachi_kyodo.confirm import is_confirmed, unless_confirmed
from organizations.permissions import require
from organizations.views import add_form_errors
from proposals.guideline.models import Criterion
from proposals.review import selectors, services
from proposals.review.forms import (
    ConflictForm,
    ScoreSheetForm,
)
from proposals.review.models import (
    ReviewEntry,
    ReviewRound,
    Score,
    ScoreSheet,
)
from proposals.review.selectors import CONFLICT, DRAFT, OWED, SUBMITTED, TODO

# --- Reviewers ---------------------------------------------------------------------

REVIEWER_STATE_LABELS = {
    SUBMITTED: gettext_lazy("提出済み"),
    DRAFT: pgettext_lazy("state of a score sheet", "一時保存"),
    CONFLICT: gettext_lazy("利害関係あり（採点しない）"),
    TODO: gettext_lazy("未採点"),
}


@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    """The rounds a reviewer is assigned to, and where each proposal's sheet stands."""
    rounds = [
        {
            "round": assignment.round,
            "assignment": assignment,
            "rows": [
                {"entry": entry, "state": state, "state_label": REVIEWER_STATE_LABELS[state]}
                for entry, state in rows
            ],
            "left": sum(state in OWED for _entry, state in rows),
        }
        for assignment, rows in selectors.reviewer_tasks(request.user)
    ]
    return render(request, "review/my_reviews.html", {"rounds": rounds})


def _sheet_target(request: HttpRequest, pk: int, proposal_pk: int):
    """The round (403 unless assigned to it) and the proposal's entry in it (404 if not in it)."""
    review_round = get_object_or_404(selectors.rounds_to_score(), pk=pk)
    # Superusers hold every permission, but only an assigned reviewer has a sheet to fill.
    if not (
        request.user.has_perm("proposals.score_in_round", review_round)
        and selectors.is_assigned(review_round, request.user)
    ):
        raise PermissionDenied
    entry = get_object_or_404(selectors.round_entries(review_round), proposal_id=proposal_pk)
    return review_round, entry


def _sheet_rows(criteria, sheet: ScoreSheet) -> list[tuple[Criterion, Score | None]]:
    scores = {score.criterion_id: score for score in sheet.scores.all()}
    return [(criterion, scores.get(criterion.pk)) for criterion in criteria]


def _sheet_page(
    request: HttpRequest,
    review_round: ReviewRound,
    entry: ReviewEntry,
    *,
    form: ScoreSheetForm | None = None,
    conflict_form: ConflictForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    proposal = entry.proposal
    criteria = list(selectors.round_criteria(review_round))
    sheet = selectors.sheet_of(review_round, proposal, user)
    submitted = bool(sheet and sheet.submitted_at)
    can_score = review_round.status == ReviewRound.Status.SCORING and not submitted
    if can_score and form is None:
        initial = {"overall_comment": sheet.overall_comment if sheet else ""}
        for score in sheet.scores.all() if sheet else []:
            initial[f"score_{score.criterion_id}"] = score.value
            initial[f"comment_{score.criterion_id}"] = score.comment
        form = ScoreSheetForm(initial=initial, criteria=criteria)
    others = []
    if submitted:
        # Others' submitted sheets, never before one's own is submitted.
        others = [
            {"sheet": other, "rows": _sheet_rows(criteria, other)}
            for other in selectors.other_sheets(review_round, proposal, user)
        ]
    return render(
        request,
        "review/score_sheet.html",
        {
            "round": review_round,
            "entry": entry,
            "proposal": proposal,
            "criteria": criteria,
            "form": form if can_score else None,
            "sheet": sheet,
            "submitted": submitted,
            "own_rows": _sheet_rows(criteria, sheet) if submitted else [],
            "others": others,
            "is_preparing": review_round.status == ReviewRound.Status.PREPARING,
            "is_published": review_round.is_published,
            "conflict_form": (conflict_form or ConflictForm(auto_id="id_conflict_%s"))
            if can_score
            else None,
        },
        status=status,
    )


def _refused(request, error: ValidationError | str, review_round, entry) -> HttpResponse:
    """Back to the sheet, saying why: it is not open to changes (any more)."""
    for message in error.messages if isinstance(error, ValidationError) else [error]:
        messages.error(request, message)
    return redirect("review:score_sheet", pk=review_round.pk, proposal_pk=entry.proposal_id)


@login_required
def score_sheet(request: HttpRequest, pk: int, proposal_pk: int) -> HttpResponse:
    """A reviewer's score sheet for one proposal: save a draft, or submit it for good."""
    review_round, entry = _sheet_target(request, pk, proposal_pk)
    require(request.user, "proposals.score_entry", entry)
    if request.method != "POST":
        return _sheet_page(request, review_round, entry)
    if selectors.has_submitted(review_round, entry.proposal, request.user):
        return _refused(request, _("提出済みの採点票は変更できません。"), review_round, entry)
    if review_round.status != ReviewRound.Status.SCORING:
        return _refused(
            request, _("この審査回は、いま採点を受け付けていません。"), review_round, entry
        )
    form = ScoreSheetForm(request.POST, criteria=selectors.round_criteria(review_round))
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        # A submission is asked about first; meanwhile the sheet is kept as a draft, so going
        # back from the question loses nothing.
        asking = submit and not is_confirmed(request)
        try:
            services.sheet_save(
                round=review_round,
                proposal=entry.proposal,
                reviewer=request.user,
                scores=form.scores(),
                overall_comment=form.cleaned_data["overall_comment"],
                submit=submit and not asking,
            )
            if asking:
                return unless_confirmed(
                    request,
                    title=_("採点票を提出する"),
                    consequence=_(
                        "提出すると、この採点票は変更できません。"
                        "提出後は、ほかの委員の提出済みの採点が見られるようになります。"
                        "採点は一時保存してあります。"
                    ),
                    confirm_label=_("採点票を提出する"),
                    cancel_url=request.path,
                )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                # The round moved on since the checks above.
                return _refused(request, error, review_round, entry)
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("採点票を提出しました。ほかの委員の提出済みの採点も見られます。")
                if submit
                else _("採点票を一時保存しました。提出するまでは変更できます。"),
            )
            return redirect("review:score_sheet", pk=review_round.pk, proposal_pk=entry.proposal_id)
    return _sheet_page(request, review_round, entry, form=form, status=400)


@require_POST
@login_required
def conflict_declare(request: HttpRequest, pk: int, proposal_pk: int) -> HttpResponse:
    review_round, entry = _sheet_target(request, pk, proposal_pk)
    form = ConflictForm(request.POST, auto_id="id_conflict_%s")
    if form.is_valid():
        try:
            services.conflict_declare(
                round=review_round,
                proposal=entry.proposal,
                reviewer=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _refused(request, error, review_round, entry)
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("「%(title)s」について利害関係を申告しました。この提案は採点しません。")
                % {"title": entry.proposal.title},
            )
            return redirect("review:my_reviews")
    require(request.user, "proposals.score_entry", entry)
    return _sheet_page(request, review_round, entry, conflict_form=form, status=400)
