"""Collaboration projects (協働事業): the public list and page, and the work of both sides.

Who may do what is decided by the workflow roles (`workflow.project_roles_of`: the partner's
representatives and editors, the department's staff) and by the services, which guard every
change again. Pages of a project are public (公開の原則); drafts, unsubmitted reports, report
narratives and files, and unpublished evaluations are shown to the parties only.
"""

import datetime
import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Max, Min, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organizations.models import Organization
from organizations.views import add_form_errors

from .. import services, workflow
from ..fiscal import fiscal_year_label
from ..forms.projects import (
    AgreementForm,
    AgreementRoleShareFormSet,
    DirectionForm,
    EvaluationForm,
    IndicatorFormSet,
    NewVersionForm,
    ProjectCreateForm,
    ProjectEditForm,
    ProjectFilterForm,
    ReportForm,
    ReportRequestForm,
)
from ..forms.proposals import TransitionForm
from ..models import (
    CollaborationProject,
    CollaborationRule,
    Direction,
    Evaluation,
    Proposal,
    Report,
    ReportAttachment,
    ReportValue,
)
from ..rule_checks import NOT_MET, check_project, with_rule_facts
from ..services.projects import WHO_WRITES
from ..uploads import download_response

# Evaluations are written while the work runs and after it (the service says the same).
EVALUATION_STATES = {CollaborationProject.Status.ACTIVE, CollaborationProject.Status.REPORTING}


def _years_label(project: CollaborationProject) -> str:
    first, last = project.first_fiscal_year, project.last_fiscal_year
    if first == last:
        return fiscal_year_label(first)
    return f"{fiscal_year_label(first)}〜{fiscal_year_label(last)}"


def _wareki(day: datetime.date | None) -> str:
    """令和9年4月1日: the way a city's documents write a date."""
    if day is None:
        return ""
    if day >= datetime.date(2019, 5, 1):
        era, year = "令和", day.year - 2018
    else:
        era, year = "平成", day.year - 1988
    return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def _linkable(partner: Organization) -> bool:
    """A partner's page exists for everyone only when it is verified and listed."""
    return partner.status == Organization.Status.VERIFIED and partner.is_public


def _project(pk: int) -> CollaborationProject:
    return get_object_or_404(
        CollaborationProject.objects.public().select_related("department", "form"), pk=pk
    )


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


def project_list(request: HttpRequest) -> HttpResponse:
    """The public list: every project, newest fiscal year first, with form, partners and status."""
    span = CollaborationProject.objects.public().aggregate(
        first=Min("first_fiscal_year"), last=Max("last_fiscal_year")
    )
    years = list(range(span["last"], span["first"] - 1, -1)) if span["first"] else []
    form = ProjectFilterForm(request.GET or None, years=years)
    projects = (
        CollaborationProject.objects.public()
        .for_listing()
        .select_related("form__parent")
        .order_by("-first_fiscal_year", "-pk")
    )
    if form.is_valid():
        if year := form.cleaned_data.get("fiscal_year"):
            projects = projects.filter(first_fiscal_year__lte=year, last_fiscal_year__gte=year)
        if status := form.cleaned_data.get("status"):
            projects = projects.filter(status=status)
    page = Paginator(projects, 20).get_page(request.GET.get("page"))
    rows = [{"project": p, "years": _years_label(p)} for p in page.object_list]
    return render(
        request,
        "proposals/projects/project_list.html",
        {"form": form, "page_obj": page, "paginator": page.paginator, "rows": rows},
    )


def _timeline(project):
    """The full public timeline: the proposal's moves, then the project's."""
    changes = []
    if project.proposal_id:
        changes += list(project.proposal.status_changes.all())
    changes += list(project.status_changes.all())
    changes = [c for c in changes if c.is_public]
    for change in changes:
        change.label = workflow.describe(change)
    return sorted(changes, key=lambda c: (c.created_at, c.pk))


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
    project = get_object_or_404(
        with_rule_facts(CollaborationProject.objects.public().for_listing()).prefetch_related(
            "cooperation_kinds",
            Prefetch(
                "reports",
                queryset=Report.objects.prefetch_related(
                    Prefetch("values", queryset=ReportValue.objects.select_related("indicator")),
                    "attachments",
                ),
            ),
            "evaluations__rule_scores",
            "evaluations__goal_scores__indicator",
        ),
        pk=pk,
    )
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
    rules = list(CollaborationRule.objects.all())
    evaluation_rows = _evaluation_rows(user, project, roles) if user.is_authenticated else []
    show_evaluation_work = is_party or any(row["can_write"] for row in evaluation_rows)
    return render(
        request,
        "proposals/projects/project_detail.html",
        {
            "project": project,
            "years": _years_label(project),
            "partners": [(p, _linkable(p)) for p in project.partners.all()],
            "agreement": confirmed,
            "draft_agreement": current if is_party and current is not confirmed else None,
            "indicators": indicators,
            "reports": reports,
            **_published_evaluations(project, rules),
            "direction": direction if direction and direction.published_at else None,
            "decided_direction": direction if workflow.DEPARTMENT in roles else None,
            "rule_results": check_project(project, rules),
            "timeline": _timeline(project),
            "transitions": workflow.project_allowed_transitions(user, project),
            "transition_form": TransitionForm(),
            "is_party": is_party,
            "is_partner": workflow.PARTNER in roles,
            "is_department": workflow.DEPARTMENT in roles,
            "evaluation_rows": evaluation_rows if show_evaluation_work else [],
            "pdf_available": confirmed is not None or (is_party and current is not None),
        },
    )


# --- The agreement ----------------------------------------------------------------------------


def _agreement_formsets(request, agreement, bind: bool):
    data = request.POST if bind else None
    return (
        IndicatorFormSet(data, instance=agreement, prefix="indicators"),
        AgreementRoleShareFormSet(data, instance=agreement, prefix="roles"),
    )


def _agreement_page(request, project, roles, *, form=None, formsets=None, status=200):
    agreement = (
        project.agreements.select_related("partner_confirmed_by", "department_confirmed_by")
        .order_by("-version")
        .first()
    )
    if agreement is None:
        raise Http404
    if not agreement.is_locked and form is None:
        form = AgreementForm(instance=agreement)
        formsets = _agreement_formsets(request, agreement, bind=False)
    department, partner = workflow.DEPARTMENT in roles, workflow.PARTNER in roles
    can_confirm = (department and agreement.department_confirmed_at is None) or (
        partner and agreement.partner_confirmed_at is None
    )
    return render(
        request,
        "proposals/projects/agreement_form.html",
        {
            "project": project,
            "agreement": agreement,
            "form": None if agreement.is_locked else form,
            "indicator_formset": None if agreement.is_locked else formsets[0],
            "role_formset": None if agreement.is_locked else formsets[1],
            "missing": services.agreement_missing(agreement),
            "can_confirm": can_confirm,
            # The department's side is taken first when someone holds both roles.
            "confirm_as": _("担当課として")
            if (department and agreement.department_confirmed_at is None)
            else _("相手方として"),
            "version_form": NewVersionForm() if agreement.is_locked else None,
            "confirmed": services.confirmed_agreement(project),
        },
        status=status,
    )


@login_required
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement's working page for both sides: edit a draft, confirm it, or revise it."""
    project = _project(pk)
    roles = _party_roles(request.user, project)
    agreement = project.current_agreement()
    if agreement is None:
        raise Http404
    if request.method != "POST":
        return _agreement_page(request, project, roles)
    if agreement.is_locked:
        messages.error(
            request,
            _(
                "確認済みの協定書は、その版のままでは変更できません。「新しい版を作る」から改定してください。"
            ),
        )
        return _agreement_page(request, project, roles, status=409)
    form = AgreementForm(request.POST, instance=agreement)
    formsets = _agreement_formsets(request, agreement, bind=True)
    if form.is_valid() and all(f.is_valid() for f in formsets):
        try:
            services.agreement_save(
                agreement=agreement, user=request.user, form=form, formsets=formsets
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return _agreement_page(request, project, roles, status=409)
        messages.success(request, _("協定書（案）を保存しました。"))
        return redirect("proposals:agreement_edit", pk=project.pk)
    return _agreement_page(request, project, roles, form=form, formsets=formsets)


@require_POST
@login_required
def agreement_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    _party_roles(request.user, project)
    agreement = project.current_agreement()
    if agreement is None:
        raise Http404
    try:
        services.agreement_confirm(agreement=agreement, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        agreement.refresh_from_db()
        if agreement.is_confirmed:
            messages.success(request, _("協定書を確認しました。双方の確認がそろいました。"))
        else:
            messages.success(request, _("協定書を確認しました。もう一方の確認を待っています。"))
    return redirect("proposals:agreement_edit", pk=project.pk)


@require_POST
@login_required
def agreement_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    _party_roles(request.user, project)
    form = NewVersionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        agreement = services.agreement_new_version(
            project=project, user=request.user, reason=reason
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("協定書の第%(version)s版を作りました。内容を直して、双方で確認してください。")
            % {"version": agreement.version},
        )
    return redirect("proposals:agreement_edit", pk=project.pk)


def agreement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement as a PDF: public once both sides confirmed it; drafts (「案」) for the parties."""
    import weasyprint

    project = get_object_or_404(
        CollaborationProject.objects.public()
        .select_related("department")
        .prefetch_related("partners"),
        pk=pk,
    )
    is_party = bool(workflow.project_roles_of(request.user, project))
    agreements = project.agreements.select_related(
        "partner_confirmed_by", "department_confirmed_by"
    ).prefetch_related("indicators", "role_shares")
    version = request.GET.get("version", "")
    if version.isdigit():
        agreement = agreements.filter(version=int(version)).first()
    elif is_party:
        agreement = agreements.order_by("-version").first()
    else:
        agreement = services.confirmed_agreement(project)
        agreement = agreements.filter(pk=agreement.pk).first() if agreement else None
    if agreement is None or not (agreement.is_confirmed or is_party):
        raise Http404
    partners = list(project.partners.all())
    html = render_to_string(
        "proposals/projects/agreement_pdf.html",
        {
            "project": project,
            "agreement": agreement,
            "city": settings.CITY_NAME,
            "partners": partners,
            "partner_names": "、".join(p.name for p in partners),
            "is_draft": not agreement.is_confirmed,
            "period_start": _wareki(agreement.period_start),
            "period_end": _wareki(agreement.period_end),
            "partner_confirmed_on": _wareki(
                agreement.partner_confirmed_at and agreement.partner_confirmed_at.date()
            ),
            "department_confirmed_on": _wareki(
                agreement.department_confirmed_at and agreement.department_confirmed_at.date()
            ),
            "years": _years_label(project),
        },
    )
    pdf = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    # Shown in the browser's PDF viewer (inline), saved as 協定書.pdf.
    response = FileResponse(io.BytesIO(pdf), content_type="application/pdf", filename="協定書.pdf")
    if not agreement.is_confirmed:
        response["Cache-Control"] = "private, no-store"
    return response


# --- Moves ------------------------------------------------------------------------------------


@require_POST
@login_required
def project_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    project = _project(pk)
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


# --- Reports ----------------------------------------------------------------------------------


@login_required
def report_request(request: HttpRequest, pk: int) -> HttpResponse:
    """The department asks the partner for an interim or final report by a date."""
    project = _project(pk)
    _require_department(request.user, project)
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_request(
                project=project,
                kind=form.cleaned_data["kind"],
                due_on=form.cleaned_data["due_on"],
                user=request.user,
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("報告を依頼しました。相手方に知らせました。"))
            return redirect(project)
    return render(
        request, "proposals/projects/report_request_form.html", {"project": project, "form": form}
    )


@login_required
def report_edit(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    """The partner writes and submits a report; the department reads it. Private to the parties."""
    project = _project(pk)
    roles = workflow.project_roles_of(request.user, project)
    if not roles:
        raise Http404
    report = get_object_or_404(
        project.reports.prefetch_related(
            Prefetch("values", queryset=ReportValue.objects.select_related("indicator")),
            "attachments",
        ),
        pk=report_pk,
    )
    agreement = services.confirmed_agreement(project)
    indicators = list(agreement.indicators.all()) if agreement else []
    can_edit = workflow.PARTNER in roles and report.submitted_at is None
    if request.method == "POST" and not can_edit:
        if workflow.PARTNER in roles:
            messages.error(request, _("提出済みの報告は変更できません。"))
            return redirect("proposals:report_edit", pk=project.pk, report_pk=report.pk)
        raise PermissionDenied
    form = None
    if can_edit:
        form = ReportForm(
            request.POST or None, request.FILES or None, indicators=indicators, report=report
        )
        if request.method == "POST" and form.is_valid():
            submit = request.POST.get("submit_action") == "submit"
            try:
                services.report_save(
                    report=report,
                    user=request.user,
                    values=form.values(),
                    narrative=form.cleaned_data["narrative"],
                    public_summary=form.cleaned_data["public_summary"],
                    expenditure=form.cleaned_data["expenditure"],
                    submit=submit,
                    upload=form.cleaned_data.get("attachment"),
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                if submit:
                    messages.success(request, _("報告を提出しました。担当課に知らせました。"))
                    return redirect(project)
                messages.success(request, _("報告を保存しました（まだ提出していません）。"))
                return redirect("proposals:report_edit", pk=project.pk, report_pk=report.pk)
    return render(
        request,
        "proposals/projects/report_form.html",
        {
            "project": project,
            "report": report,
            "form": form,
            "has_agreement": agreement is not None,
            "values": list(report.values.all()),
            "attachments": list(report.attachments.all()),
        },
    )


@login_required
def report_attachment_download(
    request: HttpRequest, pk: int, report_pk: int, attachment_pk: int
) -> HttpResponse:
    project = _project(pk)
    if not workflow.project_roles_of(request.user, project):
        raise Http404
    attachment = get_object_or_404(
        ReportAttachment, pk=attachment_pk, report_id=report_pk, report__project=project
    )
    return download_response(attachment, private=True)


# --- Evaluations and the direction ----------------------------------------------------------


@login_required
def evaluation_edit(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Write (save or submit) one kind of evaluation; read it once submitted."""
    if kind not in Evaluation.Kind.values:
        raise Http404
    project = _project(pk)
    user = request.user
    roles = workflow.project_roles_of(user, project)
    may_write = services.may_write_evaluation(user, project, kind)
    evaluation = (
        project.evaluations.filter(kind=kind)
        .select_related("author")
        .prefetch_related("rule_scores__rule", "goal_scores__indicator")
        .first()
    )
    submitted = evaluation is not None and evaluation.submitted_at is not None
    if not (may_write or (roles and submitted)):
        raise PermissionDenied
    writable = may_write and not submitted and project.status in EVALUATION_STATES
    if request.method == "POST" and not writable:
        if not may_write:
            raise PermissionDenied
        messages.error(
            request,
            _("提出済みの評価は変更できません。")
            if submitted
            else _("評価は、事業の実施中か報告の段階で書けます。"),
        )
        return redirect("proposals:evaluation_edit", pk=project.pk, kind=kind)
    form = None
    if writable:
        agreement = services.confirmed_agreement(project)
        form = EvaluationForm(
            request.POST or None,
            kind=kind,
            rules=list(CollaborationRule.objects.all()),
            indicators=list(agreement.indicators.all()) if agreement else [],
            evaluation=evaluation,
        )
        if request.method == "POST" and form.is_valid():
            submit = request.POST.get("submit_action") == "submit"
            try:
                services.evaluation_save(
                    project=project,
                    kind=kind,
                    user=user,
                    rule_scores=form.scores("rule", form.rules),
                    goal_scores=form.scores("goal", form.indicators),
                    texts=form.texts(),
                    submit=submit,
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                if submit:
                    messages.success(request, _("評価を提出しました。"))
                    return redirect(project)
                messages.success(request, _("評価を保存しました（まだ提出していません）。"))
                return redirect("proposals:evaluation_edit", pk=project.pk, kind=kind)
    return render(
        request,
        "proposals/projects/evaluation_form.html",
        {
            "project": project,
            "kind": kind,
            "kind_label": Evaluation.Kind(kind).label,
            "is_mutual": kind == Evaluation.Kind.MUTUAL,
            "evaluation": evaluation,
            "form": form,
            "not_open": may_write and not submitted and not writable,
            "can_publish": submitted
            and evaluation.published_at is None
            and workflow.DEPARTMENT in roles,
        },
    )


@require_POST
@login_required
def evaluation_publish(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    project = _project(pk)
    _require_department(request.user, project)
    evaluation = get_object_or_404(project.evaluations, kind=kind)
    try:
        services.evaluation_publish(evaluation=evaluation, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(kind)sを公開しました。") % {"kind": evaluation.get_kind_display()},
        )
    return redirect(project)


@login_required
def direction_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The department decides the direction (継続・拡充・見直し・終了) with its reason."""
    project = _project(pk)
    _require_department(request.user, project)
    direction = Direction.objects.filter(project=project).first()
    initial = {"choice": direction.choice, "reason": direction.reason} if direction else None
    form = DirectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.direction_decide(
                project=project,
                user=request.user,
                choice=form.cleaned_data["choice"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request, _("今後の方向性を決めました。公開するまで、事業のページには載りません。")
            )
            return redirect(project)
    return render(
        request,
        "proposals/projects/direction_form.html",
        {"project": project, "form": form, "direction": direction},
    )


@require_POST
@login_required
def direction_publish(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    _require_department(request.user, project)
    try:
        services.direction_publish(project=project, user=request.user)
    except Direction.DoesNotExist:
        messages.error(request, _("まだ今後の方向性が決まっていません。"))
    else:
        messages.success(request, _("今後の方向性を公開しました。"))
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
            project = services.project_create(user=request.user, form=form)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request, _("協働事業を登録しました。続けて協定書（案）を書いてください。")
            )
            return redirect("proposals:agreement_edit", pk=project.pk)
    return render(request, "proposals/projects/project_form.html", {"form": form})


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(CollaborationProject, pk=pk)
    if workflow.DEPARTMENT not in workflow.project_roles_of(request.user, project):
        raise PermissionDenied
    form = ProjectEditForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.project_update(project=project, user=request.user, form=form)
        messages.success(request, _("協働事業の情報を更新しました。"))
        return redirect(project)
    return render(
        request, "proposals/projects/project_form.html", {"form": form, "project": project}
    )


@login_required
def rule_dashboard(request: HttpRequest) -> HttpResponse:
    """Every project against the six rules, in a fixed number of queries."""
    if not request.user.has_perm("proposals.manage_projects"):
        raise PermissionDenied
    rules = list(CollaborationRule.objects.all())
    projects = with_rule_facts(
        CollaborationProject.objects.for_listing().order_by("-first_fiscal_year", "-pk")
    )
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
        "proposals/projects/rule_dashboard.html",
        {
            "rules": rules,
            "rows": rows,
            "only_not_met": only_not_met,
        },
    )
