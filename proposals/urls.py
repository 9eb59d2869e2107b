from django.urls import path

from .views import calls, guideline, proposals, staff

app_name = "proposals"

urlpatterns = [
    # The guideline
    path("guideline/", guideline.guideline_index, name="guideline_index"),
    path("guideline/<slug:slug>/", guideline.guideline_page, name="guideline_page"),
    path("guideline/<slug:slug>/history/", guideline.guideline_history, name="guideline_history"),
    path(
        "guideline/<slug:slug>/history/<int:number>/",
        guideline.guideline_revision,
        name="guideline_revision",
    ),
    # Calls (事業の提示)
    path("calls/", calls.call_list, name="call_list"),
    path("calls/feed/", calls.CallFeed(), name="call_feed"),
    path("calls/new/", calls.call_create, name="call_create"),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<int:pk>/publish/", calls.call_publish, name="call_publish"),
    path("calls/<int:pk>/close/", calls.call_close, name="call_close"),
    path(
        "calls/<int:pk>/files/<int:attachment_pk>/",
        calls.call_attachment_download,
        name="call_attachment_download",
    ),
    path("office/calls/", calls.staff_call_list, name="staff_call_list"),
    # Proposals (事業提案)
    path("proposals/", proposals.proposal_list, name="proposal_list"),
    path("proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("proposals/mine/", proposals.my_proposals, name="my_proposals"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/act/<slug:action>/", proposals.proposal_act, name="proposal_act"),
    path("proposals/<int:pk>/consultation/", proposals.consultation_post, name="consultation_post"),
    path(
        "proposals/<int:pk>/files/<int:attachment_pk>/",
        proposals.attachment_download,
        name="attachment_download",
    ),
    # City staff and the support office
    path("office/proposals/", staff.work_queue, name="work_queue"),
    path("office/proposals/<int:pk>/assign/", staff.assign_department, name="assign_department"),
]
