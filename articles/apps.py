from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "栏目与文章"

    def ready(self):
        from . import navigation
        from .models import Article, Column, SensitiveTerm
        from .models.checks import SENSITIVE_CACHE_KEY
        from .search import warm_up
        from .signals import article_changed

        warm_up()

        # The cached menu hides columns with nothing published, so it depends on both models.
        def invalidate_navigation(**kwargs):
            navigation.invalidate()

        article_changed.connect(invalidate_navigation, dispatch_uid="nav-article-changed")
        for model in (Article, Column):
            post_save.connect(invalidate_navigation, sender=model, dispatch_uid=f"nav-save-{model.__name__}")
            post_delete.connect(invalidate_navigation, sender=model, dispatch_uid=f"nav-delete-{model.__name__}")

        # A changed 错敏词 list: drop the cached list, then re-scan everything published.
        def sensitive_terms_changed(**kwargs):
            if kwargs.get("raw"):
                return  # loading a backup, not an admin's edit
            from django.core.cache import cache
            from django.db import transaction

            from background.queue import enqueue_once

            from .tasks import rescan_published_articles

            cache.delete(SENSITIVE_CACHE_KEY)
            transaction.on_commit(lambda: enqueue_once(rescan_published_articles))

        post_save.connect(sensitive_terms_changed, sender=SensitiveTerm, dispatch_uid="sensitive-save")
        post_delete.connect(sensitive_terms_changed, sender=SensitiveTerm, dispatch_uid="sensitive-delete")
