from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("calendar/<slug:kind>.ics", views.calendar, name="calendar_kind"),
    path("new/", views.event_create, name="create"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/act/<slug:action>/", views.event_act, name="act"),
    path("<int:pk>/event.ics", views.event_ical, name="ical"),
    path("<int:pk>/register/", views.event_register, name="register"),
    path("<int:pk>/cancel/", views.registration_cancel, name="cancel"),
    path("<int:pk>/accept/", views.offer_accept, name="accept"),
    path("<int:pk>/roll/", views.event_roll, name="roll"),
    path("<int:pk>/materials/", views.material_add, name="material_add"),
    path(
        "<int:pk>/materials/<int:material_pk>/",
        views.material_download,
        name="material_download",
    ),
    path("guest/<str:token>/cancel/", views.guest_cancel, name="guest_cancel"),
    path("guest/<str:token>/accept/", views.guest_accept, name="guest_accept"),
]
