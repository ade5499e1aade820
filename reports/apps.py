from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Work reports, their deadlines, and the county's assessment of township reporting (信息报送考核)."""

    name = "reports"
    verbose_name = "工作报告与考核"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
