from django.contrib import admin

from .models import Holiday, Letter, LetterEvent


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name", "is_workday"]
    list_filter = ["is_workday"]
    date_hierarchy = "date"


class LetterEventInline(admin.TabularInline):
    model = LetterEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "by", "role", "comment", "created_at"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """For admins; the workspace is where letters are answered. Contact details need their own permission."""

    list_display = ["subject", "kind", "township", "status", "received_at", "answered_at"]
    list_filter = ["status", "kind", "township"]
    search_fields = ["subject"]
    readonly_fields = ["query_code", "received_at", "screening"]
    inlines = [LetterEventInline]

    def get_exclude(self, request, obj=None):
        if request.user.has_perm("letters.view_letter_contact"):
            return []
        return ["name", "phone"]
