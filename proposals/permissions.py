"""Who may do what with calls, proposals, review rounds and projects: named predicates.

Part of the one permission vocabulary (see organizations/permissions.py): each
predicate says why it refuses, and the workflow roles in workflow.py are computed
from these predicates. Staff act within their department; coordinators
(協働推進担当) and administrators act everywhere; a reviewer sees what their round
needs, and nothing private of a proposal they declared a conflict on.

This module is shared by every stage and imports none of them: predicates that read a
stage's own models live in that stage's permissions.py (proposals/review/permissions.py).
"""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.models import Membership
from organizations.permissions import (
    acts_citywide,
    is_authenticated,
    is_city_staff,
    is_office_or_city_staff,
    is_support_staff,
    predicate,
)

THREAD_OPEN = {"consultation", "submitted", "screening", "open_review", "returned"}


def _department_staff(user, department_id) -> bool:
    return (
        department_id is not None
        and user.is_authenticated
        and user.is_city_staff
        and user.department_id == department_id
    )


# --- Proposals ------------------------------------------------------------------------


@predicate(_("この提案の提案者ではありません。"))
def is_proposer(user, proposal) -> bool:
    if proposal is None or not user.is_authenticated:
        return False
    return proposal.proposer_id == user.pk or (
        proposal.organization_id is not None
        and Membership.objects.filter(
            user=user,
            organization_id=proposal.organization_id,
            role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        ).exists()
    )


@predicate(_("この提案の担当課の職員ではありません。"))
def is_proposal_department_staff(user, proposal) -> bool:
    return proposal is not None and _department_staff(user, proposal.responsible_department_id)


@predicate(_("この状態の提案は編集できません。"))
def is_editable(user, proposal) -> bool:
    return proposal is not None and proposal.is_editable


@predicate(_("この状態の提案では、事前相談のやり取りはできません。"))
def thread_is_open(user, proposal) -> bool:
    return proposal is not None and proposal.status in THREAD_OPEN


# Screens, returns and decides (the workflow's CITY_STAFF role): the proposal's department,
# coordinators, administrators. An unassigned free proposal waits for the office or a
# coordinator to assign it.
decides_proposal = (is_proposal_department_staff | acts_citywide).because(
    _("この提案の担当課の職員、協働推進担当、管理者だけが行えます。"), name="decides_proposal"
)
# The city side of a proposal's consultation: its department, the support office (it does
# the pre-consultation, 事前相談), coordinators and administrators.
is_proposal_city_side = (is_proposal_department_staff | is_support_staff | acts_citywide).because(
    _("この提案の担当課・支援室・協働推進担当だけが行えます。"), name="is_proposal_city_side"
)

rules.add_perm("proposals.create_proposal", is_authenticated)
rules.add_perm("proposals.edit_proposal", is_proposer & is_editable)
rules.add_perm(
    "proposals.post_consultation", (is_proposer | is_proposal_city_side) & thread_is_open
)
rules.add_perm("proposals.use_work_queue", is_office_or_city_staff)
# Which department handles a proposal is the office's or a coordinator's call, never a
# department's: staff must not take another department's proposal.
rules.add_perm(
    "proposals.assign_department",
    (is_support_staff | acts_citywide).because(
        _("担当課の割り当ては、支援室または協働推進担当が行います。"), name="assigns_departments"
    ),
)
rules.add_perm("proposals.decide_proposal", decides_proposal)
# A notice (採択・不採択・差し戻し) is a letter to the proposer: theirs and the city's, not
# the reviewers' (they read the proposal, not the city's correspondence about it).
rules.add_perm(
    "proposals.view_notices",
    (is_proposer | is_proposal_city_side).because(
        _("この提案の提案者と、担当課・支援室・協働推進担当だけが見られます。"),
        name="receives_notices",
    ),
)
# "proposals.view_private_parts" (budget, attachments, the consultation thread) is registered
# by the review stage, proposals/review/permissions.py: assigned reviewers read it too.

# --- Calls ----------------------------------------------------------------------------


@predicate(_("この事業の提示の担当課の職員ではありません。"))
def is_call_department_staff(user, call) -> bool:
    return call is not None and _department_staff(user, call.department_id)


rules.add_perm("proposals.create_call", is_city_staff)
edits_call = (is_call_department_staff | acts_citywide).because(
    _("この事業の提示の担当課の職員、協働推進担当、管理者だけが行えます。"), name="edits_call"
)
rules.add_perm("proposals.edit_call", edits_call)
rules.add_perm("proposals.view_call_draft", is_city_staff)


# A call's questions (質問と回答): anyone signed in asks; the call's department answers, and so
# does the support office (it fields questions about proposing) and coordinators.
@predicate(_("この募集の担当課の職員ではありません。"))
def is_question_department_staff(user, question) -> bool:
    return question is not None and _department_staff(user, question.call.department_id)


answers_question = (is_question_department_staff | is_support_staff | acts_citywide).because(
    _("この募集の担当課の職員、支援室、協働推進担当だけが回答できます。"), name="answers_question"
)
rules.add_perm("proposals.ask_question", is_authenticated)
rules.add_perm("proposals.answer_question", answers_question)
# The list of questions to answer: every city staff member (their department's) and the office.
rules.add_perm("proposals.use_question_queue", is_office_or_city_staff)

# --- Open review ----------------------------------------------------------------------


@predicate(_("この審査回の担当課の職員ではありません。"))
def is_round_department_staff(user, review_round) -> bool:
    return review_round is not None and _department_staff(user, review_round.department_id)


@predicate(_("この審査回の審査委員ではありません。"))
def is_assigned_reviewer(user, review_round) -> bool:
    return (
        review_round is not None
        and user.is_authenticated
        and review_round.assignments.filter(reviewer=user).exists()
    )


@predicate(_("この審査回の審査委員ではありません。"))
def is_entry_reviewer(user, entry) -> bool:
    return entry is not None and is_assigned_reviewer(user, entry.round)


# The staff's pages of rounds (the list, creating one) are for city staff; each round
# itself (its entries, reviewers, decisions, sessions, the preview of unpublished
# scores, publication) for its department's staff, coordinators and administrators.
rules.add_perm("proposals.manage_review", is_city_staff)
manages_round = (is_round_department_staff | acts_citywide).because(
    _("この審査回の担当課の職員、協働推進担当、管理者だけが行えます。"), name="manages_round"
)
rules.add_perm("proposals.manage_round", manages_round)
rules.add_perm("proposals.score_in_round", is_assigned_reviewer)
# "proposals.score_entry" leaves out declared conflicts: proposals/review/permissions.py.

# --- Collaboration projects -----------------------------------------------------------


@predicate(_("この協働事業の担当課の職員ではありません。"))
def is_project_department_staff(user, project) -> bool:
    return project is not None and _department_staff(user, project.department_id)


@predicate(_("この協働事業の相手方の団体の代表者または編集者ではありません。"))
def is_project_partner(user, project) -> bool:
    return (
        project is not None
        and user.is_authenticated
        and Membership.objects.filter(
            user=user,
            organization__projects=project,
            role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        ).exists()
    )


# The city's party to a project (the workflow's DEPARTMENT role).
is_project_city_party = (is_project_department_staff | acts_citywide).because(
    _("この協働事業の担当課の職員、協働推進担当、管理者だけが行えます。"),
    name="is_project_city_party",
)

rules.add_perm("proposals.manage_projects", is_city_staff)
# Turning an adopted proposal into a project: the proposal's department (or city-wide).
rules.add_perm("proposals.make_project", decides_proposal)
