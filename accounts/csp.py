"""The staff pages' Content-Security-Policy. Public pages keep the strict SECURE_CSP (no 'unsafe-inline');
the workspace, the accounts pages and the admin relax it with Django's csp_override, because the rich-text
editor needs inline styles and its import map."""

from django.conf import settings
from django.urls import URLResolver
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override


def staff_policy():
    policy = dict(settings.SECURE_CSP)
    policy["script-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
    policy["style-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
    return policy


def staff_csp(urls):
    """`urls` (what include() or admin.site.urls gives) with every view answering under the staff policy."""
    urlconf = urls[0] if isinstance(urls, tuple) else urls
    _decorate(getattr(urlconf, "urlpatterns", urlconf), csp_override(staff_policy()))
    return urls


def _decorate(patterns, decorator):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _decorate(pattern.url_patterns, decorator)
        else:
            pattern.callback = decorator(pattern.callback)
