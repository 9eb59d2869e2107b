"""Page-level reads of collaboration projects: the lists, a project's page, its agreement,
reports, evaluations and direction.

What the rule checks read is fetched by `rule_checks.with_rule_facts`, which the views apply
on top of these (rule_checks and selectors are siblings and do not import each other).
"""

from django.db.models import Max, Min, Prefetch, QuerySet

from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    ProjectStatusChange,
    Report,
    ReportAttachment,
    ReportValue,
)

# The lists show the latest fiscal year first; within one, the latest registered first.
_NEWEST_FIRST = ("-first_fiscal_year", "-pk")


# --- Lists --------------------------------------------------------------------------------


def fiscal_years_of_public_projects() -> list[int]:
    """Every fiscal year some public project runs in, newest first (the list's year filter)."""
    span = CollaborationProject.objects.public().aggregate(
        first=Min("first_fiscal_year"), last=Max("last_fiscal_year")
    )
    return list(range(span["last"], span["first"] - 1, -1)) if span["first"] else []


def public_projects(
    *, fiscal_year: int | None = None, status: str | None = None
) -> QuerySet[CollaborationProject]:
    """Public projects newest first, for the public list: in a fiscal year or status when given."""
    projects = (
        CollaborationProject.objects.public()
        .for_listing()
        .select_related("form__parent")
        .order_by(*_NEWEST_FIRST)
    )
    if fiscal_year:
        projects = projects.filter(
            first_fiscal_year__lte=fiscal_year, last_fiscal_year__gte=fiscal_year
        )
    if status:
        projects = projects.filter(status=status)
    return projects


def every_project() -> QuerySet[CollaborationProject]:
    """Every project, newest first, with department, form and partners (the rule dashboard)."""
    return CollaborationProject.objects.for_listing().order_by(*_NEWEST_FIRST)


# --- One project --------------------------------------------------------------------------


def _with_values_and_files(reports: QuerySet[Report]) -> QuerySet[Report]:
    return reports.prefetch_related(
        Prefetch("values", queryset=ReportValue.objects.select_related("indicator")),
        "attachments",
    )


def public_projects_for_page() -> QuerySet[CollaborationProject]:
    """Public projects with what a project's page shows: kinds, reports, scored evaluations."""
    return (
        CollaborationProject.objects.public()
        .for_listing()
        .prefetch_related(
            "cooperation_kinds",
            Prefetch("reports", queryset=_with_values_and_files(Report.objects.all())),
            "evaluations__rule_scores",
            "evaluations__goal_scores__indicator",
        )
    )


def public_projects_with_department() -> QuerySet[CollaborationProject]:
    """Public projects with their department and form (the pages that work on one)."""
    return CollaborationProject.objects.public().select_related("department", "form")


# --- The agreement ------------------------------------------------------------------------


def confirmed_agreement(project: CollaborationProject) -> Agreement | None:
    """The newest agreement both sides confirmed: the one reports and evaluations refer to."""
    return (
        project.agreements.filter(
            partner_confirmed_at__isnull=False, department_confirmed_at__isnull=False
        )
        .order_by("-version")
        .first()
    )


def latest_agreement(project: CollaborationProject) -> Agreement | None:
    """The newest agreement version with who confirmed it (the agreement's working page)."""
    return (
        project.agreements.select_related("partner_confirmed_by", "department_confirmed_by")
        .order_by("-version")
        .first()
    )


def projects_for_agreement_pdf() -> QuerySet[CollaborationProject]:
    """Public projects with their department and partners, as the agreement's PDF names them."""
    return (
        CollaborationProject.objects.public()
        .select_related("department")
        .prefetch_related("partners")
    )


def agreement_for_pdf(
    project: CollaborationProject, *, version: int | None, is_party: bool
) -> Agreement | None:
    """The version the PDF prints: the one asked for, else the newest (a party) or the confirmed."""
    agreements = project.agreements.select_related(
        "partner_confirmed_by", "department_confirmed_by"
    ).prefetch_related("indicators", "role_shares")
    if version is not None:
        return agreements.filter(version=version).first()
    if is_party:
        return agreements.order_by("-version").first()
    confirmed = confirmed_agreement(project)
    return agreements.filter(pk=confirmed.pk).first() if confirmed else None


# --- Reports, evaluations, the direction --------------------------------------------------


def reports_of(project: CollaborationProject) -> QuerySet[Report]:
    """A project's reports with their values and files (a report's page, for the parties)."""
    return _with_values_and_files(project.reports.all())


def report_attachments_of(project: CollaborationProject) -> QuerySet[ReportAttachment]:
    """The files attached to a project's reports (downloaded by the parties only)."""
    return ReportAttachment.objects.filter(report__project=project)


def evaluation_of(project: CollaborationProject, kind: str) -> Evaluation | None:
    """A project's evaluation of one kind with its author and scores, or None if not written."""
    return (
        project.evaluations.filter(kind=kind)
        .select_related("author")
        .prefetch_related("rule_scores__rule", "goal_scores__indicator")
        .first()
    )


def direction_of(project: CollaborationProject) -> Direction | None:
    """The direction the department decided for a project, or None while undecided."""
    return Direction.objects.filter(project=project).select_related("project").first()


def projects_of_organization(organization) -> QuerySet[CollaborationProject]:
    """The projects an organization is a partner in, newest first (its public page)."""
    return (
        CollaborationProject.objects.public()
        .filter(partners=organization)
        .select_related("department")
        .order_by(*_NEWEST_FIRST)
    )


def projects_of_member(user, *, limit: int = 10) -> QuerySet[CollaborationProject]:
    """The projects of the organizations a person belongs to, newest first (マイページ)."""
    return (
        CollaborationProject.objects.filter(partners__memberships__user=user)
        .select_related("department")
        .distinct()
        .order_by(*_NEWEST_FIRST)[:limit]
    )


# --- The feeds ----------------------------------------------------------------------------


def latest_public_milestones(
    *, department_id: int | None, field_id: int | None, limit: int
) -> QuerySet[ProjectStatusChange]:
    """The public rows of projects' records, newest first, of a department or field (the feeds).

    A project is in a field's feed when one of its partners works in that field.
    """
    rows = ProjectStatusChange.objects.public().select_related("project__department")
    if department_id is not None:
        rows = rows.filter(project__department_id=department_id)
    if field_id is not None:
        partnered = CollaborationProject.partners.through.objects.filter(
            organization__fields=field_id
        )
        rows = rows.filter(project__in=partnered.values("collaborationproject"))
    return rows.order_by("-created_at", "-pk")[:limit]
