from django.contrib import admin
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from . import rules
from .models import LinkCheck, TamperAlert


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """Link results, plus the inspection monitor page (监测总览)."""

    list_display = ["url", "ok", "status_code", "error", "on_home", "found_on", "checked_at"]
    list_filter = ["ok", "on_home"]
    search_fields = ["url", "found_on"]

    def get_urls(self):
        monitor = path("monitor/", self.admin_site.admin_view(self.monitor_view), name="inspection_monitor")
        return [monitor, *super().get_urls()]

    def monitor_view(self, request):
        year = timezone.localdate().year - 1
        context = {
            **self.admin_site.each_context(request),
            "title": "网站检查（全国政府网站检查指标）",
            "inspection": rules.inspect(),
            "annual_year": year,
            "annual": rules.annual_figures(year),
        }
        return render(request, "inspection/monitor.html", context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TamperAlert)
class TamperAlertAdmin(admin.ModelAdmin):
    list_display = ["article", "where", "detected_at", "resolved"]
    list_filter = ["resolved"]
    list_editable = ["resolved"]
    readonly_fields = ["article", "where", "expected", "found", "detected_at"]
