"""
The admin in Chinese, third-party apps included, without forking them.

django-axes, django-otp and django-tasks-db ship no Chinese. Their app names come from the AppConfig
subclasses below (used in INSTALLED_APPS instead of the packages' own); their gettext strings are
translated in locale/zh_Hans/LC_MESSAGES/django.po; the few strings django-otp never marked for
translation are marked here (wrapped in gettext_lazy with the same English text, so migrations
still see the English and `makemigrations` finds nothing to do). DangjianConfig then names the
permissions in Chinese after every migrate and re-registers the third-party ModelAdmins
(dangjian/thirdparty_admin.py). docs/decisions.md says why.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "登录保护"

    def ready(self):
        super().ready()
        # Their names in lists and breadcrumbs (English f-strings in django-axes).
        self.get_model("AccessAttempt").__str__ = lambda a: f"{a.username} 的登录尝试"
        self.get_model("AccessLog").__str__ = lambda a: f"{a.username} 的登录记录"
        self.get_model("AccessFailureLog").__str__ = lambda a: f"{a.username} 的登录失败"


class TOTPConfig(TOTPAppConfig):
    verbose_name = "两步验证"

    def ready(self):
        super().ready()
        _mark_for_translation(self.get_model("TOTPDevice"))


class TasksDBConfig(TasksAppConfig):
    verbose_name = "后台任务队列"


def _lazy(text):
    # Already marked (a lazy string): leave it, or it would be frozen in today's language.
    return text if isinstance(text, Promise) else gettext_lazy(text)


def _mark_for_translation(model):
    """Route a model's untranslated English names through gettext (the .po has the Chinese)."""
    opts = model._meta
    opts.verbose_name = _lazy(opts.verbose_name)
    # Django's default plural is itself lazy ("{verbose_name}s"): its English text is the msgid.
    plural_given = "verbose_name_plural" in opts.original_attrs
    opts.verbose_name_plural = (
        _lazy(opts.verbose_name_plural) if plural_given else gettext_lazy(str(opts.verbose_name_plural))
    )
    for field in opts.get_fields():
        if getattr(field, "concrete", False):
            field.verbose_name = _lazy(field.verbose_name)
            if field.help_text:
                field.help_text = _lazy(field.help_text)


ACTIONS = {"add": "添加", "change": "修改", "delete": "删除", "view": "查看"}


def name_permissions(**kwargs):
    """Give Django's default permissions Chinese names: "Can add 文章" -> "可添加文章".

    Django stores "Can <action> <model>" in the database when it creates them, untranslated; the
    admin's permission lists show these names. Custom permissions already carry Chinese names.
    """
    from django.contrib.auth.models import Permission
    from django.utils import translation

    with translation.override("zh-hans"):
        for permission in Permission.objects.filter(name__startswith="Can ").select_related("content_type"):
            action = permission.codename.split("_", 1)[0]
            model = permission.content_type.model_class()
            if action not in ACTIONS or model is None:
                continue
            name = f"可{ACTIONS[action]}{model._meta.verbose_name}"[:255]
            Permission.objects.filter(pk=permission.pk).update(name=name)


def _name_through_models():
    """Auto-created many-to-many tables (用户 ↔ 组 …) appear on delete confirmations: name them too."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.auto_created:
            continue
        source, target = (f for f in opts.fields if f.is_relation)
        opts.verbose_name = format_lazy(
            "{}与{}的关联", source.related_model._meta.verbose_name, target.related_model._meta.verbose_name
        )
        model.__str__ = lambda self, s=source.name, t=target.name: f"{getattr(self, s)} · {getattr(self, t)}"


class DangjianConfig(AppConfig):
    name = "dangjian"
    verbose_name = "党建网站"

    def ready(self):
        from . import thirdparty_admin

        thirdparty_admin.register()
        _name_through_models()
        post_migrate.connect(name_permissions, dispatch_uid="dangjian-name-permissions")
