from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "用户与角色"

    def ready(self):
        # Also after the test runner's flush, which empties the groups a migration created.
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="accounts-sync-roles")


def sync_roles_after_migrate(sender, **kwargs):
    from .roles import sync_roles

    sync_roles()
