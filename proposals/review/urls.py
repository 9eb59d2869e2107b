from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("review/", views.review_index, name="review_index"),
    path("review/mine/", views.my_reviews, name="my_reviews"),
    path("review/rounds/<int:pk>/", views.round_results, name="round_results"),
    path(
        "review/rounds/<int:pk>/proposals/<int:proposal_pk>/score/",
        views.score_sheet,
        name="score_sheet",
    ),
    path(
        "review/rounds/<int:pk>/proposals/<int:proposal_pk>/conflict/",
        views.conflict_declare,
        name="conflict_declare",
    ),
    path("review/sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("review/sessions/<int:pk>/ical/", views.session_ical, name="session_ical"),
    path("office/review/", views.staff_round_list, name="staff_round_list"),
    path("office/review/<int:pk>/", views.round_manage, name="round_manage"),
    path("office/review/<int:pk>/proposals/", views.round_add_proposal, name="round_add_proposal"),
    path(
        "office/review/<int:pk>/reviewers/",
        views.round_assign_reviewer,
        name="round_assign_reviewer",
    ),
    path("office/review/<int:pk>/start/", views.round_start_scoring, name="round_start_scoring"),
    path(
        "office/review/<int:pk>/entries/<int:entry_pk>/decide/",
        views.entry_decide,
        name="entry_decide",
    ),
    path("office/review/<int:pk>/publish/", views.round_publish, name="round_publish"),
    path("office/review/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("office/review/sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
]
