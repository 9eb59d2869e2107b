from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.SurveyListView.as_view(), name="list"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/results/", views.survey_results, name="results"),
    path("<int:pk>/results.csv", views.survey_results_csv, name="results_csv"),
    path("manage/", views.office_list, name="office_list"),
    path("manage/new/", views.survey_create, name="create"),
    path("manage/<int:pk>/", views.survey_edit, name="edit"),
    path("manage/<int:pk>/questions/", views.question_add, name="question_add"),
    path(
        "manage/<int:pk>/questions/<int:question_pk>/delete/",
        views.question_delete,
        name="question_delete",
    ),
    path("manage/<int:pk>/publication/", views.results_choose, name="results_choose"),
    path("manage/<int:pk>/<slug:action>/", views.survey_move, name="move"),
]
