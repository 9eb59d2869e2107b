from django.urls import path

from . import views

app_name = "guideline"

urlpatterns = [
    path("guideline/", views.guideline_index, name="guideline_index"),
    path("guideline/<slug:slug>/", views.guideline_page, name="guideline_page"),
    path("guideline/<slug:slug>/history/", views.guideline_history, name="guideline_history"),
    path(
        "guideline/<slug:slug>/history/<int:number>/",
        views.guideline_revision,
        name="guideline_revision",
    ),
]
