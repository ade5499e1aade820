from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "township", "is_staff", "is_active", "last_login"]
    list_filter = ["groups", "township", "is_staff", "is_active"]
    search_fields = ["username", "full_name", "email", "phone"]
    list_select_related = ["township"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("个人信息", {"fields": ["full_name", "township", "phone", "email"]}),
        ("角色与权限", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("登录记录", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "full_name", "township", "password1", "password2"]}),
    ]
