from django.contrib import admin

from .models import Figure, Initiative, Practice, Township, Village


class VillageInline(admin.TabularInline):
    model = Village
    extra = 1
    fields = ["name", "kind", "sort_order"]


@admin.register(Township)
class TownshipAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "county", "party_branch_count", "party_member_count", "population", "sort_order"]
    list_editable = ["sort_order"]
    list_filter = ["kind", "county"]
    search_fields = ["name", "slug"]
    inlines = [VillageInline]


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "township"]
    list_filter = ["township", "kind"]
    search_fields = ["name"]
    list_select_related = ["township"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name"]


class FigureInline(admin.TabularInline):
    model = Figure
    extra = 1
    fields = ["label", "value", "unit", "as_of"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["township", "initiative", "started_on", "ended_on"]
    list_filter = ["initiative", "township"]
    list_select_related = ["township", "initiative"]
    inlines = [FigureInline]


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["label", "display_value", "unit", "as_of", "practice"]
    list_filter = ["unit", "practice__initiative", "practice__township"]
    search_fields = ["label"]
    list_select_related = ["practice__township", "practice__initiative"]

    @admin.display(description="数值")
    def display_value(self, figure):
        return figure.display_value
