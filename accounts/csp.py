"""Django's CSP middleware, with one relaxation: the staff pages' rich-text editor needs inline styles
and its import map. Public pages keep the strict SECURE_CSP (no 'unsafe-inline')."""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils.csp import CSP

STAFF_PREFIXES = ("/workspace/", "/accounts/")


def staff_policy():
    policy = dict(settings.SECURE_CSP)
    policy["script-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
    policy["style-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
    return policy


class SiteCSPMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        admin = "/" + settings.ADMIN_URL.lstrip("/")
        if request.path.startswith((*STAFF_PREFIXES, admin)) and not hasattr(response, "_csp_config"):
            response._csp_config = staff_policy()
        return super().process_response(request, response)
