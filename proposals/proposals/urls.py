from django.urls import path

from .views import notices, proposals, receipt, staff, steps, versions

app_name = "proposals"

urlpatterns = [
    path("proposals/", proposals.proposal_list, name="proposal_list"),
    path("proposals/new/", steps.proposal_create, name="proposal_create"),
    path("proposals/mine/", proposals.my_proposals, name="my_proposals"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    # The form in steps; "edit" opens its first step.
    path("proposals/<int:pk>/edit/", steps.proposal_step, name="proposal_edit"),
    path("proposals/<int:pk>/edit/<slug:step>/", steps.proposal_step, name="proposal_step"),
    path("proposals/<int:pk>/changes/", versions.proposal_changes, name="proposal_changes"),
    path(
        "proposals/<int:pk>/receipt.pdf", receipt.proposal_receipt_pdf, name="proposal_receipt_pdf"
    ),
    path("proposals/<int:pk>/notices/<int:notice_pk>.pdf", notices.notice_pdf, name="notice_pdf"),
    path("proposals/<int:pk>/act/<slug:action>/", proposals.proposal_act, name="proposal_act"),
    path("proposals/<int:pk>/consultation/", proposals.consultation_post, name="consultation_post"),
    path(
        "proposals/<int:pk>/files/<int:attachment_pk>/",
        proposals.attachment_download,
        name="attachment_download",
    ),
    path("office/proposals/", staff.work_queue, name="work_queue"),
    path("office/proposals/<int:pk>/assign/", staff.assign_department, name="assign_department"),
]
