from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """`manage.py backup OUT` and `manage.py restore IN`: the database and media with checksums. No models."""

    name = "backups"
    verbose_name = "备份与恢复"
