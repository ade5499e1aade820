"""The county's starting report template and adoption outlets (a migration installs them; admins edit)."""

DEFAULT_SECTIONS = [
    {"title": "一、主要工作及成效", "items": ["（一）强化政治引领", "（二）夯实基层组织", "（三）推进党建+ 工作"]},
    {"title": "二、存在问题", "items": ["（一）", "（二）"]},
    {"title": "三、下一步工作措施", "items": ["（一）", "（二）", "（三）"]},
]
OUTLETS = [("县党建网转载", 5), ("市级媒体刊用", 10), ("省级媒体刊用", 20), ("中央媒体刊用", 40)]
TEMPLATE_NAME = "党建工作总结（县委组织部模板）"


def install(apps=None):
    """Create what is missing; never overwrite an admin's edits."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    apps.get_model("reports", "ReportTemplate").objects.get_or_create(
        name=TEMPLATE_NAME, defaults={"sections": DEFAULT_SECTIONS, "is_default": True}
    )
    Outlet = apps.get_model("reports", "Outlet")
    for order, (name, points) in enumerate(OUTLETS):
        Outlet.objects.get_or_create(name=name, defaults={"points": points, "sort_order": order})
