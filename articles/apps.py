from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "栏目与文章"

    def ready(self):
        from . import signal_handlers
        from .search import warm_up

        warm_up()
        signal_handlers.connect()
