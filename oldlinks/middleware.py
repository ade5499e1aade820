"""Old addresses: a redirect when one is known, else the 404 is noted for 最近的404. Only 404 responses pay."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from . import notfound, rules

# Staff areas: their 404s are not old links.
STAFF_PREFIXES = ("/workspace/", "/accounts/")


def find_redirect(path, query):
    """The redirect stored for this address: the one naming its query first, then the path's."""
    # A decoded NUL (?page=%00) is no stored address, and PostgreSQL refuses it in a query.
    keys = [key for key in rules.request_keys(path, query) if "\x00" not in key]
    found = dict(
        Redirect.objects.filter(site_id=settings.SITE_ID, old_path__in=keys).values_list("old_path", "new_path")
    )
    return next((found[k] for k in keys if k in found), None)


def _same(target, asked):
    try:
        return not rules.host_of(target) and rules.key(target) == rules.key(asked)
    except rules.NotAPath:
        return False


class OldLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = request.path
        if path.startswith((*STAFF_PREFIXES, "/" + settings.ADMIN_URL.lstrip("/"))) or notfound.is_junk(path):
            return response
        query = request.META.get("QUERY_STRING", "")
        target = find_redirect(path, query)
        if target is None:
            notfound.record(request.get_full_path(), request.headers.get("referer", ""))
            return response
        if not target:  # an admin's redirect without a target: the page is gone for good
            return render(request, "404.html", status=410)
        if _same(target, request.get_full_path()):
            return response  # a redirect to itself would loop
        return HttpResponsePermanentRedirect(target)
