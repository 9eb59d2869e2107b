"""What waits in the projects stage, as マイページ lists it (a selector kept apart)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User
from proposals.projects.models import Agreement, CollaborationProject, Report

REPORTS_DUE_WITHIN = datetime.timedelta(days=14)


def _to_one_or_all(count: int, items, url_of) -> str:
    """One waiting thing: its page. Several: the project list. None: no query (the header
    counts tasks on every page, and most of the time nothing waits)."""
    if count != 1:
        return reverse("projects:project_list")
    return url_of(items[:1][0])


@waits_in
def tasks_of(user: User) -> list[Task]:
    """The partner's agreements to confirm and reports due; the department's the same, overdue."""
    today = timezone.localdate()
    tasks = []
    partner_of = CollaborationProject.objects.of_partner(user)
    tasks += _agreements_and_reports(
        projects=partner_of,
        agreements=Agreement.objects.filter(
            partner_confirmed_at__isnull=True, department_confirmed_at__isnull=False
        ),
        reports=Report.objects.filter(due_on__lte=today + REPORTS_DUE_WITHIN),
        labels=(_("相手方の確認を待つ協定書"), _("提出期限が近い・過ぎた報告")),
    )
    if user.is_city_staff and user.department_id:
        departments = CollaborationProject.objects.all()
        if not user.has_perm("organizations.act_citywide"):
            departments = departments.filter(department_id=user.department_id)
        tasks += _agreements_and_reports(
            projects=departments,
            agreements=Agreement.objects.filter(
                partner_confirmed_at__isnull=False, department_confirmed_at__isnull=True
            ),
            reports=Report.objects.filter(due_on__lt=today),
            labels=(_("担当課の確認を待つ協定書"), _("提出期限を過ぎた報告")),
        )
    return tasks


def _agreements_and_reports(*, projects, agreements, reports, labels) -> list[Task]:
    agreements = agreements.filter(
        project__in=projects, project__status=CollaborationProject.Status.AGREEMENT
    ).order_by("pk")
    reports = reports.filter(project__in=projects, submitted_at__isnull=True).order_by("due_on")
    agreement_count, report_count = agreements.count(), reports.count()
    return waiting(
        Task(
            labels[0],
            agreement_count,
            _to_one_or_all(
                agreement_count,
                agreements,
                lambda a: reverse("projects:agreement_edit", args=[a.project_id]),
            ),
        ),
        Task(
            labels[1],
            report_count,
            _to_one_or_all(
                report_count,
                reports,
                lambda r: reverse("projects:report_edit", args=[r.project_id, r.pk]),
            ),
        ),
    )
