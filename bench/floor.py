"""`dangjian_floor`: what Django itself allows under the same gunicorn settings.

One view returning a constant 11 KB page (the size of a dangjian article page) with no middleware,
no templates, no database and no cache: a page-cache hit is judged against this, since no cached
response through Django can be cheaper. Served by bench/run.sh as `gunicorn bench.floor:application`.
"""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-floor-not-secret",  # noqa: S106 (nothing to sign)
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_TZ=True,
    )

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

# 11 KB of HTML-shaped UTF-8 (Chinese text is 3 bytes a character), built once at import.
_LINE = "<p>党建引领聚合力，远门发展正当时。乡村振兴、平安建设、民族团结、产业振兴齐头并进。</p>\n"
PAGE = ("<!doctype html><html lang=zh-Hans><title>floor</title>\n" + _LINE * 88).encode()


def page(request, pk):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("articles/<int:pk>/", page)]
application = get_wsgi_application()
