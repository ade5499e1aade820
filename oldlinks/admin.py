"""Admin: 导入跳转 on Django's redirects, and 最近的404 with its action 设为跳转."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.redirects.admin import RedirectAdmin as DjangoRedirectAdmin
from django.contrib.redirects.models import Redirect
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from . import importing
from .forms import ImportForm
from .models import NotFoundPath

admin.site.unregister(Redirect)


@admin.register(Redirect)
class RedirectAdmin(DjangoRedirectAdmin):
    list_display = ["old_path", "new_path"]
    list_filter = []
    change_list_template = "admin/redirects/redirect/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="redirects_redirect_import"), *super().get_urls()]

    def get_changeform_initial_data(self, request):
        return {"site": settings.SITE_ID, **super().get_changeform_initial_data(request)}

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        report = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data["file"].read()
            try:
                report = importing.import_csv(
                    data, skip_bad=form.cleaned_data["skip_bad"], dry_run=form.cleaned_data["dry_run"]
                )
            except importing.UnreadableFile as error:
                form.add_error("file", f"没有导入任何跳转：{error}")
            else:
                level = messages.SUCCESS if report.applied else messages.WARNING
                if form.cleaned_data["dry_run"] and not report.errors:
                    level = messages.INFO
                self.message_user(request, report.summary, level)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "导入跳转",
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/oldlinks/import.html", context)


@admin.register(NotFoundPath)
class NotFoundPathAdmin(admin.ModelAdmin):
    list_display = ["path", "hits", "last_seen", "first_seen", "referrer"]
    search_fields = ["path", "referrer"]
    readonly_fields = ["path", "hits", "first_seen", "last_seen", "referrer"]
    actions = ["make_redirects"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_redirect_permission(self, request):
        return request.user.has_perm("redirects.add_redirect")

    @admin.action(description="设为跳转", permissions=["redirect"])
    def make_redirects(self, request, queryset):
        """An intermediate page: a new address for each chosen 404; all are created, or none (with the reasons)."""
        found = list(queryset.order_by("-hits", "path"))
        report = None
        targets = {item.pk: request.POST.get(f"target-{item.pk}", "").strip() for item in found}
        if "apply" in request.POST:
            pairs = [(item.pk, item.path, targets[item.pk]) for item in found]
            report = importing.plan(pairs)
            for row in report.rows:
                if not row.new:
                    row.outcome, row.reason = importing.ERROR, "请填写新网址"
            if report.errors:
                self.message_user(request, "没有创建任何跳转：有的行有误，请改正。", messages.ERROR)
            else:
                importing.apply(report)
                made = [row for row in report.rows if row.outcome in (importing.IMPORTED, importing.UPDATED)]
                NotFoundPath.objects.filter(pk__in=[item.pk for item in found]).delete()
                self.message_user(request, f"已设为跳转：{len(made)} 个。{report.summary}", messages.SUCCESS)
                return None
        reasons = {row.line: row for row in report.rows} if report else {}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "设为跳转",
            "items": [(item, targets[item.pk], reasons.get(item.pk)) for item in found],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/oldlinks/make_redirects.html", context)
