from django.contrib import admin
from solo.admin import SingletonModelAdmin

from .models import SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(SingletonModelAdmin):
    """The admin's 网站信息 opens the one profile's form, creating the row on an empty database."""

    fieldsets = [
        (None, {"fields": ["site_name", "county"]}),
        (
            "页脚标识",
            {
                "fields": [
                    "organizer",
                    "operator",
                    "icp_number",
                    "police_record_number",
                    "police_record_code",
                    "website_code",
                ]
            },
        ),
        ("联系方式", {"fields": ["address", "phone", "email"]}),
        ("党政机关标识", {"fields": ["government_mark_url"]}),
        ("全站变灰（哀悼日）", {"fields": ["mourning", "mourning_from", "mourning_until"]}),
    ]
