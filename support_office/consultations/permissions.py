"""Who may read and keep the consultation log: the office only; the lead takes it out."""

import rules

from organizations.permissions import is_support_lead, is_support_staff

# The log is private to the office: organization members (even about their own
# organization), city staff and reviewers are refused.
rules.add_perm("consultations.view_consultation", is_support_staff)
rules.add_perm("consultations.log_consultation", is_support_staff)
# The private narratives leave the portal (a CSV) only through the office's lead.
rules.add_perm("consultations.export_consultations", is_support_lead)
