from django.apps import AppConfig


class InspectionConfig(AppConfig):
    """The national government-website indicators applied to this site: rules, dead links, tampering."""

    name = "inspection"
    verbose_name = "网站检查"

    def ready(self):
        from articles.signals import article_changed

        from .tamper import record_on_publish

        article_changed.connect(record_on_publish, dispatch_uid="inspection-fingerprint")
