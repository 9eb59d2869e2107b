"""The organization's workflow table: the support office verifies a registration or returns it.

A registration is private until verified; a returned one goes back to the office
when its members save it again. None of these moves is public: an organization
becomes public by being verified, not by a line on a timeline.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Transition, Workflow, moves

from .models import Organization, OrganizationStatusChange
from .permissions import is_org_editor, is_support_staff, refusal

S = Organization.Status
OFFICE = "office"  # the support office (and administrators)
EDITOR = "editor"  # the organization's representative or editors

TRANSITIONS: list[Transition] = [
    *moves("verify", [S.PENDING], S.VERIFIED, {OFFICE}, _("確認して公開する"), style="success"),
    *moves(
        "reject",
        [S.PENDING],
        S.REJECTED,
        {OFFICE},
        _("理由を添えて差し戻す"),
        comment_required=True,
        style="warning",
    ),
    *moves("resubmit", [S.REJECTED], S.PENDING, {EDITOR}, _("直して確認を依頼する")),
]

ORGANIZATION_WORKFLOW = Workflow(
    name="organization",
    transitions=TRANSITIONS,
    roles={OFFICE: is_support_staff, EDITOR: is_org_editor},
    audit_model=OrganizationStatusChange,
    subject_field="organization",
    explain=refusal,
)
