"""
The message channel (领导信箱 / 留言): letters from the public, their answers and the holiday calendar.

A writer's name and phone are kept for the unit that answers: no public page, feed or export shows
them (see letters.privacy). Each letter carries a 查询码 that lets its writer see its status.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

# No 0/O, 1/I/L: a code read out over the phone or copied by hand survives.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_query_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw):
    """What a writer types (spaces, dashes, lower case) as the stored code."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


class Holiday(models.Model):
    """A day that differs from the usual week: a 法定节假日 on a weekday, or a 调休 workday on a weekend."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField(
        "调休上班", default=False, help_text="勾选：这一天虽是周末，但要上班（调休）。不勾选：这一天放假。"
    )
    name = models.CharField("名称", max_length=30, blank=True, help_text="如“春节”。")

    class Meta:
        ordering = ["date"]
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}（{'上班' if self.is_workday else '放假'}）"


class LetterQuerySet(models.QuerySet):
    def open(self):
        """Letters still waiting for an answer that the public can see (not answered, not refused)."""
        return self.filter(status__in=Letter.OPEN_STATUSES)

    def public(self):
        """Answered letters whose writer agreed, and whose text passed screening."""
        return self.filter(status=Letter.Status.ANSWERED, publish_consent=True, screened_public=True)

    def for_user(self, user):
        """The letters a member of staff may see: their township's, or all of them for county roles."""
        if user.has_perm("letters.act_for_all_townships"):
            return self
        if user.has_perm("letters.view_letter") and user.township_id:
            return self.filter(township_id=user.township_id)
        return self.none()


class Letter(models.Model):
    class Kind(models.TextChoices):
        CONSULT = "consult", "咨询"
        SUGGEST = "suggest", "建议"
        COMPLAIN = "complain", "投诉"
        OTHER = "other", "其他"

    class Status(models.TextChoices):
        RECEIVED = "received", "待受理"
        HANDLING = "handling", "办理中"
        REVIEW = "review", "待审核"
        ANSWERED = "answered", "已答复"
        REFUSED = "refused", "不予受理"

    OPEN_STATUSES = (Status.RECEIVED, Status.HANDLING, Status.REVIEW)

    kind = models.CharField("类型", max_length=10, choices=Kind, default=Kind.CONSULT)
    subject = models.CharField("标题", max_length=60)
    body = models.TextField("内容", max_length=2000)
    township = models.ForeignKey(
        "townships.Township",
        verbose_name="涉及乡镇",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        help_text="留空表示县级办理。",
    )
    name = models.CharField("姓名", max_length=30)
    phone = models.CharField("联系电话", max_length=20)
    publish_consent = models.BooleanField("同意公开", default=False)
    query_code = models.CharField("查询码", max_length=CODE_LENGTH, unique=True, default=new_query_code)
    status = models.CharField("状态", max_length=10, choices=Status, default=Status.RECEIVED, db_index=True)
    received_at = models.DateTimeField("受理时间", auto_now_add=True, db_index=True)
    screening = models.JSONField("内容检查", default=list, blank=True)
    suspected_spam = models.BooleanField("疑似垃圾信息", default=False)
    # False when the writer's text has a 错敏词: answered, but never listed publicly.
    screened_public = models.BooleanField("内容可公开", default=True)
    answer = models.TextField("答复内容", blank=True, max_length=4000)
    answer_unit = models.CharField("答复单位", max_length=60, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_submitted_at = models.DateTimeField("答复提交时间", null=True, blank=True)
    answered_at = models.DateTimeField("答复日期", null=True, blank=True, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_comment = models.CharField("审核意见", max_length=300, blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "留言"
        verbose_name_plural = "留言"
        indexes = [
            models.Index(
                fields=["-answered_at"], name="letter_public_idx", condition=Q(status="answered", publish_consent=True)
            )
        ]
        permissions = [
            ("answer_letter", "答复留言"),
            ("review_letter", "审核留言答复"),
            ("view_letter_contact", "查看留言人姓名和电话"),
            ("act_for_all_townships", "办理全县留言"),
            ("export_letter", "导出留言"),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def unit_name(self):
        return self.township.name if self.township_id else "县级"


class LetterEvent(models.Model):
    """The letter's audit trail: who accepted, answered, reviewed or refused it, and when."""

    class Action(models.TextChoices):
        RECEIVED = "received", "收到留言"
        ACCEPTED = "accepted", "受理"
        ROUTED = "routed", "转办"
        DRAFTED = "drafted", "保存答复"
        SUBMITTED = "submitted", "提交审核"
        APPROVED = "approved", "审核通过并答复"
        RETURNED = "returned", "退回修改"
        REFUSED = "refused", "不予受理"
        REMINDED = "reminded", "发送提醒"

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=10, choices=Action)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField("角色", max_length=20, blank=True)
    comment = models.CharField("意见", max_length=300, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "留言办理记录"
        verbose_name_plural = "留言办理记录"

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"


class LetterReminder(models.Model):
    """A reminder sent for a letter at one point (2 working days left, overdue): never twice."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="reminders", verbose_name="留言")
    point = models.CharField("提醒节点", max_length=20)
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "留言提醒"
        constraints = [models.UniqueConstraint(fields=["letter", "point"], name="letter_reminder_once")]

    def __str__(self):
        return f"{self.letter_id}:{self.point}"
