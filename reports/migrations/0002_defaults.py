from django.db import migrations


def add_defaults(apps, schema_editor):
    from reports.defaults import install

    install(apps)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
