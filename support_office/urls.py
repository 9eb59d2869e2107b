"""The support office's pages under /office/: the hub, then one include per function app."""

from django.urls import include, path

from . import views

app_name = "support_office"

urlpatterns = [
    path("office/", views.office_home, name="home"),
    path("office/surveys/", include("support_office.surveys.urls")),
    path("office/consultations/", include("support_office.consultations.urls")),
    path("office/news/", include("support_office.news.urls")),
    path("office/report/", include("support_office.reports.urls")),
    path("office/events/", include("support_office.events.urls")),
    path("office/board/", include("support_office.coordination.urls")),
    path("office/talent/", include("support_office.talent.urls")),
]
