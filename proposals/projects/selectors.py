"""Page-level reads of collaboration projects: the lists, a project's page, its agreement,
reports, evaluations and direction.

What the rule checks read is fetched by `rule_checks.with_rule_facts`, which the views apply
on top of these (rule_checks and selectors are siblings and do not import each other).
"""

from django.db.models import (
    Case,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)

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
    RuleScore,
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


# --- Open data ----------------------------------------------------------------------------


def public_projects_for_opendata() -> QuerySet[CollaborationProject]:
    """Every public project with what its open-data row says, in the order of their ids."""
    return (
        CollaborationProject.objects.public()
        .for_listing()
        .select_related("proposal", "direction")
        .prefetch_related("cooperation_kinds")
        .order_by("pk")
    )


def public_indicators() -> QuerySet[Indicator]:
    """The indicators of each project's newest confirmed agreement (what its page shows), each
    with its latest submitted actual value, in SQL so that the open data streams.

    As on the project's page, a final report's value overrides an interim one, and a value
    reported against an earlier agreement's copy of the indicator (same name and unit) counts.
    """
    newest_confirmed = (
        Agreement.objects.filter(
            project=OuterRef("agreement__project"),
            partner_confirmed_at__isnull=False,
            department_confirmed_at__isnull=False,
        )
        .order_by("-version")
        .values("version")[:1]
    )
    actuals = (
        ReportValue.objects.filter(
            report__project=OuterRef("agreement__project"),
            report__submitted_at__isnull=False,
            indicator__name=OuterRef("name"),
            indicator__unit=OuterRef("unit"),
        )
        .annotate(
            final=Case(
                When(report__kind=Report.Kind.FINAL, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-final", "-report__due_on", "-report__submitted_at")
    )
    return (
        Indicator.objects.filter(agreement__version=Subquery(newest_confirmed))
        .select_related("agreement__project")
        .annotate(
            actual_value=Subquery(actuals.values("actual_value")[:1]),
            actual_reported_at=Subquery(actuals.values("report__submitted_at")[:1]),
            actual_report_kind=Subquery(actuals.values("report__kind")[:1]),
        )
        .order_by("agreement__project_id", "order", "pk")
    )


def published_evaluations() -> QuerySet[Evaluation]:
    """Published evaluations with their project and scores, project by project."""
    return (
        Evaluation.objects.published()
        .select_related("project")
        .prefetch_related(
            # Joined, not prefetched in turn: two queries per chunk whatever the scores hold.
            Prefetch("rule_scores", queryset=RuleScore.objects.select_related("rule")),
            Prefetch("goal_scores", queryset=GoalScore.objects.select_related("indicator")),
        )
        .order_by("project_id", "kind", "pk")
    )
