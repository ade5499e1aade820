from django.urls import path

from . import feeds
from . import township_views as views

app_name = "townships"
urlpatterns = [
    path("townships/", views.township_list, name="township_list"),
    path("townships/<slug:slug>/", views.township_detail, name="township"),
    path("townships/<slug:slug>/feed/", feeds.TownshipFeed(), name="township_feed"),
    path("initiatives/", views.initiative_list, name="initiative_list"),
    path("initiatives/<slug:slug>/feed/", feeds.InitiativeFeed(), name="initiative_feed"),
    path("initiatives/<slug:slug>/", views.initiative_detail, name="initiative"),
]
