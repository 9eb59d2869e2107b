from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("mypage/notifications/read/", views.mark_read, name="mark_read"),
]
