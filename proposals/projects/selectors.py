"""Page-level reads of collaboration projects: the lists, a project's page, its agreement,
reports, evaluations and direction.

What the rule checks read is fetched by `rule_checks.with_rule_facts`, which the views apply
on top of these (rule_checks and selectors are siblings and do not import each other).
"""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy

from organizations.models import Kind
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    GoalScore,
    Indicator,
    ProjectStatusChange,
    Report,
    ReportAttachment,
    ReportValue,
    RuleScore,
)

# The lists show the latest fiscal year first; within one, the latest registered first.
_NEWEST_FIRST = ("-first_fiscal_year", "-pk")


# --- Lists --------------------------------------------------------------------------------


def public_projects() -> QuerySet[CollaborationProject]:
    """Public projects newest first, with what the register shows of each."""
    return (
        CollaborationProject.objects.public()
        .for_listing()
        .select_related("form__parent")
        .order_by(*_NEWEST_FIRST)
    )


# --- The register's filters and counts ------------------------------------------------------

CITIZEN = "citizen"
PARTNER_KINDS = [*Kind.choices, (CITIZEN, gettext_lazy("市民（個人の提案）"))]


def partnered(**organization_lookup) -> Q:
    """Projects with a partner matching the lookup, as a subquery (each project once)."""
    through = CollaborationProject.partners.through.objects
    lookup = {f"organization__{key}": value for key, value in organization_lookup.items()}
    return Q(pk__in=through.filter(**lookup).values("collaborationproject"))


def partner_kind_q(kind: str) -> Q:
    """Projects with a partner of this kind; a citizen is one who proposed without an organization."""
    if kind == CITIZEN:
        return Q(proposal__isnull=False, proposal__organization__isnull=True)
    return partnered(kind=kind)


def _by_partner(projects: QuerySet, relation: str, label: str, order: tuple[str, ...]) -> list:
    """(key, label, projects) per value of the partners' `relation`, in one grouped query."""
    through = CollaborationProject.partners.through.objects
    rows = (
        through.filter(collaborationproject__in=projects.order_by().values("pk"))
        .exclude(**{f"organization__{relation}": None})
        .values(f"organization__{relation}", f"organization__{relation}__{label}")
        .annotate(n=Count("collaborationproject", distinct=True))
        .order_by(*(f"organization__{relation}__{o}" for o in order))
    )
    return [
        (row[f"organization__{relation}"], row[f"organization__{relation}__{label}"], row["n"])
        for row in rows
    ]


def _by_column(projects: QuerySet, column: str, label: str, order: tuple[str, ...]) -> list:
    rows = (
        projects.order_by()
        .values(column, f"{column}__{label}")
        .annotate(n=Count("pk"))
        .order_by(*(f"{column}__{o}" for o in order))
    )
    return [(row[column], row[f"{column}__{label}"], row["n"]) for row in rows]


def _by_year(projects: QuerySet) -> list:
    # Grouped by (first, last) year: as many rows as distinct spans, never one per project.
    spans = (
        projects.order_by().values("first_fiscal_year", "last_fiscal_year").annotate(n=Count("pk"))
    )
    counts: dict[int, int] = {}
    for span in spans:
        for year in range(span["first_fiscal_year"], span["last_fiscal_year"] + 1):
            counts[year] = counts.get(year, 0) + span["n"]
    return [(year, year, counts[year]) for year in sorted(counts, reverse=True)]


def _by_status(projects: QuerySet) -> list:
    counts = dict(
        projects.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return [
        (value, label, counts[value])
        for value, label in CollaborationProject.Status.choices
        if value in counts
    ]


def _by_partner_kind(projects: QuerySet) -> list:
    counts = projects.order_by().aggregate(
        **{kind: Count("pk", filter=partner_kind_q(kind)) for kind, _label in PARTNER_KINDS}
    )
    return [(kind, label, counts[kind]) for kind, label in PARTNER_KINDS if counts[kind]]


def count_projects_by(facet: str, projects: QuerySet) -> list[tuple]:
    """(value, label, number of projects) for each value of one facet, in one query."""
    match facet:
        case "field":
            return _by_partner(projects, "fields", "short_name", ("number",))
        case "district":
            return _by_partner(projects, "districts", "name", ("order", "kana"))
        case "department":
            return _by_column(projects, "department", "name", ("order", "name"))
        case "form":
            return _by_column(projects, "form", "name", ("order", "pk"))
        case "fiscal_year":
            return _by_year(projects)
        case "status":
            return _by_status(projects)
        case "partner_kind":
            return _by_partner_kind(projects)
    raise ValueError(facet)


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
            Prefetch(
                "evaluations__goal_scores",
                queryset=GoalScore.objects.select_related("indicator"),
            ),
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
