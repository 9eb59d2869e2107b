from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("<int:year>/", views.annual_report, name="annual_report"),
]
