from django.contrib import admin
from django.urls import include, path

from . import request_size, syndication, views

feed_urls = [
    path("", syndication.feed_index, name="index"),
    path("all/", syndication.EverythingFeed(), name="all"),
    path("department/<int:pk>/", syndication.DepartmentFeed(), name="department"),
    path("field/<int:number>/", syndication.FieldFeed(), name="field"),
    path("calendar.ics", syndication.public_calendar, name="calendar"),
    path("<slug:slug>/", syndication.KindFeed(), name="kind"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.health, name="health"),
    path("errors/too-large/", request_size.too_large, name="too_large"),
    path("record/", views.record, name="record"),
    path("mypage/", views.MyPageView.as_view(), name="mypage"),
    path("feeds/", include((feed_urls, "feeds"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("kunitachi_kyodo.notifications.urls")),
    path("", include("kunitachi_kyodo.opendata.urls")),
    path("", include("organizations.urls")),
    path("", include("proposals.guideline.urls")),
    path("", include("proposals.calls.urls")),
    path("", include("proposals.proposals.urls")),
    path("", include("proposals.review.urls")),
    path("", include("proposals.projects.urls")),
    path("", include("kunitachi_kyodo.search.urls")),
    path("", include("support_office.urls")),
]
