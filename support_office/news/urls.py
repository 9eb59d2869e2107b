from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("feed/", views.NewsFeed(), name="feed"),
    path("new/", views.post_create, name="create"),
    path("mine/", views.my_posts, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("<int:pk>/", views.post_detail, name="detail"),
    path("<int:pk>/edit/", views.post_edit, name="edit"),
    path("<int:pk>/act/<slug:action>/", views.post_act, name="act"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("subscribe/<str:token>/", views.subscribe_confirm, name="subscribe_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletter/", views.newsletter_current, name="newsletter_current"),
    path("newsletter/<int:year>/<int:month>/", views.newsletter_preview, name="newsletter_preview"),
    path("newsletter/<int:year>/<int:month>/send/", views.newsletter_send, name="newsletter_send"),
]
