"""A URLconf for the error-page test: the real site plus one view that fails."""

from django.urls import path

from dangjian.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret internal detail: database password is hunter2")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
