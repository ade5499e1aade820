"""
The recycle bin (回收站): deleting an article is soft and can be undone for RETENTION_DAYS.

Deleting moves the item to Status.DELETED and opens an ArticleDeletion (who, when, the state it
left). Article.objects no longer finds it, so every list, page, feed, sitemap and search drops it;
Article.all_objects still does (the bin, purge, backups, static export). Restoring puts it back in
the state it left, except that a live (已发布) or scheduled item comes back as a draft needing
review again: nothing reappears on the public site without a reviewer's decision.

彻底删除 (purge) needs a written reason and blanks the text (body, summary, subtitle, cover, the
revisions' copies of them), but keeps the row, the title, every revision's number/author/time and
the whole audit trail: the record of who signed what off (谁签发谁负责) survives.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from articles import workflow
from articles.signals import article_changed
from articles.status import Status

from .attachments import Attachment
from .audit import AuditEntry
from .revisions import Revision

RETENTION_DAYS = 30
EXPIRED_REASON = "回收站保留期满"
# What a purge blanks, on the article and in each revision's data (the title stays, see above).
PURGED_TEXT_FIELDS = ["subtitle", "summary", "body", "source", "authors", "editor", "original_url"]
PURGED_MARK = "（内容已彻底删除）"
# States whose URL answers something public (200, or 410 once withdrawn): binning or restoring them
# changes what that URL and the lists say, so caches and the static copy must follow.
HAS_A_PUBLIC_PAGE = {Status.PUBLISHED, Status.WITHDRAWN}


class ArticleDeletionQuerySet(models.QuerySet):
    def in_bin(self):
        return self.filter(restored_at__isnull=True, purged_at__isnull=True)

    def expired(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
        return self.in_bin().filter(deleted_at__lte=cutoff)


class ArticleDeletion(models.Model):
    """One stay of an article in the recycle bin: deleted → restored, or deleted → purged."""

    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="+")
    status_before = models.CharField("删除前状态", max_length=20, choices=Status)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="删除人", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    deleted_by_name = models.CharField("删除人姓名", max_length=50)
    deleted_at = models.DateTimeField("删除时间", default=timezone.now, db_index=True)
    restored_at = models.DateTimeField("恢复时间", null=True, blank=True)
    purged_at = models.DateTimeField("彻底删除时间", null=True, blank=True)
    purged_by_name = models.CharField("彻底删除人", max_length=50, blank=True)
    purge_reason = models.TextField("彻底删除理由", blank=True)

    objects = ArticleDeletionQuerySet.as_manager()

    class Meta:
        ordering = ["-deleted_at", "-id"]
        verbose_name = "回收站记录"
        verbose_name_plural = "回收站记录"

    def __str__(self):
        return f"{self.deleted_by_name} 删除于 {timezone.localtime(self.deleted_at):%Y-%m-%d %H:%M}"

    @property
    def expires_at(self):
        return self.deleted_at + datetime.timedelta(days=RETENTION_DAYS)

    @property
    def days_left(self):
        """剩余天数: whole days until the automatic purge (0 on its last day)."""
        return max(0, (self.expires_at - timezone.now()).days)

    @property
    def restores_to(self):
        return restore_target(self.status_before)


def restore_target(status_before):
    """A live or scheduled item comes back as a draft (to be reviewed again); others as they were."""
    return Status.DRAFT if status_before in (Status.PUBLISHED, Status.SCHEDULED) else status_before


def _actor(by):
    from accounts.roles import role_label

    return (str(by), role_label(by)) if by else ("系统", "定时任务")


class RecycleBinMixin:
    """Article's 移入回收站 / 从回收站恢复 / 彻底删除. Each locks the row first, so a double click is harmless."""

    def _locked(self):
        return type(self).all_objects.select_for_update().select_related("column").get(pk=self.pk)

    def open_deletion(self):
        return ArticleDeletion.objects.in_bin().filter(article_id=self.pk).order_by("-deleted_at", "-id").first()

    @transaction.atomic
    def move_to_bin(self, *, by):
        locked = self._locked()
        if locked.status == Status.DELETED:
            return None  # already in the bin (a double click): the wish is fulfilled
        if not workflow.can_move_to_bin(locked, by):
            raise PermissionDenied("您没有权限删除这篇稿件。")
        name, _ = _actor(by)
        deletion = ArticleDeletion.objects.create(
            article_id=self.pk, status_before=locked.status, deleted_by=by, deleted_by_name=name
        )
        type(self).all_objects.filter(pk=self.pk).update(status=Status.DELETED, is_pinned=False, is_headline=False)
        self.status = Status.DELETED
        self.log(
            AuditEntry.Action.MOVED_TO_BIN,
            by=by,
            from_status=locked.status,
            to_status=Status.DELETED,
            comment=f"可在{RETENTION_DAYS}天内从回收站恢复",
        )
        if locked.status in HAS_A_PUBLIC_PAGE:
            locked.status = Status.DELETED
            transaction.on_commit(lambda: article_changed.send(sender=type(self), article=locked))
        return deletion

    @transaction.atomic
    def restore_from_bin(self, *, by):
        locked = self._locked()
        deletion = locked.open_deletion()
        if locked.status != Status.DELETED or deletion is None:
            raise workflow.TransitionNotAllowed("这篇稿件已不在回收站中。")
        if not workflow.can_restore(locked, deletion, by):
            raise PermissionDenied("您没有权限恢复这篇稿件。")
        target = deletion.restores_to
        changes = {"status": target}
        if deletion.status_before != target:
            changes.update(scheduled_at=None, assigned_reviewer=None)
        type(self).all_objects.filter(pk=self.pk).update(**changes)
        ArticleDeletion.objects.filter(pk=deletion.pk).update(restored_at=timezone.now())
        self.status = target
        note = (
            ""
            if target == deletion.status_before
            else f"删除前为“{Status(deletion.status_before).label}”，需重新审核发布"
        )
        self.log(AuditEntry.Action.RESTORED_FROM_BIN, by=by, from_status=Status.DELETED, to_status=target, comment=note)
        if deletion.status_before in HAS_A_PUBLIC_PAGE:  # its URL answered 404 meanwhile (perhaps cached)
            locked.status = target
            transaction.on_commit(lambda: article_changed.send(sender=type(self), article=locked))
        return target

    @transaction.atomic
    def purge(self, *, by, reason):
        """彻底删除: blank the text for good; the row, title, revision metadata and audit trail stay."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("彻底删除必须填写理由。")
        locked = self._locked()
        deletion = locked.open_deletion()
        if locked.status != Status.DELETED or deletion is None:
            raise workflow.TransitionNotAllowed("这篇稿件已不在回收站中。")
        if by is not None and not workflow.can_purge(locked, by):
            raise PermissionDenied("只有管理员可以彻底删除稿件。")
        name, _ = _actor(by)
        cover = locked.cover.name
        blank = dict.fromkeys(PURGED_TEXT_FIELDS, "")
        type(self).all_objects.filter(pk=self.pk).update(
            **{**blank, "body": f"<p>{PURGED_MARK}</p>"}, cover="", search_title="", search_body=""
        )
        for revision in Revision.objects.filter(article_id=self.pk):
            revision.data = {**revision.data, **blank, "cover": "", "attachments": [], "purged": True}
            revision.save(update_fields=["data"])
        # 附件 go with the text; a file a 采用转载 copy still lists is kept for it.
        attachments = Attachment.objects.filter(article_id=self.pk)
        files = [(a.file.storage, a.file.name) for a in attachments if a.file]
        attachments.delete()
        for storage, file_name in files:
            if not Attachment.objects.filter(file=file_name).exists():
                transaction.on_commit(lambda storage=storage, file_name=file_name: storage.delete(file_name))
        ArticleDeletion.objects.filter(pk=deletion.pk).update(
            purged_at=timezone.now(), purged_by_name=name, purge_reason=reason
        )
        self.log(AuditEntry.Action.PURGED, by=by, from_status=Status.DELETED, to_status=Status.DELETED, comment=reason)
        # A 采用转载 copy shares the cover file: delete the file only when nothing else shows it.
        if cover and not type(self).all_objects.filter(cover=cover).exclude(pk=self.pk).exists():
            storage = locked.cover.storage
            transaction.on_commit(lambda: storage.delete(cover))
        return deletion
