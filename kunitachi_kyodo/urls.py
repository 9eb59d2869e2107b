from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("record/", views.record, name="record"),
    path("mypage/", views.MyPageView.as_view(), name="mypage"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("kunitachi_kyodo.notifications.urls")),
    path("", include("organizations.urls")),
    path("", include("proposals.guideline.urls")),
    path("", include("proposals.calls.urls")),
    path("", include("proposals.proposals.urls")),
    path("", include("proposals.review.urls")),
    path("", include("proposals.projects.urls")),
]
