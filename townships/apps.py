from django.apps import AppConfig


class TownshipsConfig(AppConfig):
    name = "townships"
    verbose_name = "乡镇与党建+"
