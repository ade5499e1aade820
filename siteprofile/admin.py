from django.contrib import admin
from django.shortcuts import redirect

from .models import SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    """One row only: the list page goes straight to the edit form, and it cannot be deleted."""

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

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile = SiteProfile.current()
        return redirect("admin:siteprofile_siteprofile_change", profile.pk)
