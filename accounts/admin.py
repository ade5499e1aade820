from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm

from .models import User

# Django 6.1 appends an untranslatable English warning to this help text; the whole text in Chinese.
SIGN_IN_HELP = (
    "用户能否用密码登录。停用后仍可能通过其他方式登录（如单点登录）。"
    '<ul id="id_unusable_warning" class="messagelist"><li class="warning">停用后，该用户现在的密码将作废。</li></ul>'
)


class PasswordChangeForm(AdminPasswordChangeForm):
    usable_password_help_text = SIGN_IN_HELP


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    change_password_form = PasswordChangeForm
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
