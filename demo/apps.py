from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for a fresh install: `manage.py load_demo`. Has no models."""

    name = "demo"
    verbose_name = "演示数据"
