"""Who may do what with surveys: part of the one permission vocabulary
(organizations/permissions.py). The office runs surveys; who answers depends on the survey's
audience; the results are public once the office publishes them."""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.models import Membership, Organization
from organizations.permissions import is_authenticated, is_support_staff, predicate


@predicate(_("この調査は、いま回答を受け付けていません。"))
def survey_is_open(user, survey) -> bool:
    return survey is not None and survey.accepts_answers()


@predicate(_("この調査は、確認済みの団体の代表者または編集者が団体として回答します。"))
def answers_for_audience(user, survey) -> bool:
    if survey is None or not user.is_authenticated:
        return False
    if survey.audience == survey.Audience.PUBLIC:
        return True
    return bool(editable_verified_organizations(user))


@predicate(_("この調査の結果は、まだ公開されていません。"))
def results_are_published(user, survey) -> bool:
    return survey is not None and survey.status == survey.Status.PUBLISHED


def editable_verified_organizations(user) -> list[Organization]:
    """The verified organizations `user` may answer for (as representative or editor)."""
    return list(
        Organization.objects.filter(
            status=Organization.Status.VERIFIED,
            memberships__user=user,
            memberships__role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        ).order_by("name")
    )


rules.add_perm("surveys.manage_survey", is_support_staff)
rules.add_perm("surveys.answer_survey", is_authenticated & survey_is_open & answers_for_audience)
rules.add_perm("surveys.view_results", results_are_published | is_support_staff)
