from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("", views.board, name="board"),
    path("feed/", views.BoardFeed(), name="feed"),
    path("new/", views.request_create, name="request_create"),
    path("manage/", views.office_list, name="office_list"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path("<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("<int:pk>/respond/", views.request_respond, name="request_respond"),
    path("<int:pk>/act/<slug:action>/", views.request_act, name="request_act"),
]
