from django.urls import path

from .views import agreements, calls, guideline, projects, proposals, reporting, review, staff

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
    # Open review (公開審査): public pages, reviewers
    path("review/", review.review_index, name="review_index"),
    path("review/mine/", review.my_reviews, name="my_reviews"),
    path("review/rounds/<int:pk>/", review.round_results, name="round_results"),
    path(
        "review/rounds/<int:pk>/proposals/<int:proposal_pk>/score/",
        review.score_sheet,
        name="score_sheet",
    ),
    path(
        "review/rounds/<int:pk>/proposals/<int:proposal_pk>/conflict/",
        review.conflict_declare,
        name="conflict_declare",
    ),
    path("review/sessions/<int:pk>/", review.session_detail, name="session_detail"),
    path("review/sessions/<int:pk>/ical/", review.session_ical, name="session_ical"),
    # City staff and the support office
    path("office/proposals/", staff.work_queue, name="work_queue"),
    path("office/proposals/<int:pk>/assign/", staff.assign_department, name="assign_department"),
    # Open review: city staff
    path("office/review/", review.staff_round_list, name="staff_round_list"),
    path("office/review/<int:pk>/", review.round_manage, name="round_manage"),
    path("office/review/<int:pk>/proposals/", review.round_add_proposal, name="round_add_proposal"),
    path(
        "office/review/<int:pk>/reviewers/",
        review.round_assign_reviewer,
        name="round_assign_reviewer",
    ),
    path("office/review/<int:pk>/start/", review.round_start_scoring, name="round_start_scoring"),
    path(
        "office/review/<int:pk>/entries/<int:entry_pk>/decide/",
        review.entry_decide,
        name="entry_decide",
    ),
    path("office/review/<int:pk>/publish/", review.round_publish, name="round_publish"),
    path("office/review/<int:pk>/sessions/new/", review.session_create, name="session_create"),
    path("office/review/sessions/<int:pk>/edit/", review.session_edit, name="session_edit"),
    # Collaboration projects (協働事業)
    path("projects/", projects.project_list, name="project_list"),
    path("projects/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:pk>/agreement.pdf", agreements.agreement_pdf, name="agreement_pdf"),
    path("projects/<int:pk>/agreement/", agreements.agreement_edit, name="agreement_edit"),
    path(
        "projects/<int:pk>/agreement/confirm/",
        agreements.agreement_confirm,
        name="agreement_confirm",
    ),
    path(
        "projects/<int:pk>/agreement/new-version/",
        agreements.agreement_new_version,
        name="agreement_new_version",
    ),
    path("projects/<int:pk>/act/<slug:action>/", projects.project_act, name="project_act"),
    path("projects/<int:pk>/reports/request/", reporting.report_request, name="report_request"),
    path("projects/<int:pk>/reports/<int:report_pk>/", reporting.report_edit, name="report_edit"),
    path(
        "projects/<int:pk>/reports/<int:report_pk>/files/<int:attachment_pk>/",
        reporting.report_attachment_download,
        name="report_attachment_download",
    ),
    path(
        "projects/<int:pk>/evaluations/<slug:kind>/",
        reporting.evaluation_edit,
        name="evaluation_edit",
    ),
    path(
        "projects/<int:pk>/evaluations/<slug:kind>/publish/",
        reporting.evaluation_publish,
        name="evaluation_publish",
    ),
    path("projects/<int:pk>/direction/", reporting.direction_edit, name="direction_edit"),
    path(
        "projects/<int:pk>/direction/publish/",
        reporting.direction_publish,
        name="direction_publish",
    ),
    path(
        "proposals/<int:pk>/make-project/",
        projects.project_from_proposal,
        name="project_from_proposal",
    ),
    path("office/projects/", projects.rule_dashboard, name="rule_dashboard"),
    path("office/projects/new/", projects.project_create, name="project_create"),
]
