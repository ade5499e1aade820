"""What publishing does after content changes: drop stale cached pages, rewrite static files."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from articles import pages
from articles.signals import article_changed
from core import pagecache
from core.redis_cache import cache_recovered

from .signals import article_pages_refreshed


def on_article_changed(sender, article, previous=None, **kwargs):
    tags = pages.tags_for_article(article, previous)
    pagecache.invalidate(*tags)
    from . import static_export

    if static_export.enabled():
        from .tasks import export_article_pages

        moved_from = {key: value for key, value in (previous or {}).items() if key in pages.PREVIOUS_KEYS}
        transaction.on_commit(lambda: export_article_pages.enqueue(article.pk, moved_from))
    article_pages_refreshed.send(sender=sender, article=article, previous=previous)


def on_article_deleted(sender, instance, **kwargs):
    """An article deleted in the admin disappears from caches and from the static copy at once."""
    pagecache.invalidate(f"article:{instance.pk}", "home", "articles", f"column:{instance.column_id}")
    from . import static_export

    if static_export.enabled():
        static_export.remove_article(instance)


def on_site_changed(sender, **kwargs):
    """Columns and the site profile show on every page (menu, footer)."""
    if kwargs.get("raw"):
        return  # loading a backup: restore clears every cache once at the end
    from django.core.cache import cache

    from articles.forms import CHOICES_KEY

    cache.delete(CHOICES_KEY)
    pagecache.invalidate("site", "home")
    from . import static_export

    if static_export.enabled():
        transaction.on_commit(static_export.schedule_full_export)


def on_township_data_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    township_id = getattr(instance, "township_id", None)
    initiative_id = getattr(instance, "initiative_id", None)
    if practice := getattr(instance, "practice", None):
        township_id, initiative_id = practice.township_id, practice.initiative_id
    pagecache.invalidate("home", "townships", f"township:{township_id}", f"initiative:{initiative_id}")
    from . import static_export

    if static_export.enabled():
        from .tasks import export_township_pages

        transaction.on_commit(lambda: export_township_pages.enqueue(township_id, initiative_id))


def on_cache_recovered(sender, **kwargs):
    """The shared cache answers again after an outage: whatever was deleted or bumped meanwhile was
    lost, so every cached page and fragment is stale, and so are the keys deleted on a change."""
    from django.core.cache import cache

    from articles.forms import CHOICES_KEY
    from articles.models.checks import SENSITIVE_CACHE_KEY

    cache.delete_many([CHOICES_KEY, SENSITIVE_CACHE_KEY])
    pagecache.forget_everything()


def connect():
    from articles.models import Column
    from siteprofile.models import SiteProfile
    from townships.models import Figure, Initiative, Practice, Township, Village

    article_changed.connect(on_article_changed, dispatch_uid="publishing-article-changed")
    cache_recovered.connect(on_cache_recovered, dispatch_uid="publishing-cache-recovered")
    for model in (Column, SiteProfile, Township, Initiative):
        post_save.connect(on_site_changed, sender=model, dispatch_uid=f"publishing-site-{model.__name__}")
        post_delete.connect(on_site_changed, sender=model, dispatch_uid=f"publishing-site-del-{model.__name__}")
    from articles.models import Article

    post_delete.connect(on_article_deleted, sender=Article, dispatch_uid="publishing-article-deleted")
    for model in (Practice, Figure, Village):
        post_save.connect(on_township_data_changed, sender=model, dispatch_uid=f"publishing-tw-{model.__name__}")
        post_delete.connect(on_township_data_changed, sender=model, dispatch_uid=f"publishing-tw-del-{model.__name__}")
