"""Static export as background work: each task rewrites files from the database as it is now, so a rerun
(or two queued one after the other) leaves the same files."""

from django.conf import settings
from django.tasks import task


@task
def export_site():
    """Rewrite the whole static copy (after a change every page shows, such as the menu or footer)."""
    from .static_export import export_all

    return export_all(settings.STATIC_EXPORT_DIR)


@task
def export_article_pages(article_id, previous=None):
    """Rewrite what a publish, edit or withdrawal of one article touched (its page, lists, feeds, neighbours)."""
    from articles.models import Article

    from . import static_export

    # all_objects: an item moved to the recycle bin must have its page removed too.
    article = Article.all_objects.filter(pk=article_id).select_related("column__parent", "township").first()
    if article is None:
        return  # deleted meanwhile: on_article_deleted removed its page
    static_export.update_for_article(article, previous)


@task
def export_township_pages(township_id, initiative_id):
    from . import static_export

    static_export.update_township_pages(township_id, initiative_id)
