from django.urls import path

from .views import agreements, projects, reporting

app_name = "projects"

urlpatterns = [
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
