from django.http import HttpResponse
from django.views.decorators.http import require_GET

from .models import SiteProfile

GREY = "html{filter:grayscale(100%);-webkit-filter:grayscale(100%)}\n"


@require_GET
def site_state_css(request):
    """A tiny stylesheet every public page links: empty, or grey during 全站变灰. Browsers keep it a
    minute, so the switch reaches cached and static pages without re-rendering them."""
    css = GREY if SiteProfile.current().mourning_active() else "/* normal */\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=60"
    return response
