from django.urls import path

from . import letter_views, views, wechat_views

app_name = "workspace"
urlpatterns = [
    path("", views.index, name="index"),
    path("articles/new/", views.article_new, name="article_new"),
    path("articles/import/", views.article_import, name="article_import"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("articles/<int:pk>/delete/", views.article_delete, name="article_delete"),
    path("articles/<int:pk>/do/<slug:action>/", views.article_action, name="article_action"),
    path("articles/<int:pk>/leader-link/", views.send_leader_link, name="send_leader_link"),
    path("articles/<int:pk>/revisions/", views.revisions, name="revisions"),
    path("articles/<int:pk>/revisions/compare/", views.revision_compare, name="revision_compare"),
    path("articles/<int:pk>/revisions/<int:number>/restore/", views.revision_restore, name="revision_restore"),
    path("batch/", views.batch_action, name="batch"),
    path("bin/", views.recycle_bin, name="recycle_bin"),
    path("bin/<int:pk>/restore/", views.bin_restore, name="bin_restore"),
    path("bin/<int:pk>/purge/", views.bin_purge, name="bin_purge"),
    path("articles/<int:pk>/attachments/<int:attachment>/", views.attachment, name="attachment"),
    path("images/upload/", views.image_upload, name="image_upload"),
    path("approve/<str:token>/", views.leader_approval, name="leader_approval"),
    path("letters/", letter_views.letter_list, name="letters"),
    path("letters/export.csv", letter_views.letter_export, name="letters_export"),
    path("letters/<int:pk>/", letter_views.letter_detail, name="letter"),
    path("letters/<int:pk>/do/<slug:action>/", letter_views.letter_action, name="letter_action"),
    path("articles/<int:pk>/wechat/", wechat_views.article_wechat, name="article_wechat"),
]
