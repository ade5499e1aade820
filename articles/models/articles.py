import datetime
import html

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django_prose_editor.fields import ProseEditorField

from accounts.roles import role_label
from articles import workflow
from articles.richtext import BODY_CONFIG, sanitize_body
from articles.signals import article_changed
from articles.status import Status

from .attachments import Attachment
from .audit import AuditEntry
from .columns import Column
from .deletions import RecycleBinMixin
from .revisions import Revision

# The one list of what an editor writes: the workspace and admin forms edit these, a revision keeps and
# restores them (REVISION_FIELDS), the diff compares them under their verbose names (diffing.FIELD_LABELS).
EDITABLE_FIELDS = [
    "title",
    "subtitle",
    "column",
    "township",
    "initiatives",
    "event_date",
    "source",
    "authors",
    "editor",
    "original_url",
    "summary",
    "body",
    "cover",
    "ends_at",
]
# Placement on the site, also set in the forms; not content, so not kept in revisions.
PLACEMENT_FIELDS = ["is_pinned", "is_headline"]


class ContentBlocked(ValidationError):
    """Submission refused: the text still has placeholders or 错敏词 (the findings say where)."""

    def __init__(self, findings):
        self.findings = findings
        super().__init__([f"{f.label}：{f.message}（“{f.excerpt}”）" for f in findings])


class EditConflict(Exception):
    """Someone saved the article after this form was loaded; the save was refused, nothing overwritten."""

    def __init__(self, latest_revision):
        self.latest_revision = latest_revision
        when = timezone.localtime(latest_revision.created_at).strftime("%Y-%m-%d %H:%M:%S")
        super().__init__(f"这篇稿件已于 {when} 被 {latest_revision.author_name} 修改，您的修改尚未保存。")


# Published means approved, live and public: the workflow sets 发布时间 at that moment (a future
# publication is 定时发布, its own state), so no clock comparison is needed. The one definition:
# the ORM (published_q), Article.is_public, the raw search SQL and inspection all read it.
PUBLISHED = {"status": Status.PUBLISHED, "is_internal": False}


def published_q(prefix=""):
    """Published articles as a Q; `prefix` follows a relation ("articles__", "article__")."""
    return Q(**{prefix + field: value for field, value in PUBLISHED.items()})


# An item may end (公示期 over, 定时下线): the worker stamps ended_at once ends_at has passed. Its page stays
# readable; lists keep it under 「已结束」 or drop it, as its column chooses (Column.ended_items).


def running_q(prefix=""):
    """Published and not ended: what counts as a column's current content (and as an update)."""
    return published_q(prefix) & Q(**{prefix + "ended_at__isnull": True})


def listed_q(prefix=""):
    """What public lists show: published, minus ended items of the columns that hide them."""
    hidden = Q(**{prefix + "ended_at__isnull": False, prefix + "column__ended_items": Column.EndedItems.HIDE})
    return published_q(prefix) & ~hidden


class ArticleQuerySet(models.QuerySet):
    def published_q(self):
        return published_q()

    def published(self):
        return self.filter(self.published_q())

    def listed(self):
        """What the public lists, feeds and sitemap show (see listed_q)."""
        return self.filter(listed_q())

    def running(self):
        return self.filter(running_q())

    def due_to_end(self, now=None):
        """Published items whose 结束时间 has passed and that have not been ended yet."""
        return self.filter(running_q(), ends_at__lte=now or timezone.now())

    def in_column(self, column):
        """A column's articles, including those of its sub-columns (ids from the cached menu when visible)."""
        from articles import navigation

        visible = navigation.node(column.pk)
        if visible is not None:
            ids = [c.pk for c in navigation.walk([visible])]
        else:
            return self.filter(Q(column=column) | Q(column__parent=column) | Q(column__parent__parent=column))
        return self.filter(column_id__in=ids) if len(ids) > 1 else self.filter(column_id=column.pk)

    def for_listing(self):
        """Only what a list shows (title, date, pin); pinned items first, then newest."""
        return self.only("id", "title", "published_at", "is_pinned", "ended_at").order_by(
            "-is_pinned", "-published_at", "-id"
        )

    def latest_first(self):
        return self.order_by("-published_at", "-id")

    def for_user(self, user):
        """What a staff member may see: county roles everything, township roles their township."""
        if user.has_perm(workflow.ALL_TOWNSHIPS):
            return self
        if user.township_id is None:
            return self.none()
        return self.filter(township_id=user.township_id)

    def awaiting(self, user):
        """待我审核: items in a review state that `user` may decide on."""
        return self.for_user(user).filter(status__in=workflow.review_states(user))

    def returned_to(self, user):
        """已退回 items `user` wrote: the ones waiting for their revision."""
        return self.for_user(user).filter(status=Status.RETURNED, created_by=user)

    def search_title(self, text):
        """The workspace's 搜索: titles containing `text` (blank: everything)."""
        text = (text or "").strip()
        return self.filter(title__icontains=text) if text else self

    def with_latest_return(self):
        """Prefetch each item's 退回 entries, newest first, so Article.latest_return() costs no query."""
        returns = AuditEntry.objects.filter(action=AuditEntry.Action.RETURNED).order_by("-created_at", "-id")
        return self.prefetch_related(Prefetch("audit", queryset=returns, to_attr="returns"))

    def due_for_publishing(self, now=None):
        return self.filter(status=Status.SCHEDULED, scheduled_at__lte=now or timezone.now())


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    """Article.objects: everything except what lies in the recycle bin (Article.all_objects has it all)."""

    def get_queryset(self):
        return super().get_queryset().exclude(status=Status.DELETED)


class Article(RecycleBinMixin, models.Model):
    """A news item or report. The public sees it only once it is published."""

    Status = Status

    title = models.CharField("标题", max_length=120)
    subtitle = models.CharField("副标题", max_length=120, blank=True)
    column = models.ForeignKey(Column, verbose_name="栏目", on_delete=models.PROTECT, related_name="articles")
    township = models.ForeignKey(
        "townships.Township",
        verbose_name="乡镇",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="县级新闻留空。",
    )
    initiatives = models.ManyToManyField(
        "townships.Initiative", verbose_name="党建+ 项目", blank=True, related_name="articles"
    )
    source = models.CharField("来源", max_length=100, blank=True)
    authors = models.CharField("作者", max_length=200, blank=True, help_text="多位作者用空格分隔。")
    editor = models.CharField("责任编辑", max_length=50, blank=True)
    original_url = models.URLField("原文链接", max_length=500, blank=True)
    cover = models.ImageField("封面图片", upload_to="covers/%Y/%m/", blank=True)
    summary = models.TextField("摘要", max_length=500, blank=True)
    body = ProseEditorField("正文", config=BODY_CONFIG, sanitize=True, blank=True)
    event_date = models.DateField("活动日期", null=True, blank=True, help_text="报道事件发生的日期，与发布时间无关。")
    # Set by the system at the moment of publishing, never typed in: backdating is an inspection fault.
    published_at = models.DateTimeField("发布时间", null=True, blank=True, editable=False, db_index=True)
    scheduled_at = models.DateTimeField("定时发布时间", null=True, blank=True, editable=False)
    status = models.CharField("状态", max_length=20, choices=Status, default=Status.DRAFT, editable=False)
    assigned_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="指定审核人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    latest_revision = models.ForeignKey(
        Revision, verbose_name="当前版本", on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    withdrawn_at = models.DateTimeField("撤稿时间", null=True, blank=True, editable=False)
    ends_at = models.DateTimeField(
        "结束时间",
        null=True,
        blank=True,
        help_text="公示期满或定时下线的时间；到期后按栏目设置不再列出或标注“已结束”。留空则长期有效。",
    )
    # Stamped by the worker when ends_at passes (end_when_due); cleared when ends_at is moved later.
    ended_at = models.DateTimeField("到期结束时间", null=True, blank=True, editable=False)
    # Word-segmented copies of the text for full-text search (articles/search.py), refreshed on save.
    search_title = models.TextField(editable=False, blank=True, default="")
    search_body = models.TextField(editable=False, blank=True, default="")
    view_count = models.PositiveIntegerField("浏览次数", default=0)
    is_pinned = models.BooleanField("置顶", default=False)
    is_headline = models.BooleanField("焦点图", default=False, help_text="在首页焦点图中显示，需要封面图片。")
    # Internal items (e.g. a work report kept for the county) go through review but never reach the public.
    is_internal = models.BooleanField("仅内部", default=False, help_text="审定后不在网站公开，仅工作人员可见。")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ArticleManager()
    # Including the recycle bin: the bin itself, purge, backups (dumpdata --all), static export.
    all_objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "文章"
        verbose_name_plural = "文章"
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            # Column lists: pinned first, then newest; the index gives that order without sorting.
            models.Index(
                fields=["column", "status", "is_internal", "-is_pinned", "-published_at", "-id"],
                name="article_column_listing2",
            ),
            models.Index(fields=["township", "status", "-published_at"], name="article_township_published"),
            # 焦点图: not a partial index, which SQLite cannot use for a parameterised `is_headline = ?`.
            models.Index(fields=["is_headline", "status", "-published_at", "-id"], name="article_headlines2"),
        ]
        permissions = [
            ("submit_article", "可以提交稿件审核"),
            ("review_township", "可以进行乡镇审核"),
            ("review_county", "可以进行县级终审和发布"),
            ("force_publish", "可以紧急发布通知公告"),
            ("withdraw_article", "可以撤稿"),
            ("act_for_all_townships", "可以处理所有乡镇的稿件"),
            ("override_checks", "可以忽略内容检查的拦截（需填写理由）"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitise on every save path (admin, import, scripts), not only in forms.
        self.body = sanitize_body(self.body or "")
        self.refresh_search_text()
        extra = {"body", "search_title", "search_body"}
        if self.ended_at and (self.ends_at is None or self.ends_at > timezone.now()):
            self.ended_at = None  # the end was moved later (or removed): the item runs again
            extra.add("ended_at")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *extra}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:article", args=[self.pk])

    def clean(self):
        if self.is_headline and not self.cover:
            raise ValidationError({"is_headline": "设为焦点图的文章需要上传封面图片。"})
        start = self.published_at or self.scheduled_at
        if self.ends_at and start and self.ends_at <= start:
            when = timezone.localtime(start).strftime("%Y-%m-%d %H:%M")
            raise ValidationError({"ends_at": f"结束时间必须晚于发布时间（{when}）。"})

    def refresh_search_text(self):
        from articles.search import segment
        from core.textutil import html_paragraphs

        self.search_title = segment(self.title)
        self.search_body = segment(" ".join([self.subtitle, self.summary, *html_paragraphs(self.body)]))

    @property
    def is_public(self):
        return all(getattr(self, field) == value for field, value in PUBLISHED.items())

    @property
    def has_ended(self):
        return self.ended_at is not None

    @property
    def body_html(self):
        # The one place the body is marked safe: save() always runs it through the nh3 allow-list.
        return mark_safe(self.body)  # noqa: S308

    @property
    def excerpt(self):
        """The summary, or the start of the body when the editor wrote none: plain text (entities decoded),
        so the template escapes it once (a body's `&lt;` is shown as `<`, not as `&amp;lt;`)."""
        return self.summary or Truncator(" ".join(html.unescape(strip_tags(self.body)).split())).chars(90)

    def neighbours(self):
        """(上一篇, 下一篇): the newer and the older published article in the same column, in one query."""
        siblings = Article.objects.listed().filter(column_id=self.column_id)
        same_time = Q(published_at=self.published_at)
        newer = siblings.filter(Q(published_at__gt=self.published_at) | same_time & Q(id__gt=self.id))
        older = siblings.filter(Q(published_at__lt=self.published_at) | same_time & Q(id__lt=self.id))
        pair = Article.objects.filter(
            Q(pk__in=newer.order_by("published_at", "id").values("pk")[:1])
            | Q(pk__in=older.order_by("-published_at", "-id").values("pk")[:1])
        ).only("id", "title", "published_at", "ended_at")
        newer_one = older_one = None
        for other in pair:
            if (other.published_at, other.id) > (self.published_at, self.id):
                newer_one = other
            else:
                older_one = other
        return newer_one, older_one

    def related(self, limit=6):
        """相关新闻: the latest from the same township or sharing a 党建+ initiative."""
        initiative_ids = [i.pk for i in self.initiatives.all()]
        match = Q(initiatives__in=initiative_ids) if initiative_ids else Q()
        if self.township_id:
            match |= Q(township_id=self.township_id)
        if not match:
            match = Q(column_id=self.column_id)
        candidates = Article.objects.listed().filter(match).exclude(pk=self.pk)
        # distinct() over the M2M join would need every ordered column selected; a subquery avoids it.
        return list(
            Article.objects.filter(pk__in=candidates.values("pk"))
            .only("id", "title", "published_at", "ended_at")
            .latest_first()[:limit]
        )

    def latest_return(self):
        """The reviewer's latest 退回 (who, role, when, comment) while the item is 已退回; else None."""
        if self.status != Status.RETURNED:
            return None
        if hasattr(self, "returns"):  # with_latest_return()
            return self.returns[0] if self.returns else None
        return self.audit.filter(action=AuditEntry.Action.RETURNED).order_by("-created_at", "-id").first()

    def delete_draft(self, *, by):
        """An editor's 删除草稿: into the recycle bin like every deletion (workflow.can_move_to_bin)."""
        return self.move_to_bin(by=by)

    def get_workspace_url(self):
        return reverse("workspace:article", args=[self.pk])

    # ---- revisions -------------------------------------------------------------------------

    def snapshot(self):
        data = {name: getattr(self, name) for name in REVISION_FIELDS}
        data["cover"] = self.cover.name or ""
        data["event_date"] = self.event_date.isoformat() if self.event_date else None
        data["ends_at"] = self.ends_at.isoformat() if self.ends_at else None
        data["initiative_ids"] = sorted(self.initiatives.values_list("pk", flat=True)) if self.pk else []
        data["attachments"] = Attachment.objects.snapshot_of(self) if self.pk else []
        return data

    @transaction.atomic
    def save_revision(self, *, by, base_revision_id=None, initiatives=None, note="", action=None, attachments=None):
        """Save the article and keep a revision; refuse if someone saved since `base_revision_id`.

        `attachments`, when given, is called with the saved article to write its 附件 before the snapshot.
        """
        creating = self.pk is None
        if not creating:
            current = Article.objects.select_for_update().select_related("column").get(pk=self.pk)
            if current.latest_revision_id != base_revision_id:
                raise EditConflict(current.latest_revision)
            if by is not None and not workflow.can_edit(current, by):
                # Someone moved it (submitted, withdrawn …) since this form was opened.
                raise PermissionDenied(f"这篇稿件现在是“{current.get_status_display()}”状态，您不能再修改。")
        if creating and by is not None:
            self.created_by = by
        if creating:
            self.save()
        else:
            # Content only: the state fields belong to the workflow and may have moved meanwhile.
            self.save(update_fields=CONTENT_FIELDS)
        if initiatives is not None:
            self.initiatives.set(initiatives)
        if attachments is not None:
            attachments(self)
        default_action = AuditEntry.Action.CREATED if creating else AuditEntry.Action.EDITED
        return self.record_revision(by=by, note=note, action=action or default_action)

    def record_revision(self, *, by, note="", action=AuditEntry.Action.EDITED):
        """Snapshot the saved article as its next revision and note it in the audit trail."""
        previous = self.latest_revision.data if self.latest_revision else None
        if self.status == Status.PUBLISHED:
            # A correction to a live article: caches and static pages must follow (also if it moved column).
            transaction.on_commit(lambda: article_changed.send(sender=Article, article=self, previous=previous))
        number = (self.latest_revision.number if self.latest_revision else 0) + 1
        revision = Revision.objects.create(article=self, number=number, data=self.snapshot(), created_by=by, note=note)
        self.latest_revision = revision
        Article.objects.filter(pk=self.pk).update(latest_revision=revision)
        self.log(action, by=by, comment=note, revision=revision)
        return revision

    def restore_revision(self, revision, *, by):
        """Bring back an old revision's content as a new revision (history is never rewritten)."""
        if not workflow.can_edit(self, by):
            raise PermissionDenied("当前状态下您不能修改这篇稿件。")
        data = revision.data
        for name in REVISION_FIELDS:
            if name == "event_date":
                self.event_date = data.get(name) and datetime.date.fromisoformat(data[name])
            elif name == "ends_at":
                self.ends_at = data.get(name) and datetime.datetime.fromisoformat(data[name])
            else:
                setattr(self, name, data.get(name, getattr(self, name)))
        return self.save_revision(
            by=by,
            base_revision_id=self.latest_revision_id,
            initiatives=data.get("initiative_ids", []),
            attachments=(lambda a: Attachment.objects.replace(a, data["attachments"]))
            if "attachments" in data
            else None,
            note=f"恢复自第{revision.number}版",
            action=AuditEntry.Action.RESTORED,
        )

    # ---- workflow: each transition checks the rules, records who/when/why, then notifies ------

    def log(self, action, *, by, comment="", from_status="", to_status="", revision=None, actor_name="", role=""):
        return AuditEntry.objects.create(
            article=self,
            action=action,
            from_status=from_status,
            to_status=to_status,
            actor=by,
            actor_name=actor_name or (str(by) if by else "系统"),
            actor_role=role or (role_label(by) if by else "定时任务"),
            comment=comment,
            revision=revision or self.latest_revision,
        )

    @transaction.atomic
    def _move(self, action, *, by, to, audit_action, comment="", actor_name="", role="", **changes):
        # Re-read the row under a lock: a second reviewer clicking at the same moment must fail.
        locked = Article.objects.select_for_update().select_related("column").get(pk=self.pk)
        if by is not None:
            workflow.check(locked, action, by)
        elif locked.status not in workflow.TRANSITIONS[action].sources:  # the worker or a signed link
            raise workflow.TransitionNotAllowed(f"“{locked.get_status_display()}”状态的稿件不能执行此操作。")
        if workflow.TRANSITIONS[action].needs_comment and not comment.strip():
            raise ValidationError("请填写意见或理由。")
        if to in (Status.PUBLISHED, Status.SCHEDULED):
            from .disclosure import check_before_publishing

            check_before_publishing(locked, changes.get("published_at") or changes.get("scheduled_at"))
        from_status = locked.status
        Article.objects.filter(pk=self.pk).update(status=to, **changes)
        self.status = to
        for name, value in changes.items():
            setattr(self, name, value)
        entry = self.log(
            audit_action,
            by=by,
            comment=comment.strip(),
            from_status=from_status,
            to_status=to,
            actor_name=actor_name,
            role=role,
        )
        from articles import notifications

        transaction.on_commit(lambda: notifications.article_moved(self, entry))
        if Status.PUBLISHED in (from_status, to):
            transaction.on_commit(lambda: article_changed.send(sender=Article, article=self))
        return entry

    def content_findings(self):
        from articles import content_checks

        return content_checks.check_article(self)

    def submit(self, *, by, reviewer=None, confidentiality_confirmed=False, comment="", override_reason=""):
        """Send to 乡镇审核 (county-level items straight to 县级终审) after the 保密自查 and the checks.

        Placeholders and 错敏词 refuse the submission; a reviewer may override with a reason on record.
        """
        if not confidentiality_confirmed:
            raise ValidationError("提交前请确认已完成保密自查，稿件不含涉密信息。")
        target = Status.TOWNSHIP_REVIEW if self.township_id else Status.COUNTY_REVIEW
        if reviewer is not None and reviewer not in workflow.reviewers_for(self, target):
            raise ValidationError("所选审核人不能审核这篇稿件。")
        blocking = [f for f in self.content_findings() if f.blocking]
        if blocking and not override_reason.strip():
            raise ContentBlocked(blocking)
        if blocking:
            if not by.has_perm("articles.override_checks"):
                raise PermissionDenied("只有审核人员可以忽略内容检查的拦截。")
            with transaction.atomic():
                self.log(
                    AuditEntry.Action.CHECKS_OVERRIDDEN,
                    by=by,
                    comment=override_reason.strip() + "\n" + "；".join(f.message for f in blocking),
                )
                return self._submit_move(by, target, reviewer, comment, action="submit_override")
        return self._submit_move(by, target, reviewer, comment)

    def _submit_move(self, by, target, reviewer, comment, action="submit"):
        return self._move(
            action,
            by=by,
            to=target,
            audit_action=AuditEntry.Action.SUBMITTED,
            comment=comment or (f"保密自查已确认；指定审核人：{reviewer}" if reviewer else "保密自查已确认"),
            assigned_reviewer=reviewer,
        )

    def approve(self, *, by, comment=""):
        """乡镇审核通过: on to 县级终审."""
        return self._move(
            "approve",
            by=by,
            to=Status.COUNTY_REVIEW,
            audit_action=AuditEntry.Action.APPROVED,
            comment=comment,
            assigned_reviewer=None,
        )

    def return_to_editor(self, *, by, comment):
        return self._move("return", by=by, to=Status.RETURNED, audit_action=AuditEntry.Action.RETURNED, comment=comment)

    def publish(self, *, by, at=None, comment=""):
        """县级终审通过: live now (发布时间 = now), or at `at` through the scheduled-publishing worker."""
        now = timezone.now()
        if at is not None and at > now:
            return self._move(
                "publish",
                by=by,
                to=Status.SCHEDULED,
                audit_action=AuditEntry.Action.SCHEDULED,
                comment=comment or f"定时于 {timezone.localtime(at):%Y-%m-%d %H:%M} 发布",
                scheduled_at=at,
            )
        return self._move(
            "publish",
            by=by,
            to=Status.PUBLISHED,
            audit_action=AuditEntry.Action.PUBLISHED,
            comment=comment,
            published_at=now,
            scheduled_at=None,
        )

    def force_publish(self, *, by, reason):
        """Publish an urgent notice at once, skipping review; the written reason goes on record."""
        return self._move(
            "force_publish",
            by=by,
            to=Status.PUBLISHED,
            audit_action=AuditEntry.Action.FORCE_PUBLISHED,
            comment=reason,
            published_at=timezone.now(),
        )

    def withdraw(self, *, by, reason):
        """撤稿: the public page answers 410 from now on."""
        return self._move(
            "withdraw",
            by=by,
            to=Status.WITHDRAWN,
            audit_action=AuditEntry.Action.WITHDRAWN,
            comment=reason,
            withdrawn_at=timezone.now(),
        )

    def republish(self, *, column, by):
        """采用转载: a copy of this published item in a county column, published through the workflow.

        The copy is created like any article (first revision, 创建 entry) and then takes the
        "republish" transition, so it has its 发布 audit entry and article_changed like every publication.
        """
        if not self.is_public:
            raise workflow.TransitionNotAllowed("只能转载已发布的稿件。")
        with transaction.atomic():
            copy = Article(
                title=self.title,
                subtitle=self.subtitle,
                column=column,
                township=self.township,
                source=self.source or (self.township.name if self.township else ""),
                authors=self.authors,
                editor=str(by),
                summary=self.summary,
                body=self.body,
                cover=self.cover,
            )
            attachments = Attachment.objects.snapshot_of(self)
            copy.save_revision(
                by=by,
                initiatives=list(self.initiatives.all()),
                attachments=lambda a: Attachment.objects.replace(a, attachments),
                note=f"转载自乡镇稿件 {self.pk}",
            )
            copy._move(
                "republish",
                by=by,
                to=Status.PUBLISHED,
                audit_action=AuditEntry.Action.PUBLISHED,
                comment=f"采用转载自《{self.title}》",
                published_at=timezone.now(),
            )
        return copy

    def approve_by_link(self, *, leader_name, comment=""):
        """A township leader without an account approves through a signed link, under their own name."""
        return self._move(
            "approve",
            by=None,
            to=Status.COUNTY_REVIEW,
            audit_action=AuditEntry.Action.APPROVED,
            comment=comment,
            actor_name=leader_name,
            role="乡镇领导（审批链接）",
            assigned_reviewer=None,
        )

    def end_when_due(self, now=None):
        """Called by the worker once 结束时间 has passed: stamp ended_at, note it, refresh the pages.

        One UPDATE under the due_to_end filter, so two workers (or a rerun) end an item once; returns
        whether this call ended it.
        """
        now = now or timezone.now()
        with transaction.atomic():
            if not Article.objects.due_to_end(now).filter(pk=self.pk).update(ended_at=now):
                return False
            self.ended_at = now
            self.log(
                AuditEntry.Action.ENDED, by=None, comment=f"结束时间 {timezone.localtime(self.ends_at):%Y-%m-%d %H:%M}"
            )
            transaction.on_commit(lambda: article_changed.send(sender=Article, article=self))
        return True

    def publish_when_due(self):
        """Called by the scheduled-publishing worker; 发布时间 is the moment it actually goes live."""
        return self._move(
            "go_live",
            by=None,
            to=Status.PUBLISHED,
            audit_action=AuditEntry.Action.PUBLISHED,
            comment="定时发布",
            published_at=timezone.now(),
        )


# Derived from the model's _meta, so a field added to EDITABLE_FIELDS is kept, restored and saved everywhere.
# A revision snapshots attribute names ("column_id"); initiatives are added as a list of ids.
REVISION_FIELDS = [
    Article._meta.get_field(name).attname for name in EDITABLE_FIELDS if not Article._meta.get_field(name).many_to_many
]
# What save_revision writes: content and placement; the state fields belong to the workflow.
CONTENT_FIELDS = [*REVISION_FIELDS, *PLACEMENT_FIELDS, "is_internal", "updated_at"]
