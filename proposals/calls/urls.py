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
    path("office/calls/", views.staff_call_list, name="staff_call_list"),
]
