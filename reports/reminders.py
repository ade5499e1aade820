"""Deadline reminders: township staff are e-mailed before a report period's deadline, once."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone

from articles.models import AuditEntry
from townships.models import Township

from .models import ReminderSent, ReportPeriod, WorkReport

DAYS_BEFORE = 3


def send_reminders(now=None, days=DAYS_BEFORE):
    """Mail every township that has not submitted for a period due within `days`; returns mails sent."""
    now = now or timezone.now()
    sent = 0
    for period in ReportPeriod.objects.due_soon(now, days):
        submitted = set(
            WorkReport.objects.filter(period=period, article__audit__action=AuditEntry.Action.SUBMITTED).values_list(
                "township_id", flat=True
            )
        )
        reminded = set(ReminderSent.objects.filter(period=period).values_list("township_id", flat=True))
        for township in Township.objects.exclude(pk__in=submitted | reminded):
            people = get_user_model().objects.filter(township=township, is_active=True).exclude(email="")
            if not people:
                continue
            deadline = timezone.localtime(period.deadline)
            send_mail(
                f"【报送提醒】{period.title}工作报告将于{deadline:%m月%d日 %H:%M}截止",
                f"{township.name}：\n\n{period.title}党建工作报告的报送截止时间为 {deadline:%Y年%m月%d日 %H:%M}，"
                f"目前尚未收到贵单位的报告。请登录工作台“工作报告”栏目填写并提交审核：\n"
                f"{settings.SITE_URL.rstrip('/')}/workspace/reports/\n",
                settings.DEFAULT_FROM_EMAIL,
                [p.email for p in people],
            )
            ReminderSent.objects.create(period=period, township=township)
            sent += 1
    return sent
