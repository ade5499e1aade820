from .models import SiteProfile


def site(request):
    """Expose the site profile as `site` to every template (footer, titles)."""
    return {"site": SiteProfile.current()}
