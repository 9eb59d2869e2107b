from django.urls import path

from . import views

app_name = "calls"

urlpatterns = [
    path("calls/", views.call_list, name="call_list"),
    path("calls/feed/", views.CallFeed(), name="call_feed"),
    path("calls/new/", views.call_create, name="call_create"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", views.call_edit, name="call_edit"),
    path("calls/<int:pk>/publish/", views.call_publish, name="call_publish"),
    path("calls/<int:pk>/close/", views.call_close, name="call_close"),
    path(
        "calls/<int:pk>/files/<int:attachment_pk>/",
        views.call_attachment_download,
        name="call_attachment_download",
    ),
    path("calls/<int:pk>/briefings/ical/", views.call_briefings_ical, name="call_briefings_ical"),
    path(
        "calls/<int:pk>/briefings/<int:briefing_pk>/ical/",
        views.briefing_ical,
        name="briefing_ical",
    ),
    path("calls/<int:pk>/briefings/new/", views.briefing_create, name="briefing_create"),
    path(
        "calls/<int:pk>/briefings/<int:briefing_pk>/edit/",
        views.briefing_edit,
        name="briefing_edit",
    ),
    path(
        "calls/<int:pk>/briefings/<int:briefing_pk>/delete/",
        views.briefing_delete,
        name="briefing_delete",
    ),
    path("calls/<int:pk>/questions/ask/", views.question_ask, name="question_ask"),
    path("office/calls/", views.staff_call_list, name="staff_call_list"),
    path("office/calls/questions/", views.question_queue, name="question_queue"),
    path("office/calls/questions/<int:pk>/", views.question_answer, name="question_answer"),
    path("office/calls/questions/<int:pk>/hide/", views.question_hide, name="question_hide"),
]
