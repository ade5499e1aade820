"""
Third-party ModelAdmins with Chinese labels where their English is not marked for translation.

django-otp's TOTP device admin names its fieldsets and its QR-code column in plain English, and
django-tasks-db and django-axes two of their columns each; the subclasses below keep their behaviour and change only the
words. Django's own boolean icons say "True"/"False" to screen readers; they say 是/否 here.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

FIELDSET_TITLES = {
    "Identity": "设备",
    "Timestamps": "时间",
    "Configuration": "参数",
    "State": "状态",
    "Throttling": "失败限制",
}


class ChineseTOTPDeviceAdmin(TOTPDeviceAdmin):
    search_help_text = "按用户名或电子邮件地址搜索"

    def get_fieldsets(self, request, obj=None):
        return [(FIELDSET_TITLES.get(title, title), options) for title, options in super().get_fieldsets(request, obj)]

    @admin.display(description="二维码")
    def qrcode_link(self, device):
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">查看二维码</a>', href)


class ChineseDBTaskResultAdmin(DBTaskResultAdmin):
    # The package's columns less the id (a UUID, named "Id"); the task's name opens the result.
    list_display = ("task", "status", "enqueued_at", "started_at", "finished_at", "priority", "queue_name")

    @admin.display(description="任务", ordering="task_path")
    def task(self, obj):
        return obj.task_name

    @admin.display(description="出错信息")
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description="最早执行时间")
    def display_run_after(self, obj):
        return super().display_run_after(obj)


class ChineseAccessAttemptAdmin(AccessAttemptAdmin):
    # django-axes names these two computed columns in English (their values are translated).
    @admin.display(description="到期时间")
    def expiration(self, obj):
        return super().expiration(obj)

    @admin.display(description="状态")
    def status(self, obj):
        return super().status(obj)


def _task_result_str(result):
    return f"任务 {result.task_path}"


_BOOLEAN_ALT = {True: "是", False: "否", None: "未知"}
_django_boolean_icon = admin_list._boolean_icon


def _boolean_icon(field_val):
    icon = _django_boolean_icon(field_val)
    return mark_safe(icon.replace(f'alt="{field_val}"', f'alt="{_BOOLEAN_ALT[field_val]}"'))  # noqa: S308 - Django's own markup


def register():
    for model, model_admin in (
        (TOTPDevice, ChineseTOTPDeviceAdmin),
        (DBTaskResult, ChineseDBTaskResultAdmin),
        (AccessAttempt, ChineseAccessAttemptAdmin),
    ):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
        admin.site.register(model, model_admin)
    DBTaskResult.__str__ = _task_result_str
    # display_for_field() imports it from admin_list when called, so both paths get the Chinese.
    admin_list._boolean_icon = _boolean_icon
