"""Collaboration projects (協働事業): the public list and page, and the work of both sides.

Who may do what is decided by the workflow roles (`workflow.project_roles_of`: the partner's
representatives and editors, the department's staff) and by the services, which guard every
change again. Pages of a project are public (公開の原則); drafts, unsubmitted reports, report
narratives and files, and unpublished evaluations are shown to the parties only.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.fiscal import fiscal_years_label
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.pagecache.version import versioned
from kunitachi_kyodo.timeline import timeline_of
from kunitachi_kyodo.values import values_from
from organizations.models import Organization
from organizations.views import add_form_errors
from proposals.guideline.models import CollaborationRule
from proposals.projects import selectors, services, workflow
from proposals.projects.filters import ProjectFilter
from proposals.projects.forms import ProjectCreateForm, ProjectEditForm
from proposals.projects.models import CollaborationProject, Evaluation, Report
from proposals.projects.rule_checks import NOT_MET, check_project, with_rule_facts
from proposals.projects.services import WHO_WRITES
from proposals.proposals.forms import TransitionForm
from proposals.proposals.models import Proposal

# Evaluations are written while the work runs and after it (the service says the same).
EVALUATION_STATES = {CollaborationProject.Status.ACTIVE, CollaborationProject.Status.REPORTING}


def _years_label(project: CollaborationProject) -> str:
    return fiscal_years_label(project.first_fiscal_year, project.last_fiscal_year)


def _linkable(partner: Organization) -> bool:
    """A partner's page exists for everyone only when it is verified and listed."""
    return partner.status == Organization.Status.VERIFIED and partner.is_public


def _project(pk: int) -> CollaborationProject:
    return get_object_or_404(selectors.public_projects_with_department(), pk=pk)


def _party_roles(user, project: CollaborationProject) -> set[str]:
    """The user's roles on the project; a 403 for anyone who is not a party to it."""
    roles = workflow.project_roles_of(user, project)
    if not roles:
        raise PermissionDenied
    return roles


def _require_department(user, project: CollaborationProject) -> None:
    if workflow.DEPARTMENT not in workflow.project_roles_of(user, project):
        raise PermissionDenied


# --- Public pages -----------------------------------------------------------------------------


class ProjectRegisterView(ForgivingPaginationMixin, FilterView):
    """The public register (協働事業一覧): every project, filtered, sorted, counted per filter value.

    A selection is a plain GET URL, so it can be shared; `share_query` is its canonical form.
    """

    filterset_class = ProjectFilter
    template_name = "projects/project_list.html"
    paginate_by = 20

    def get_queryset(self):
        return selectors.public_projects()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        filterset.count_options()
        query = filterset.canonical_query()
        context["rows"] = [{"project": p, "years": _years_label(p)} for p in context["object_list"]]
        context["share_url"] = self.request.path + (f"?{urlencode(query)}" if query else "")
        return context


project_list = ProjectRegisterView.as_view()


def _actuals(reports) -> dict:
    """The latest submitted actual value of each indicator (a final report overrides an interim one)."""
    actuals = {}
    ordered = sorted(
        (r for r in reports if r.submitted_at),
        key=lambda r: (r.kind == Report.Kind.FINAL, r.due_on, r.submitted_at),
    )
    for report in ordered:
        for value in report.values.all():
            actuals[value.indicator_id] = value.actual_value
            # A new agreement version copies its indicators: match those by name and unit.
            actuals[(value.indicator.name, value.indicator.unit)] = value.actual_value
    return actuals


def _may_write(user, roles: set[str], kind: str) -> bool:
    """services.may_write_evaluation, from roles already known (one query less per kind)."""
    if kind == Evaluation.Kind.THIRD_PARTY:
        return user.is_authenticated and user.is_reviewer
    return bool(WHO_WRITES[kind] & roles)


def _evaluation_rows(user, project, roles) -> list[dict]:
    """For the parties and the third-party evaluators: where each evaluation stands."""
    by_kind = {e.kind: e for e in project.evaluations.all()}
    rows = []
    for kind, label in Evaluation.Kind.choices:
        evaluation = by_kind.get(kind)
        submitted = bool(evaluation and evaluation.submitted_at)
        may_write = _may_write(user, roles, kind)
        if evaluation is None:
            state = _("まだ書かれていません")
        elif evaluation.published_at:
            state = _("公開済み")
        elif submitted:
            state = _("提出済み（未公開）")
        else:
            state = _("下書き")
        rows.append(
            {
                "kind": kind,
                "label": label,
                "state": state,
                "can_write": may_write and not submitted and project.status in EVALUATION_STATES,
                "can_read": submitted and (bool(roles) or may_write),
                "can_publish": submitted
                and not evaluation.published_at
                and workflow.DEPARTMENT in roles,
            }
        )
    return rows


def _published_evaluations(project, rules) -> dict:
    """Published evaluations side by side: each rule and goal with every evaluation's score."""
    order = Evaluation.Kind.values
    published = sorted(
        (e for e in project.evaluations.all() if e.published_at),
        key=lambda e: order.index(e.kind),
    )
    scored = [e for e in published if e.kind != Evaluation.Kind.MUTUAL]
    rule_scores = [{s.rule_id: s for s in e.rule_scores.all()} for e in scored]
    goal_scores = [{s.indicator_id: s for s in e.goal_scores.all()} for e in scored]
    indicators = {}
    for scores in goal_scores:
        for score in scores.values():
            indicators.setdefault(score.indicator_id, score.indicator)
    return {
        "evaluations": published,
        "scored_evaluations": scored,
        "rule_rows": [
            {"rule": rule, "cells": [scores.get(rule.pk) for scores in rule_scores]}
            for rule in rules
        ]
        if any(rule_scores)
        else [],
        "goal_rows": [
            {"indicator": indicator, "cells": [scores.get(pk) for scores in goal_scores]}
            for pk, indicator in sorted(indicators.items(), key=lambda i: (i[1].order, i[0]))
        ],
        "mutual": next((e for e in published if e.kind == Evaluation.Kind.MUTUAL), None),
        "overall_comments": [e for e in published if e.overall_comment],
    }


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(with_rule_facts(selectors.public_projects_for_page()), pk=pk)
    user = request.user
    roles = workflow.project_roles_of(user, project)
    is_party = bool(roles)
    agreements = sorted(project.agreements.all(), key=lambda a: a.version, reverse=True)
    confirmed = next((a for a in agreements if a.is_confirmed), None)
    current = agreements[0] if agreements else None
    actuals = _actuals(project.reports.all())
    indicators = [
        {"indicator": i, "actual": actuals.get(i.pk, actuals.get((i.name, i.unit)))}
        for i in (confirmed.indicators.all() if confirmed else [])
    ]
    reports = [r for r in project.reports.all() if is_party or r.submitted_at]
    direction = getattr(project, "direction", None)
    # The guideline's rules change with the data only: kept per data version.
    rules = versioned("collaboration-rules", lambda: list(CollaborationRule.objects.all()))
    evaluation_rows = _evaluation_rows(user, project, roles) if user.is_authenticated else []
    show_evaluation_work = is_party or any(row["can_write"] for row in evaluation_rows)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "years": _years_label(project),
            "partners": [(p, _linkable(p)) for p in project.partners.all()],
            "agreement": confirmed,
            # A draft left unconfirmed when the project finished is no longer worked on.
            "draft_agreement": current
            if is_party and current is not confirmed and not project.is_finished
            else None,
            "indicators": indicators,
            "reports": reports,
            **_published_evaluations(project, rules),
            "direction": direction if direction and direction.published_at else None,
            "decided_direction": direction if workflow.DEPARTMENT in roles else None,
            "can_decide_direction": workflow.DEPARTMENT in roles
            and not (direction and direction.is_frozen),
            "rule_results": check_project(project, rules),
            "timeline": timeline_of(project),
            "transitions": workflow.project_allowed_transitions(user, project),
            "transition_form": TransitionForm(),
            "is_party": is_party,
            "is_partner": workflow.PARTNER in roles,
            "is_department": workflow.DEPARTMENT in roles,
            "evaluation_rows": evaluation_rows if show_evaluation_work else [],
            "pdf_available": confirmed is not None or (is_party and current is not None),
        },
    )


# --- Moves ------------------------------------------------------------------------------------


@require_POST
@login_required
def project_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    project = _project(pk)
    if asked := unless_move_confirmed(request, workflow.PROJECT_WORKFLOW, project, action):
        return asked
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        project = services.project_transition(
            project=project,
            action=action,
            actor=request.user,
            comment=form.cleaned_data.get("comment", ""),
        )
    except ValidationError as error:
        messages.error(request, _("この操作はまだできません。"))
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("「%(status)s」にしました。") % {"status": project.get_status_display()}
        )
    return redirect(project)


# --- Staff ------------------------------------------------------------------------------------


@require_POST
@login_required
def project_from_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff of the proposal's department make an adopted proposal a project."""
    proposal = get_object_or_404(Proposal.objects.visible_to(request.user), pk=pk)
    try:
        project = services.project_create_from_proposal(proposal=proposal, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(proposal)
    messages.success(
        request,
        _("協働事業にしました。提案の内容をもとに協定書（案）を作りました。"),
    )
    return redirect(project)


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    """Staff register an existing program made collaborative, or a project the city starts."""
    if not request.user.has_perm("proposals.manage_projects"):
        raise PermissionDenied
    form = ProjectCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(
                user=request.user,
                values=values_from(form, services.ProjectValues),
                origin=form.cleaned_data["origin"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request, _("協働事業を登録しました。続けて協定書（案）を書いてください。")
            )
            return redirect("projects:agreement_edit", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form})


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(CollaborationProject, pk=pk)
    if workflow.DEPARTMENT not in workflow.project_roles_of(request.user, project):
        raise PermissionDenied
    form = ProjectEditForm(request.POST or None, instance=project, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(
                project=project,
                user=request.user,
                values=values_from(form, services.ProjectValues),
                lock_version=form.lock_version,
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("協働事業の情報を更新しました。"))
            return redirect(project)
    return render(
        request,
        "projects/project_form.html",
        {"form": form, "project": project},
        status=status,
    )


@login_required
def rule_dashboard(request: HttpRequest) -> HttpResponse:
    """Every project against the six rules, in a fixed number of queries."""
    if not request.user.has_perm("proposals.manage_projects"):
        raise PermissionDenied
    rules = list(CollaborationRule.objects.all())
    projects = with_rule_facts(selectors.every_project())
    only_not_met = request.GET.get("not_met") == "1"
    rows = []
    for project in projects:
        results = check_project(project, rules)
        flagged = any(r.state == NOT_MET for r in results)
        if only_not_met and not flagged:
            continue
        rows.append({"project": project, "results": results, "flagged": flagged})
    return render(
        request,
        "projects/rule_dashboard.html",
        {
            "rules": rules,
            "rows": rows,
            "only_not_met": only_not_met,
        },
    )
