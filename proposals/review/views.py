"""Open review (公開審査): public results and sessions, reviewers' score sheets, the staff's set-up.

Nothing of the scores reaches a public page before staff publish the round: the results
page of an unpublished round does not exist (404), for staff too, who preview the results
on their own page.
"""

import datetime
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from organizations.models import User
from organizations.permissions import require
from organizations.views import add_form_errors
from proposals.calls.models import Call
from proposals.guideline.models import Criterion
from proposals.guideline.schemes import describe_scheme
from proposals.proposals.models import Proposal
from proposals.review import services
from proposals.review.forms import (
    AddProposalForm,
    AssignReviewerForm,
    ConflictForm,
    DecisionForm,
    PublishForm,
    ReviewRoundForm,
    ReviewSessionForm,
    ScoreSheetForm,
)
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)
from proposals.review.selectors import round_results as select_round_results
from proposals.review.services import DECISION_ACTIONS, STAGE_STATUS, round_create, session_save

# Where a reviewer stands on one proposal: the same four states on the reviewer's list
# and on the staff's progress table.
SUBMITTED, DRAFT, CONFLICT, TODO = "submitted", "draft", "conflict", "todo"


def _sheet_state(key, sheets: dict, conflicts: set) -> str:
    if key in conflicts:
        return CONFLICT
    if key in sheets:
        return SUBMITTED if sheets[key] else DRAFT
    return TODO


# --- Public pages ------------------------------------------------------------------


def review_index(request: HttpRequest) -> HttpResponse:
    """Announced sessions (upcoming, then past) and the rounds whose results are published."""
    now = timezone.now()
    sessions = list(
        ReviewSession.objects.filter(is_announced=True)
        .select_related("round")
        .order_by("starts_at", "pk")
    )
    return render(
        request,
        "review/review_index.html",
        {
            "upcoming_sessions": [s for s in sessions if s.ends_at >= now],
            "past_sessions": [s for s in reversed(sessions) if s.ends_at < now],
            "published_rounds": ReviewRound.objects.filter(
                status=ReviewRound.Status.PUBLISHED
            ).order_by("-published_at", "-pk"),
        },
    )


# The bar chart of totals, drawn by the template as inline SVG (no script). Lengths are
# in the SVG's own units; it scales to the page width.
CHART_WIDTH = 720
CHART_LEFT = 8
CHART_PLOT = 600  # the length of a 100-point bar
CHART_TOP = 28  # room for the pass line's label
CHART_ROW = 56
CHART_AXIS = 36


def _chart_max(results) -> Decimal:
    """The length of a full bar: 100 when the scheme converts, else the maximum in points."""
    if results.scheme.converts_to_100:
        return Decimal(100)
    maxima = [row.result.max_points for row in results.rows if row.result.max_points]
    return Decimal(max(maxima, default=None) or results.scheme.sheet_max)


def _chart(results) -> dict:
    """Geometry of the bar chart: one labelled bar per proposal, the axis and the pass line."""
    top = _chart_max(results)

    def x(value) -> float:
        return round(CHART_LEFT + CHART_PLOT * float(value / top), 1)

    rows = []
    for index, row in enumerate(results.rows):
        y = CHART_TOP + index * CHART_ROW
        headline = row.result.headline
        length = round(CHART_PLOT * float((headline or 0) / top), 1)
        rows.append(
            {
                "row": row,
                "headline": None if headline is None else f"{headline:f}",
                "label": Truncator(row.entry.proposal.title).chars(30),
                "label_y": y + 16,
                "bar_y": y + 24,
                "bar_length": length,
                "value_x": CHART_LEFT + length + 8,
                "value_y": y + 39,
            }
        )
    axis_y = CHART_TOP + len(results.rows) * CHART_ROW
    pass_line = results.pass_line
    return {
        "width": CHART_WIDTH,
        "height": axis_y + CHART_AXIS,
        "left": CHART_LEFT,
        "right": CHART_LEFT + CHART_PLOT,
        "rows": rows,
        "axis_y": axis_y,
        "tick_y": axis_y + 6,
        "tick_label_y": axis_y + 24,
        "ticks": [
            {"value": f"{(top * share / 4).normalize():f}", "x": x(top * share / 4)}
            for share in range(5)
        ],
        "max": f"{top:f}",
        "pass_line": None if pass_line is None else f"{pass_line:f}",
        "pass_x": None if pass_line is None else x(min(pass_line, top)),
        "pass_label_y": CHART_TOP - 10,
    }


def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    """A round's published results, as frozen. Before publication the page does not exist."""
    review_round = get_object_or_404(
        ReviewRound.objects.select_related("call"), pk=pk, status=ReviewRound.Status.PUBLISHED
    )
    results = select_round_results(review_round)
    return render(
        request,
        "review/round_results.html",
        {
            "round": review_round,
            "results": results,
            "how_totals": describe_scheme(results.scheme),
            "chart": _chart(results),
            "assignments": review_round.assignments.select_related("reviewer").order_by(
                "kind", "pk"
            ),
            "sessions": review_round.sessions.filter(is_announced=True),
        },
    )


def _visible_session(request: HttpRequest, pk: int) -> ReviewSession:
    """An announced session; the round's managers also open one not yet announced. Otherwise a 404."""
    session = get_object_or_404(ReviewSession.objects.select_related("round"), pk=pk)
    if not session.is_announced and not request.user.has_perm(
        "proposals.manage_round", session.round
    ):
        raise Http404
    return session


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _visible_session(request, pk)
    return render(
        request,
        "review/session_detail.html",
        {
            "session": session,
            "round": session.round,
            "entries": session.round.entries.select_related(
                "proposal__organization", "proposal__proposer"
            ).order_by("presentation_order", "pk"),
        },
    )


def ical_escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ical_fold(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def _ical_time(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def session_ical(request: HttpRequest, pk: int) -> HttpResponse:
    """The session as an iCalendar event, for a calendar application."""
    session = _visible_session(request, pk)
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    summary = _("%(title)s 公開審査会") % {"title": session.round.title}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kunitachi Kyodo Portal//Open review//JA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:review-session-{session.pk}@{host}",
        f"DTSTAMP:{_ical_time(timezone.now())}",
        f"DTSTART:{_ical_time(session.starts_at)}",
        f"DTEND:{_ical_time(session.ends_at)}",
        f"SUMMARY:{ical_escape(summary)}",
        f"LOCATION:{ical_escape(session.place)}",
        f"DESCRIPTION:{ical_escape(session.description)}",
        f"URL:{request.build_absolute_uri(session.get_absolute_url())}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    response = HttpResponse(
        "".join(ical_fold(line) + "\r\n" for line in lines),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="review-session-{session.pk}.ics"'
    return response


# --- Reviewers ---------------------------------------------------------------------

REVIEWER_STATE_LABELS = {
    SUBMITTED: gettext_lazy("提出済み"),
    DRAFT: gettext_lazy("一時保存"),
    CONFLICT: gettext_lazy("利害関係あり（採点しない）"),
    TODO: gettext_lazy("未採点"),
}


@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    """The rounds a reviewer is assigned to, and where each proposal's sheet stands."""
    user = request.user
    assignments = list(
        ReviewerAssignment.objects.filter(reviewer=user)
        .select_related("round")
        .order_by("-round__fiscal_year", "-round__created_at")
    )
    round_ids = [a.round_id for a in assignments]
    entries = ReviewEntry.objects.filter(round_id__in=round_ids).select_related(
        "proposal__organization", "proposal__proposer"
    )
    sheets = {
        (round_id, proposal_id): submitted_at
        for round_id, proposal_id, submitted_at in ScoreSheet.objects.filter(
            reviewer=user, round_id__in=round_ids
        ).values_list("round_id", "proposal_id", "submitted_at")
    }
    conflicts = set(
        ConflictOfInterest.objects.filter(reviewer=user, round_id__in=round_ids).values_list(
            "round_id", "proposal_id"
        )
    )
    by_round: dict[int, list] = {round_id: [] for round_id in round_ids}
    for entry in entries.order_by("presentation_order", "pk"):
        state = _sheet_state((entry.round_id, entry.proposal_id), sheets, conflicts)
        by_round[entry.round_id].append(
            {"entry": entry, "state": state, "state_label": REVIEWER_STATE_LABELS[state]}
        )
    rounds = [
        {
            "round": a.round,
            "assignment": a,
            "rows": by_round[a.round_id],
            "left": sum(row["state"] in (DRAFT, TODO) for row in by_round[a.round_id]),
        }
        for a in assignments
    ]
    return render(request, "review/my_reviews.html", {"rounds": rounds})


def _sheet_target(request: HttpRequest, pk: int, proposal_pk: int):
    """The round (403 unless assigned to it) and the proposal's entry in it (404 if not in it)."""
    review_round = get_object_or_404(ReviewRound.objects.select_related("criterion_set"), pk=pk)
    # Superusers hold every permission, but only an assigned reviewer has a sheet to fill.
    if not (
        request.user.has_perm("proposals.score_in_round", review_round)
        and review_round.assignments.filter(reviewer=request.user).exists()
    ):
        raise PermissionDenied
    entry = get_object_or_404(
        ReviewEntry.objects.select_related("proposal__organization", "proposal__proposer"),
        round=review_round,
        proposal_id=proposal_pk,
    )
    return review_round, entry


def _scores_prefetch():
    return Prefetch(
        "scores",
        queryset=Score.objects.select_related("criterion").order_by("criterion__order", "pk"),
    )


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
    criteria = list(Criterion.objects.filter(criterion_set_id=review_round.criterion_set_id))
    sheet = (
        ScoreSheet.objects.filter(round=review_round, proposal=proposal, reviewer=user)
        .prefetch_related(_scores_prefetch())
        .first()
    )
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
            for other in ScoreSheet.objects.filter(
                round=review_round, proposal=proposal, submitted_at__isnull=False
            )
            .exclude(reviewer=user)
            .select_related("reviewer")
            .prefetch_related(_scores_prefetch())
            .order_by("submitted_at", "pk")
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
    if ScoreSheet.objects.filter(
        round=review_round,
        proposal=entry.proposal,
        reviewer=request.user,
        submitted_at__isnull=False,
    ).exists():
        return _refused(request, _("提出済みの採点票は変更できません。"), review_round, entry)
    if review_round.status != ReviewRound.Status.SCORING:
        return _refused(
            request, _("この審査回は、いま採点を受け付けていません。"), review_round, entry
        )
    criteria = Criterion.objects.filter(criterion_set_id=review_round.criterion_set_id)
    form = ScoreSheetForm(request.POST, criteria=criteria)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        try:
            services.sheet_save(
                round=review_round,
                proposal=entry.proposal,
                reviewer=request.user,
                scores=form.scores(),
                overall_comment=form.cleaned_data["overall_comment"],
                submit=submit,
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


# --- City staff: rounds, reviewers, decisions, sessions, publication ---------------

PROGRESS_LABELS = {
    SUBMITTED: gettext_lazy("提出済み"),
    DRAFT: gettext_lazy("一時保存"),
    CONFLICT: gettext_lazy("利害関係"),
    TODO: gettext_lazy("未"),
}


def _require_manager(request: HttpRequest) -> None:
    require(request.user, "proposals.manage_review")


def _managed_round(request: HttpRequest, pk: int) -> ReviewRound:
    """A round the user manages: its department's staff, coordinators, administrators."""
    _require_manager(request)
    review_round = get_object_or_404(
        ReviewRound.objects.select_related("criterion_set", "call"), pk=pk
    )
    require(request.user, "proposals.manage_round", review_round)
    return review_round


@login_required
def staff_round_list(request: HttpRequest) -> HttpResponse:
    """The rounds the user manages (all, for coordinators), and the form that creates one."""
    _require_manager(request)
    call_pk = request.GET.get("call", "")
    call = Call.objects.filter(pk=call_pk).first() if call_pk.isdigit() else None
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
    rounds = ReviewRound.objects.all()
    if not request.user.has_perm("organizations.act_citywide"):
        rounds = rounds.in_department(request.user.department_id)
    rounds = (
        rounds.select_related("call", "criterion_set", "department")
        .annotate(entry_count=Count("entries", distinct=True))
        .order_by("-fiscal_year", "-created_at")
    )
    return render(
        request,
        "review/staff_round_list.html",
        {"rounds": rounds, "form": form},
        status=400 if form.errors else 200,
    )


def _addable_proposals(review_round: ReviewRound, user):
    """Proposals in the status this round's stage reviews, not yet in the round, of the round's
    department (coordinators may add any: they decide them)."""
    proposals = Proposal.objects.filter(status=STAGE_STATUS[review_round.stage])
    if not user.has_perm("organizations.act_citywide"):
        proposals = proposals.in_department(review_round.department_id)
    return (
        proposals.exclude(review_entries__round=review_round)
        .select_related("organization", "proposer")
        .order_by("title", "pk")
    )


def _assignable_reviewers(review_round: ReviewRound):
    return (
        User.objects.filter(is_reviewer=True, is_active=True)
        .exclude(review_assignments__round=review_round)
        .order_by("full_name_kana", "pk")
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
    results = select_round_results(review_round)
    in_order = sorted(results.rows, key=lambda r: (r.entry.presentation_order, r.entry.pk))
    assignments = list(review_round.assignments.select_related("reviewer").order_by("pk"))
    sheets = {
        (reviewer_id, proposal_id): submitted_at
        for reviewer_id, proposal_id, submitted_at in ScoreSheet.objects.filter(
            round=review_round
        ).values_list("reviewer_id", "proposal_id", "submitted_at")
    }
    conflicts = set(
        ConflictOfInterest.objects.filter(round=review_round).values_list(
            "reviewer_id", "proposal_id"
        )
    )
    progress = []
    missing = 0
    for assignment in assignments:
        cells = []
        for result in in_order:
            state = _sheet_state(
                (assignment.reviewer_id, result.entry.proposal_id), sheets, conflicts
            )
            missing += state in (DRAFT, TODO)
            cells.append({"state": state, "label": PROGRESS_LABELS[state]})
        progress.append({"assignment": assignment, "cells": cells})
    decision_forms = decision_forms or {}
    context = {
        "round": review_round,
        "published": published,
        "table": results,
        "how_totals": describe_scheme(results.scheme),
        "entries": [r.entry for r in in_order],
        "assignments": assignments,
        "progress": progress,
        "missing_count": missing,
        "sessions": list(review_round.sessions.all()),
        "is_preparing": review_round.status == ReviewRound.Status.PREPARING,
    }
    if published:
        context["results"] = [{"result": row} for row in results.rows]
    else:
        add_form = add_form or AddProposalForm(
            queryset=_addable_proposals(review_round, request.user), prefix="add"
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
                    queryset=_assignable_reviewers(review_round), prefix="assign"
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
        request.POST, queryset=_addable_proposals(review_round, request.user), prefix="add"
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
        request.POST, queryset=_assignable_reviewers(review_round), prefix="assign"
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
    entry = get_object_or_404(
        ReviewEntry.objects.select_related("round", "proposal"), pk=entry_pk, round=review_round
    )
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
    try:
        services.round_publish(
            round=review_round,
            user=request.user,
            close_incomplete=form.cleaned_data.get("close_incomplete", False),
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
        session_save(round=review_round, form=form, user=request.user)
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
    session = get_object_or_404(ReviewSession.objects.select_related("round"), pk=pk)
    require(request.user, "proposals.manage_round", session.round)
    return _session_form_page(request, session.round, session)
