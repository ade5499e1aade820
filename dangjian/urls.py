"""URL configuration: the public site, the sitemap and robots.txt, and the admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.static import serve as static_serve

from accounts.csp import staff_csp
from articles import views as article_views
from articles.sitemaps import ArticleSitemap, ColumnSitemap, HomeSitemap
from letters.sitemaps import LetterSitemap
from siteprofile.views import site_state_css
from townships.sitemaps import InitiativeSitemap, TownshipSitemap

sitemaps = {
    "home": HomeSitemap,
    "columns": ColumnSitemap,
    "townships": TownshipSitemap,
    "initiatives": InitiativeSitemap,
    "articles": ArticleSitemap,
    "letters": LetterSitemap,
}

admin.site.site_header = "党建网站管理"
admin.site.site_title = "党建网站管理"
admin.site.index_title = "网站管理"

urlpatterns = [
    path(settings.ADMIN_URL, staff_csp(admin.site.urls)),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("sitemap/", article_views.site_map, name="site_map"),  # 网站地图 for people; the XML is for crawlers
    path("site-state.css", site_state_css, name="site_state_css"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("accounts/", staff_csp(include("accounts.urls"))),
    path("workspace/", staff_csp(include("workspace.urls"))),
    path("workspace/", staff_csp(include("reports.urls"))),
    path("", include("articles.urls")),
    path("", include("articles.township_urls")),
    path("", include("letters.urls")),
]


def serve_media(request, path):
    """Uploaded files, for development and tests; in production nginx serves /media/ itself."""
    if not (settings.DEBUG or settings.SERVE_MEDIA):
        raise Http404
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media)]
