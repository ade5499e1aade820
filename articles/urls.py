from django.urls import path

from . import column_kinds, feeds, views

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    path("columns/<slug:slug>/", views.column_detail, name="column"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/views/", views.record_view, name="record_view"),
    path("articles/<int:article>/attachments/<int:pk>/<str:filename>", views.attachment_download, name="attachment"),
    path("search/", views.search, name="search"),
    path("feed/", feeds.LatestFeed(), name="feed"),
    path("columns/<slug:slug>/feed/", feeds.ColumnFeed(), name="column_feed"),
    path("columns/<slug:slug>/documents/", column_kinds.documents, name="column_documents"),
]
