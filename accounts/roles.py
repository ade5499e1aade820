"""
The four roles of the editorial workflow, as Django groups with their permissions.

Admins assign people to roles in the admin. The mapping below is applied by a migration and again
after every `migrate` (post_migrate), so a changed mapping reaches existing sites on deploy.
"""

from django.db import models


class Role(models.TextChoices):
    EDITOR = "通讯员", "乡镇通讯员"
    TOWNSHIP_REVIEWER = "乡镇审核", "乡镇审核"
    COUNTY_REVIEWER = "县级终审", "县级终审"
    ADMIN = "管理员", "管理员"

    @property
    def township_bound(self):
        """Editors and township reviewers act for one township only."""
        return self in (Role.EDITOR, Role.TOWNSHIP_REVIEWER)


_ARTICLE_READ = [
    "articles.view_article",
    "articles.view_revision",
    "articles.add_uploadedimage",
    "reports.view_workreport",
    "townships.add_figure",
]

# 留言: township staff answer their township's letters; reviewers (and only they) see the writer's contact details.
_LETTER_ANSWER = ["letters.view_letter", "letters.answer_letter"]

ROLE_PERMISSIONS = {
    Role.EDITOR: [
        *_ARTICLE_READ,
        "articles.add_article",
        "articles.change_article",
        "articles.submit_article",
        "reports.add_workreport",
        *_LETTER_ANSWER,
    ],
    # Township reviewers edit while an item is in their review (workflow.EDITABLE), not drafts.
    Role.TOWNSHIP_REVIEWER: [
        *_ARTICLE_READ,
        "articles.review_township",
        "articles.override_checks",
        *_LETTER_ANSWER,
        "letters.view_letter_contact",
    ],
    Role.COUNTY_REVIEWER: [
        *_ARTICLE_READ,
        "articles.add_article",
        "articles.change_article",
        "articles.submit_article",
        "articles.review_county",
        "articles.force_publish",
        "articles.withdraw_article",
        "articles.act_for_all_townships",
        "articles.override_checks",
        "reports.add_workreport",
        "reports.view_dashboard",
        "reports.add_adoption",
        "reports.view_adoption",
        *_LETTER_ANSWER,
        "letters.review_letter",
        "letters.view_letter_contact",
        "letters.act_for_all_townships",
        "letters.export_letter",
    ],
    # Admins run the site: every permission of these apps (articles, townships, columns, users).
    Role.ADMIN: [
        "articles.*",
        "townships.*",
        "siteprofile.*",
        "accounts.*",
        "reports.*",
        "letters.*",
        "auth.view_group",
        "redirects.*",
        "oldlinks.*",
    ],
}


def sync_roles(apps=None, **kwargs):
    """Create the role groups and give each exactly its permissions (idempotent)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or global_apps
    # Permissions are normally created after migrate, app by app; make sure all exist first.
    for app_config in apps.get_app_configs():
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True  # migration state stubs have none
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        permissions = []
        for entry in wanted:
            app_label, codename = entry.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label)
            if codename != "*":
                found = found.filter(codename=codename)
            permissions.extend(found)
        group.permissions.set(permissions)


def role_label(user):
    """The role a person acts in, for the audit trail."""
    if user.is_superuser:
        return "超级管理员"
    names = {g.name for g in user.groups.all()}
    return next((role.label for role in Role if role.value in names), "工作人员")
