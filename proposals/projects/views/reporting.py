"""Reports, evaluations and the direction of a collaboration project."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kunitachi_kyodo.uploads import download_response
from organizations.views import add_form_errors
from proposals.guideline.models import CollaborationRule
from proposals.projects import selectors, services, workflow
from proposals.projects.forms import DirectionForm, EvaluationForm, ReportForm, ReportRequestForm
from proposals.projects.models import Direction, Evaluation

# Evaluations are written while the work runs and after it (the service says the same).
from proposals.projects.views.projects import EVALUATION_STATES, _project, _require_department

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
    return render(request, "projects/report_request_form.html", {"project": project, "form": form})


@login_required
def report_edit(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    """The partner writes and submits a report; the department reads it. Private to the parties."""
    project = _project(pk)
    roles = workflow.project_roles_of(request.user, project)
    if not roles:
        raise Http404
    report = get_object_or_404(selectors.reports_of(project), pk=report_pk)
    agreement = selectors.confirmed_agreement(project)
    indicators = list(agreement.indicators.all()) if agreement else []
    can_edit = workflow.PARTNER in roles and report.submitted_at is None
    if request.method == "POST" and not can_edit:
        if workflow.PARTNER in roles:
            messages.error(request, _("提出済みの報告は変更できません。"))
            return redirect("projects:report_edit", pk=project.pk, report_pk=report.pk)
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
                return redirect("projects:report_edit", pk=project.pk, report_pk=report.pk)
    return render(
        request,
        "projects/report_form.html",
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
        selectors.report_attachments_of(project), pk=attachment_pk, report_id=report_pk
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
    evaluation = selectors.evaluation_of(project, kind)
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
        return redirect("projects:evaluation_edit", pk=project.pk, kind=kind)
    form = None
    if writable:
        agreement = selectors.confirmed_agreement(project)
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
                return redirect("projects:evaluation_edit", pk=project.pk, kind=kind)
    return render(
        request,
        "projects/evaluation_form.html",
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
    direction = selectors.direction_of(project)
    if direction is not None and direction.is_frozen:
        # Published for a finished project: the decision is read here, not changed; the page
        # says so (a POST gets the same page with 409).
        return render(
            request,
            "projects/direction_form.html",
            {"project": project, "form": None, "direction": direction},
            status=409 if request.method == "POST" else 200,
        )
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
        "projects/direction_form.html",
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
