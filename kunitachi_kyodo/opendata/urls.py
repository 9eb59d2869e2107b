from django.urls import path

from . import views

app_name = "opendata"

# Stable URLs: a dataset's slug never changes once published (other sites link its files).
urlpatterns = [
    path("opendata/", views.catalog, name="catalog"),
    path("opendata/catalog.json", views.catalog_json, name="catalog_json"),
    path("opendata/<slug:slug>/", views.dataset_detail, name="dataset"),
    path("opendata/<slug:slug>.csv", views.dataset_csv_download, name="csv"),
    path("opendata/<slug:slug>.json", views.dataset_json_download, name="json"),
    path("opendata/<slug:slug>/dictionary/", views.dictionary, name="dictionary"),
    path("opendata/<slug:slug>/dictionary.csv", views.dictionary_download, name="dictionary_csv"),
]
