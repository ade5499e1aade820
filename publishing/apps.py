from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """Delivering the public site fast: page cache, shared view counts, static publishing. No models."""

    name = "publishing"
    verbose_name = "发布与缓存"

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401 (checks registers itself)

        signal_handlers.connect()
