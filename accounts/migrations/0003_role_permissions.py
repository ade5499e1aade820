from django.db import migrations


def grant_role_permissions(apps, schema_editor):
    from accounts.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("articles", "0002_workflow_revisions_audit"),
        ("townships", "0001_initial"),
        ("siteprofile", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_role_permissions, migrations.RunPython.noop)]
