from django.urls import path

from . import views

app_name = "talent"

urlpatterns = [
    path("", views.talent_search, name="search"),
    path("mine/", views.mine, name="mine"),
    path("mine/edit/", views.entry_edit, name="entry_edit"),
    path("mine/renew/", views.entry_renew, name="entry_renew"),
    path("mine/export.json", views.export_json, name="export_json"),
    path("mine/export.csv", views.export_csv, name="export_csv"),
    path("mine/delete/", views.entry_delete, name="entry_delete"),
    path("review/", views.review_queue, name="review_queue"),
    path("<int:pk>/", views.entry_detail, name="entry_detail"),
    path("<int:pk>/contact/", views.entry_contact, name="entry_contact"),
    path("<int:pk>/review/<slug:action>/", views.entry_review, name="entry_review"),
]
