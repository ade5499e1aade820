from django.apps import AppConfig


class InspectionConfig(AppConfig):
    """The national government-website indicators applied to this site: rules, dead links, tampering."""

    name = "inspection"
    verbose_name = "网站检查"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
