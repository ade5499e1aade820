from django import forms
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html_join, strip_tags

from . import titles
from .content_checks import LABELS as ISSUE_LABELS
from .models import (
    Article,
    ArticleDeletion,
    AuditEntry,
    Column,
    ContentIssue,
    Disclosure,
    Revision,
    SensitiveTerm,
    UploadedImage,
)
from .models.articles import EDITABLE_FIELDS, PLACEMENT_FIELDS
from .status import Status


def labelled_filter(field, title, labels):
    """A sidebar filter for a code field without choices that names each code in Chinese."""

    class Filter(admin.SimpleListFilter):
        parameter_name = field

        def lookups(self, request, model_admin):
            return list(labels.items())

        def queryset(self, request, queryset):
            return queryset.filter(**{field: self.value()}) if self.value() else queryset

    Filter.title = title
    return Filter


@admin.register(Column)
class ColumnAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "parent",
        "kind",
        "update_class",
        "disclosure",
        "ended_items",
        "slug",
        "show_on_home",
        "sort_order",
    ]
    list_editable = ["sort_order", "show_on_home"]
    list_filter = ["kind", "update_class", "disclosure", "ended_items", "parent"]
    search_fields = ["name", "slug"]
    list_select_related = ["parent__parent"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "parent", "kind", "description", "sort_order", "show_on_home"]}),
        ("更新与到期", {"fields": ["update_class", "max_idle_days", "ended_items"]}),
        ("信息公开", {"fields": ["disclosure", "index_rule"]}),
        ("外链", {"fields": ["external_url"]}),
        ("专题", {"fields": ["banner", "intro"]}),
    ]


class DisclosureInline(admin.StackedInline):
    """信息公开要素: fill them in for items of a column that needs them; the 索引号 is generated on save."""

    model = Disclosure
    fk_name = "article"
    can_delete = True
    max_num = 1
    extra = 0
    readonly_fields = ["index_number"]
    fields = [
        "index_number",
        "issuer",
        "document_number",
        "written_on",
        "topic",
        "validity",
        "replaced_by",
        "interprets",
    ]
    raw_id_fields = ["replaced_by", "interprets"]


class ArticleAdminForm(forms.ModelForm):
    """Carries the revision the form was loaded from, so an admin cannot overwrite a newer edit."""

    base_revision = forms.IntegerField(label="打开时的版本", widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [*EDITABLE_FIELDS, *PLACEMENT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base_revision"].initial = self.instance.latest_revision_id
        if "title" in self.fields:
            titles.prepare_field(self.fields["title"])

    def clean_title(self):
        title = self.cleaned_data["title"]
        titles.validate(title)
        return title

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            latest = Article.objects.select_related("latest_revision__created_by").get(pk=self.instance.pk)
            if latest.latest_revision_id != cleaned.get("base_revision"):
                revision = latest.latest_revision
                raise forms.ValidationError(
                    f"这篇稿件已于 {revision.created_at:%Y-%m-%d %H:%M} 被 {revision.author_name} 修改，"
                    "为避免覆盖，本次修改未保存。请重新打开后再修改。"
                )
        return cleaned


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """For admins. Status changes happen in the workspace, where the workflow rules apply."""

    class Media:
        css = {"all": ["css/admin-lists.css"]}

    form = ArticleAdminForm
    inlines = [DisclosureInline]
    list_display = ["title", "column", "township", "status", "published_at", "view_count", "is_pinned", "is_headline"]
    list_filter = ["status", "column", "township", "is_pinned", "is_headline", "initiatives"]
    search_fields = ["title", "source", "authors"]
    date_hierarchy = "published_at"
    list_select_related = ["column__parent", "township"]
    filter_horizontal = ["initiatives"]
    readonly_fields = ["status", "published_at", "ended_at", "view_count", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "column", "township", "initiatives", "event_date", "base_revision"]}),
        ("署名", {"fields": ["source", "authors", "editor", "original_url"]}),
        ("内容", {"fields": ["cover", "summary", "body"]}),
        ("发布", {"fields": ["status", "published_at", "ends_at", "ended_at", "is_pinned", "is_headline"]}),
        ("记录", {"fields": ["view_count", "created_by", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.save()

    # Deleting in the admin moves to the recycle bin (回收站 in the workspace), like everywhere else:
    # the revisions and the audit trail stay, and the item can be restored for 30 days.
    def delete_model(self, request, obj):
        obj.move_to_bin(by=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article.move_to_bin(by=request.user)

    def get_deleted_objects(self, objs, request):
        """The confirmation page lists only the articles: nothing related is deleted with them."""
        to_delete = [str(obj) for obj in objs]
        perms_needed = set() if self.has_delete_permission(request) else {"文章"}
        return to_delete, {"文章": len(to_delete)}, perms_needed, []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Only now are the initiatives saved, so the revision snapshot is complete.
        action = AuditEntry.Action.EDITED if change else AuditEntry.Action.CREATED
        form.instance.record_revision(by=request.user, note="在管理后台修改", action=action)


@admin.register(ArticleDeletion)
class ArticleDeletionAdmin(admin.ModelAdmin):
    """Who put what in the recycle bin, when, and its fate; restore and purge happen in the workspace."""

    list_display = ["article", "status_before", "deleted_by_name", "deleted_at", "restored_at", "purged_at"]
    list_filter = ["status_before", "deleted_at", "purged_at"]
    search_fields = ["article__title", "deleted_by_name", "purge_reason"]
    list_select_related = ["article"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The filterable log of every transition, publish and withdrawal. Read-only by design."""

    list_display = [
        "created_at",
        "article",
        "action",
        "from_status_display",
        "to_status_display",
        "actor_name",
        "actor_role",
        "comment",
    ]
    list_filter = ["action", "actor_role", labelled_filter("to_status", "新状态", dict(Status.choices)), "created_at"]
    search_fields = ["article__title", "actor_name", "comment"]
    date_hierarchy = "created_at"
    list_select_related = ["article"]

    @admin.display(description="原状态", ordering="from_status")
    def from_status_display(self, entry):
        return entry.from_status_label

    @admin.display(description="新状态", ordering="to_status")
    def to_status_display(self, entry):
        return entry.to_status_label

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "created_by", "created_at", "note"]
    search_fields = ["article__title"]
    list_select_related = ["article", "created_by"]
    fields = ["article", "number", "created_by", "created_at", "note", "contents"]
    readonly_fields = ["contents"]

    @admin.display(description="内容")
    def contents(self, revision):
        """The saved fields under their Chinese names, rich text as plain text."""
        return format_html_join(
            "", "<p><strong>{}</strong>：{}</p>", ((label, value) for label, value in _labelled(revision.data))
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UploadedImage)
class UploadedImageAdmin(admin.ModelAdmin):
    list_display = ["alt_text", "width", "height", "uploaded_by", "created_at"]
    search_fields = ["alt_text"]


@admin.register(SensitiveTerm)
class SensitiveTermAdmin(admin.ModelAdmin):
    """The 错敏词 list. Saving or deleting a term re-scans every published article (admins get the result)."""

    list_display = ["wrong", "correct", "category", "severity", "is_active", "updated_at"]
    list_editable = ["is_active"]
    list_filter = ["category", "severity", "is_active"]
    search_fields = ["wrong", "correct", "note"]


@admin.register(ContentIssue)
class ContentIssueAdmin(admin.ModelAdmin):
    """What the last scan of published articles found."""

    list_display = ["article", "kind_display", "message", "excerpt", "found_at"]
    list_filter = [labelled_filter("kind", "类别", ISSUE_LABELS), "found_at"]
    search_fields = ["article__title", "message", "excerpt"]
    list_select_related = ["article"]
    fields = ["article", "kind_display", "message", "excerpt", "found_at"]
    readonly_fields = ["kind_display", "found_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="类别", ordering="kind")
    def kind_display(self, issue):
        return ISSUE_LABELS.get(issue.kind, issue.kind)


def _labelled(data):
    for key, value in data.items():
        try:
            label = Article._meta.get_field(key.removesuffix("_id")).verbose_name
        except FieldDoesNotExist:
            label = key
        yield label, strip_tags(str(value)) if value not in (None, "") else "—"
