from django.db import migrations

SINGLETON_ID = 1  # solo.models.DEFAULT_SINGLETON_INSTANCE_ID, fixed here as migrations must be


def keep_existing_row(apps, schema_editor):
    """django-solo reads the row with pk 1. Keep the profile a site already has: if it was stored
    under another pk (a fixture, a hand-made row), move it there; drop extra rows nobody saw."""
    SiteProfile = apps.get_model("siteprofile", "SiteProfile")
    rows = SiteProfile.objects.order_by("pk")
    if not rows.filter(pk=SINGLETON_ID).exists():
        first = rows.first()
        if first is None:
            return
        rows.filter(pk=first.pk).update(id=SINGLETON_ID)
    rows.exclude(pk=SINGLETON_ID).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("siteprofile", "0002_mourning_and_mark"),
    ]

    operations = [
        migrations.RunPython(keep_existing_row, migrations.RunPython.noop),
    ]
