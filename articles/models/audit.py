from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One thing that happened to an article: who (and in which role), when, from/to which state, why."""

    class Action(models.TextChoices):
        CREATED = "created", "创建"
        EDITED = "edited", "修改"
        RESTORED = "restored", "恢复版本"
        SUBMITTED = "submitted", "提交审核"
        APPROVED = "approved", "乡镇审核通过"
        RETURNED = "returned", "退回修改"
        PUBLISHED = "published", "终审发布"
        SCHEDULED = "scheduled", "定时发布"
        FORCE_PUBLISHED = "force_published", "紧急发布"
        WITHDRAWN = "withdrawn", "撤稿"
        LINK_SENT = "link_sent", "发送审批链接"
        CHECKS_OVERRIDDEN = "checks_overridden", "忽略内容检查"
        ENDED = "ended", "到期结束"
        MOVED_TO_BIN = "moved_to_bin", "移入回收站"
        RESTORED_FROM_BIN = "restored_from_bin", "从回收站恢复"
        PURGED = "purged", "彻底删除"

    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="audit")
    action = models.CharField("操作", max_length=20, choices=Action)
    from_status = models.CharField("原状态", max_length=20, blank=True)
    to_status = models.CharField("新状态", max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Snapshots: names and roles change, the record must not; a leader approving by link has no account.
    actor_name = models.CharField("操作人姓名", max_length=50)
    actor_role = models.CharField("角色", max_length=30, blank=True)
    comment = models.TextField("意见/理由", blank=True)
    revision = models.ForeignKey(
        "articles.Revision", verbose_name="版本", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "操作记录"
        verbose_name_plural = "操作记录"

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()}"

    @property
    def from_status_label(self):
        from articles.status import Status

        return Status(self.from_status).label if self.from_status else ""

    @property
    def to_status_label(self):
        from articles.status import Status

        return Status(self.to_status).label if self.to_status else ""
