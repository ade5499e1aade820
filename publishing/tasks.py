from django.conf import settings
from django.tasks import task


@task
def export_site():
    """Rewrite the whole static copy (after a change every page shows, such as the menu or footer)."""
    from .static_export import export_all

    return export_all(settings.STATIC_EXPORT_DIR)
