"""Collaboration projects (協働事業): creation, the agreement, reports, evaluations, the direction.

`project_transition` is the only writer of a project's status.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.fiscal import fiscal_year, fiscal_year_bounds
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.uploads import store_upload
from kunitachi_kyodo.values import save_rows, save_values, values_of
from kunitachi_kyodo.wareki import date_label
from organizations.models import Department, Membership, Organization, User
from organizations.permissions import refusal, require
from proposals.guideline.models import CollaborationRule, ProjectForm
from proposals.permissions import is_project_city_party
from proposals.projects import workflow
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    GoalScore,
    Indicator,
    Report,
    ReportAttachment,
    ReportValue,
    RoleShare,
    RuleScore,
)
from proposals.projects.selectors import confirmed_agreement
from proposals.proposals.models import Proposal

# --- People -------------------------------------------------------------------------


def partner_people(project: CollaborationProject) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(
            organization__projects=project,
            role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        ).select_related("user")
    ]


def department_people(project: CollaborationProject) -> list[User]:
    return list(
        User.objects.filter(is_active=True, is_city_staff=True, department_id=project.department_id)
    )


def _tell(people, project, message, detail=""):
    notify(
        people,
        message=message,
        url=reverse("projects:project_detail", args=[project.pk]),
        email_template="projects/email/notice",
        context={"project": project, "detail": detail},
    )


def _require(user: User, project: CollaborationProject, *roles: str) -> set[str]:
    held = workflow.project_roles_of(user, project)
    if not held & set(roles):
        raise PermissionDenied(workflow.PROJECT_WORKFLOW.refusal(set(roles), user, project))
    return held


# --- Creation and moves ---------------------------------------------------------------


def _log(project, actor, action, source, target, comment=""):
    transition = workflow.project_transition_for(source, action)
    return workflow.PROJECT_WORKFLOW.record(
        project,
        actor=actor,
        action=action,
        from_status=source,
        to_status=target,
        comment=comment,
        is_public=transition.is_public,
        comment_is_public=transition.comment_is_public,
    )


def project_create_from_proposal(
    *, proposal: Proposal, user: User, form: ProjectForm | None = None
) -> CollaborationProject:
    """Turn an adopted proposal into a project, carrying its data into a first draft agreement."""
    proposal = Proposal.objects.get(pk=proposal.pk)
    require(user, "proposals.make_project", proposal)
    if proposal.status != Proposal.Status.ADOPTED:
        raise ValidationError(_("採択された提案だけを協働事業にできます。"))
    if hasattr(proposal, "project"):
        raise ValidationError(_("この提案はすでに協働事業になっています。"))
    start_year = fiscal_year(proposal.period_start) if proposal.period_start else fiscal_year() + 1
    end_year = fiscal_year(proposal.period_end) if proposal.period_end else start_year
    start, end = fiscal_year_bounds(start_year)[0], fiscal_year_bounds(end_year)[1]
    with transaction.atomic():
        project = CollaborationProject.objects.create(
            title=proposal.title,
            summary=proposal.public_summary,
            origin=CollaborationProject.Origin.PROPOSAL,
            proposal=proposal,
            department=proposal.department,
            form=form or proposal.desired_form or ProjectForm.objects.get(code="commission"),
            first_fiscal_year=start_year,
            last_fiscal_year=end_year,
            created_by=user,
        )
        if proposal.organization_id:
            project.partners.add(proposal.organization_id)
        agreement = Agreement.objects.create(
            project=project,
            shared_goal=proposal.goal,
            period_start=proposal.period_start or start,
            period_end=proposal.period_end or end,
        )
        RoleShare.objects.bulk_create(
            RoleShare(
                agreement=agreement,
                task=r.task,
                partner_role=r.proposer_role,
                city_role=r.city_role,
                order=i,
            )
            for i, r in enumerate(proposal.role_shares.all())
        )
        _log(project, user, "create", "", CollaborationProject.Status.AGREEMENT)
    return project


@dataclass(frozen=True)
class ProjectValues:
    """The project's facts the department keeps: partners, form, years, money, contract or grant."""

    title: str
    summary: str
    department: Department
    form: ProjectForm
    first_fiscal_year: int
    last_fiscal_year: int
    partners: tuple[Organization, ...] = ()
    cooperation_kinds: tuple[ProjectForm, ...] = ()
    city_share: int = 0
    partner_share: int = 0
    funding: str = ""
    funding_reference: str = ""
    funding_amount: int | None = None


def _save_project(project: CollaborationProject, values: ProjectValues, user: User, **fixed):
    # Staff register and keep projects of their own department (coordinators, of any).
    reason = refusal(
        is_project_city_party, user, CollaborationProject(department=values.department)
    )
    if reason:
        raise PermissionDenied(reason)
    if any(partner.status != Organization.Status.VERIFIED for partner in values.partners):
        raise ValidationError({"partners": _("協働の相手方には、確認済みの団体を選んでください。")})
    return save_values(project, values, **fixed)


def project_create(
    *, user: User, values: ProjectValues, origin: str = CollaborationProject.Origin.EXISTING
) -> CollaborationProject:
    """Register a project the city starts itself or an existing program made collaborative."""
    require(user, "proposals.manage_projects")
    if origin == CollaborationProject.Origin.PROPOSAL:
        raise ValidationError(_("提案からの協働事業は、採択された提案から作ります。"))
    with transaction.atomic():
        project = _save_project(
            CollaborationProject(), values, user, origin=origin, created_by=user
        )
        start, end = (
            fiscal_year_bounds(project.first_fiscal_year)[0],
            fiscal_year_bounds(project.last_fiscal_year)[1],
        )
        Agreement.objects.create(
            project=project, shared_goal="", period_start=start, period_end=end
        )
        _log(project, user, "create", "", CollaborationProject.Status.AGREEMENT)
    return project


def project_update(
    *, project: CollaborationProject, user: User, values: ProjectValues, lock_version: int | None
) -> CollaborationProject:
    """The department edits the project's facts (partners, years, shares, contract or grant).

    Refused if someone saved them since `lock_version` was read.
    """
    with transaction.atomic():
        current = lock_for_edit(project, lock_version=lock_version)
        _require(user, current, workflow.DEPARTMENT)
        # The status moves only by project_transition: the values do not hold it.
        return _save_project(current, values, user)


def project_transition(
    *, project: CollaborationProject, action: str, actor: User, comment: str = ""
) -> CollaborationProject:
    """Move a project along its workflow table: lock, check, change, log, notify."""
    if action == "create":
        raise PermissionDenied  # a project is created by project_create*, never moved into being
    return workflow.PROJECT_WORKFLOW.perform(
        project, action=action, actor=actor, comment=comment, on_change=_apply_move
    )


def _apply_move(project: CollaborationProject, change, transition, context) -> None:
    CollaborationProject.objects.filter(pk=project.pk).update(
        status=transition.target, updated_at=context.now
    )
    project.refresh_from_db()
    _tell(
        partner_people(project) + department_people(project),
        project,
        _("協働事業「%(title)s」が「%(status)s」になりました。")
        % {"title": project.title, "status": project.get_status_display()},
    )


# --- The agreement ----------------------------------------------------------------------


def _open_project(project_id: int) -> CollaborationProject:
    """The project, locked, while its agreement may still change (not once it is finished)."""
    project = CollaborationProject.objects.select_for_update().get(pk=project_id)
    if project.is_finished:
        raise ValidationError(_("評価を終えた事業の協定書は変更できません。"))
    return project


@dataclass(frozen=True)
class IndicatorRow:
    """A goal or activity indicator (成果目標・活動指標) with its target value."""

    kind: str
    name: str
    unit: str
    target_value: Decimal
    id: int | None = None


@dataclass(frozen=True)
class AgreementRoleRow:
    """A row of the agreement's role-sharing table (役割分担表)."""

    task: str
    partner_role: str
    city_role: str
    id: int | None = None


@dataclass(frozen=True)
class AgreementValues:
    """The text of an agreement draft (協定書（案）) with its indicators and role-sharing rows."""

    shared_goal: str
    period_start: datetime.date
    period_end: datetime.date
    information_sharing: str
    cost_sharing: str = ""
    risk_and_liability: str = ""
    other_terms: str = ""
    indicators: tuple[IndicatorRow, ...] = ()
    role_shares: tuple[AgreementRoleRow, ...] = ()


def agreement_values_of(agreement: Agreement, **changes) -> AgreementValues:
    """What an agreement draft holds now, rows with their ids, as agreement_save takes it."""
    indicators = tuple(
        IndicatorRow(i.kind, i.name, i.unit, i.target_value, id=i.pk)
        for i in agreement.indicators.all()
    )
    role_shares = tuple(
        AgreementRoleRow(r.task, r.partner_role, r.city_role, id=r.pk)
        for r in agreement.role_shares.all()
    )
    return values_of(
        agreement,
        AgreementValues,
        **{"indicators": indicators, "role_shares": role_shares, **changes},
    )


def agreement_save(
    *, agreement: Agreement, user: User, values: AgreementValues, lock_version: int | None
) -> Agreement:
    """Save an unconfirmed agreement with its indicators and role-sharing rows (department or partner).

    Refused if either side saved it since `lock_version` was read, or if it was confirmed.
    """
    _require(user, agreement.project, workflow.DEPARTMENT, workflow.PARTNER)
    with transaction.atomic():
        _open_project(agreement.project_id)
        current = lock_for_edit(agreement, lock_version=lock_version)
        if current.is_locked:
            raise ValidationError(
                _(
                    "確認済みの協定書は、その版のままでは変更できません。「新しい版を作る」から改定してください。"
                )
            )
        save_values(current, values, skip=("indicators", "role_shares"))
        save_rows(current.indicators, values.indicators, order_field="order")
        save_rows(current.role_shares, values.role_shares, order_field="order")
    return current


def agreement_missing(agreement: Agreement) -> list[str]:
    """What an agreement lacks before it can be confirmed."""
    missing = []
    if not agreement.shared_goal.strip():
        missing.append(_("共通の目標"))
    if not agreement.role_shares.exclude(partner_role="").exclude(city_role="").exists():
        missing.append(_("役割分担表（相手方と市の役割を書いた行）"))
    if not agreement.indicators.exists():
        missing.append(_("成果目標・活動指標"))
    return missing


def agreement_confirm(*, agreement: Agreement, user: User) -> Agreement:
    """One side confirms the agreement (the partner's representative or editor, or the department)."""
    roles = _require(user, agreement.project, workflow.DEPARTMENT, workflow.PARTNER)
    with transaction.atomic():
        _open_project(agreement.project_id)
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.project.current_agreement().pk != agreement.pk:
            raise ValidationError(_("最新の版ではない協定書は確認できません。"))
        missing = agreement_missing(agreement)
        if missing:
            raise ValidationError(
                [_("協定書に足りないものがあるため、確認できません。")]
                + [f"・{item}" for item in missing]
            )
        now = timezone.now()
        side = None
        if workflow.DEPARTMENT in roles and agreement.department_confirmed_at is None:
            agreement.department_confirmed_at, agreement.department_confirmed_by, side = (
                now,
                user,
                "department",
            )
        elif workflow.PARTNER in roles and agreement.partner_confirmed_at is None:
            agreement.partner_confirmed_at, agreement.partner_confirmed_by, side = (
                now,
                user,
                "partner",
            )
        if side is None:
            raise ValidationError(_("あなたの側はすでに確認済みです。"))
        agreement.save()
        other = (
            department_people(agreement.project)
            if side == "partner"
            else partner_people(agreement.project)
        )
        _tell(
            other,
            agreement.project,
            _("協定書（第%(version)s版）が%(who)sによって確認されました。")
            % {"version": agreement.version, "who": user.full_name},
        )
    return agreement


def agreement_new_version(*, project: CollaborationProject, user: User, reason: str) -> Agreement:
    """Revise a confirmed agreement: a copy as the next version, to be confirmed again by both sides."""
    _require(user, project, workflow.DEPARTMENT, workflow.PARTNER)
    if not reason.strip():
        raise ValidationError({"change_reason": _("改定の理由を入力してください。")})
    with transaction.atomic():
        _open_project(project.pk)
        current = project.agreements.select_for_update().order_by("-version").first()
        if not current.is_locked:
            raise ValidationError(_("まだ確認されていない版があります。その版を編集してください。"))
        new = Agreement.objects.create(
            project=project,
            version=current.version + 1,
            shared_goal=current.shared_goal,
            cost_sharing=current.cost_sharing,
            information_sharing=current.information_sharing,
            risk_and_liability=current.risk_and_liability,
            other_terms=current.other_terms,
            period_start=current.period_start,
            period_end=current.period_end,
            change_reason=reason.strip(),
        )
        Indicator.objects.bulk_create(
            Indicator(
                agreement=new,
                kind=i.kind,
                name=i.name,
                unit=i.unit,
                target_value=i.target_value,
                order=i.order,
            )
            for i in current.indicators.all()
        )
        RoleShare.objects.bulk_create(
            RoleShare(
                agreement=new,
                task=r.task,
                partner_role=r.partner_role,
                city_role=r.city_role,
                order=r.order,
            )
            for r in current.role_shares.all()
        )
    return new


# --- Reports ---------------------------------------------------------------------------


def report_request(
    *, project: CollaborationProject, kind: str, due_on: datetime.date, user: User
) -> Report:
    """The department asks for an interim or final report by a date."""
    _require(user, project, workflow.DEPARTMENT)
    if kind == Report.Kind.FINAL and project.reports.filter(kind=Report.Kind.FINAL).exists():
        raise ValidationError(_("完了報告はすでに依頼されています。"))
    report = Report.objects.create(project=project, kind=kind, due_on=due_on)
    _tell(
        partner_people(project),
        project,
        _("%(kind)sの提出をお願いします（期限：%(due)s）。")
        % {"kind": report.get_kind_display(), "due": date_label(due_on)},
    )
    return report


def report_save(
    *,
    report: Report,
    user: User,
    values: dict[int, tuple[Decimal, str]],
    narrative: str,
    public_summary: str,
    expenditure: int | None,
    submit: bool = False,
    upload=None,
) -> Report:
    """The partner writes a report: actual values for the agreement's indicators, the narrative, money."""
    _require(user, report.project, workflow.PARTNER)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.submitted_at:
            raise ValidationError(_("提出済みの報告は変更できません。"))
        agreement = confirmed_agreement(report.project)
        allowed = set(agreement.indicators.values_list("pk", flat=True)) if agreement else set()
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(_("協定書にない指標の実績は登録できません。"))
        for indicator_id, (value, note) in values.items():
            if not isinstance(value, Decimal):
                raise ValidationError(
                    {f"value_{indicator_id}": _("実績値は数字で入力してください。")}
                )
            ReportValue.objects.update_or_create(
                report=report,
                indicator_id=indicator_id,
                defaults={"actual_value": value, "note": note},
            )
        if submit and allowed - set(report.values.values_list("indicator_id", flat=True)):
            raise ValidationError(_("すべての指標の実績値を入力してから提出してください。"))
        report.narrative, report.public_summary, report.expenditure = (
            narrative.strip(),
            public_summary.strip(),
            expenditure,
        )
        if submit:
            if not report.narrative:
                raise ValidationError({"narrative": _("実施した内容を入力してください。")})
            report.submitted_at, report.submitted_by = timezone.now(), user
        report.save()
        if upload is not None:
            store_upload(ReportAttachment(report=report), upload, user=user)
        if submit:
            _tell(
                department_people(report.project),
                report.project,
                _("%(kind)sが提出されました。") % {"kind": report.get_kind_display()},
            )
    return report


def send_report_reminders(*, today: datetime.date | None = None, days_ahead: int = 7) -> int:
    """Remind partners of reports due within `days_ahead` days (or overdue), once a week at most."""
    today = today or timezone.localdate()
    week_ago = timezone.now() - datetime.timedelta(days=7)
    due = Report.objects.filter(
        submitted_at__isnull=True, due_on__lte=today + datetime.timedelta(days=days_ahead)
    ).exclude(reminded_at__gt=week_ago)
    count = 0
    for report in due.select_related("project"):
        with transaction.atomic():
            overdue = report.due_on < today
            _tell(
                partner_people(report.project),
                report.project,
                (
                    _("%(kind)sの提出期限（%(due)s）を過ぎています。")
                    if overdue
                    else _("%(kind)sの提出期限（%(due)s）が近づいています。")
                )
                % {
                    "kind": report.get_kind_display(),
                    "due": date_label(report.due_on),
                },
            )
            Report.objects.filter(pk=report.pk).update(reminded_at=timezone.now())
        count += 1
    return count


# --- Evaluations and the direction ---------------------------------------------------------

WHO_WRITES = {
    Evaluation.Kind.SELF_PARTNER: {workflow.PARTNER},
    Evaluation.Kind.SELF_DEPARTMENT: {workflow.DEPARTMENT},
    Evaluation.Kind.MUTUAL: {workflow.PARTNER, workflow.DEPARTMENT},
}


def may_write_evaluation(user: User, project: CollaborationProject, kind: str) -> bool:
    if kind == Evaluation.Kind.THIRD_PARTY:
        # The collaboration committee: its members are the portal's reviewers (審査委員).
        return user.is_authenticated and user.is_reviewer
    return bool(WHO_WRITES[kind] & workflow.project_roles_of(user, project))


def evaluation_save(
    *,
    project: CollaborationProject,
    kind: str,
    user: User,
    rule_scores: dict[int, tuple[int, str]] | None = None,
    goal_scores: dict[int, tuple[int, str]] | None = None,
    texts: dict[str, str] | None = None,
    submit: bool = False,
) -> Evaluation:
    """Write or submit an evaluation. Self and third-party ones score the six rules and the goals 1–5."""
    if not may_write_evaluation(user, project, kind):
        raise PermissionDenied
    rule_scores, goal_scores, texts = rule_scores or {}, goal_scores or {}, texts or {}
    with transaction.atomic():
        project = CollaborationProject.objects.select_for_update().get(pk=project.pk)
        if project.status not in (
            CollaborationProject.Status.ACTIVE,
            CollaborationProject.Status.REPORTING,
        ):
            raise ValidationError(_("評価は、事業の実施中か報告の段階で書けます。"))
        evaluation, _created = Evaluation.objects.get_or_create(
            project=project, kind=kind, defaults={"author": user}
        )
        if evaluation.submitted_at:
            raise ValidationError(_("提出済みの評価は変更できません。"))
        errors = {}
        rules = {r.pk for r in CollaborationRule.objects.all()}
        agreement = confirmed_agreement(project)
        indicators = set(agreement.indicators.values_list("pk", flat=True)) if agreement else set()
        for prefix, scores, allowed in (
            ("rule", rule_scores, rules),
            ("goal", goal_scores, indicators),
        ):
            for key, (score, comment) in scores.items():
                if key not in allowed:
                    raise ValidationError(_("この事業の評価項目ではありません。"))
                if score is None or not 1 <= score <= 5:
                    errors[f"{prefix}_{key}"] = _("1から5で評価してください。")
                elif score <= 2 and not comment.strip():
                    errors[f"{prefix}_{key}"] = _("1・2の評価には、理由のコメントが必要です。")
            if submit and kind != Evaluation.Kind.MUTUAL:
                for key in allowed - {k for k, (v, _c) in scores.items() if v is not None}:
                    errors.setdefault(f"{prefix}_{key}", _("すべての項目を評価してください。"))
        if submit and kind == Evaluation.Kind.MUTUAL:
            for field in ("shared_points", "differences", "improvements"):
                if not texts.get(field, "").strip():
                    errors[field] = _("この項目を書いてください。")
        if errors:
            raise ValidationError(errors)
        for key, (score, comment) in rule_scores.items():
            RuleScore.objects.update_or_create(
                evaluation=evaluation,
                rule_id=key,
                defaults={"score": score, "comment": comment.strip()},
            )
        for key, (score, comment) in goal_scores.items():
            GoalScore.objects.update_or_create(
                evaluation=evaluation,
                indicator_id=key,
                defaults={"score": score, "comment": comment.strip()},
            )
        for field in ("overall_comment", "shared_points", "differences", "improvements"):
            if field in texts:
                setattr(evaluation, field, texts[field].strip())
        evaluation.author = user
        if submit:
            evaluation.submitted_at = timezone.now()
        evaluation.save()
    return evaluation


def evaluation_publish(*, evaluation: Evaluation, user: User) -> Evaluation:
    """Staff of the department publish one submitted evaluation."""
    _require(user, evaluation.project, workflow.DEPARTMENT)
    with transaction.atomic():
        evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        if not evaluation.submitted_at:
            raise ValidationError(_("提出されていない評価は公開できません。"))
        if evaluation.published_at is None:
            evaluation.published_at, evaluation.published_by = timezone.now(), user
            evaluation.save(update_fields=["published_at", "published_by"])
            workflow.PROJECT_WORKFLOW.record_event(
                evaluation.project,
                action="publish_evaluation",
                actor=user,
                comment=evaluation.get_kind_display(),
            )
    return evaluation


def direction_decide(
    *, project: CollaborationProject, user: User, choice: str, reason: str
) -> Direction:
    """The department decides the direction (継続・拡充・見直し・終了) with its reason."""
    _require(user, project, workflow.DEPARTMENT)
    if not reason.strip():
        raise ValidationError({"reason": _("方向性の理由を入力してください。")})
    if choice not in Direction.Choice.values:
        raise ValidationError({"choice": _("方向性を選んでください。")})
    with transaction.atomic():
        project = CollaborationProject.objects.select_for_update().get(pk=project.pk)
        current = Direction.objects.filter(project=project).select_related("project").first()
        if current is not None and current.is_frozen:
            raise ValidationError(_("評価を終えた事業の、公開済みの今後の方向性は変更できません。"))
        direction, _created = Direction.objects.update_or_create(
            project=project,
            defaults={
                "choice": choice,
                "reason": reason.strip(),
                "decided_by": user,
                "published_at": None,
            },
        )
    return direction


def direction_publish(*, project: CollaborationProject, user: User) -> Direction:
    _require(user, project, workflow.DEPARTMENT)
    with transaction.atomic():
        direction = Direction.objects.select_for_update().get(project=project)
        if direction.published_at is None:
            direction.published_at = timezone.now()
            direction.save(update_fields=["published_at"])
            workflow.PROJECT_WORKFLOW.record_event(
                project,
                action="publish_direction",
                actor=user,
                comment=direction.get_choice_display(),
            )
    return direction
