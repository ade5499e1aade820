from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("letters/", views.letter_list, name="list"),
    path("letters/write/", views.write, name="write"),
    path("letters/status/", views.status, name="status"),
]
