"""The 2026 official holiday calendar (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04), editable in the admin."""

import datetime

from django.db import migrations

HOLIDAYS = [
    ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
    ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
    ("清明节", "2026-04-04", "2026-04-06", []),
    ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
    ("端午节", "2026-06-19", "2026-06-21", []),
    ("中秋节", "2026-09-25", "2026-09-27", []),
    ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
]


def days():
    for name, first, last, workdays in HOLIDAYS:
        day, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        while day <= end:
            yield day, name, False
            day += datetime.timedelta(days=1)
        for workday in workdays:
            yield datetime.date.fromisoformat(workday), f"{name}调休", True


def seed(apps, schema_editor):
    Holiday = apps.get_model("letters", "Holiday")
    for day, name, is_workday in days():
        Holiday.objects.get_or_create(date=day, defaults={"name": name, "is_workday": is_workday})


def unseed(apps, schema_editor):
    apps.get_model("letters", "Holiday").objects.filter(date__year=2026).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
