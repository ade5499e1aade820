"""The e-mail digest of an inspection, for the site's admins."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone

MARKS = {"pass": "✔", "fail": "✘", "unchecked": "？"}


def send_digest(inspection):
    admins = get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__name="管理员"), is_active=True)
    recipients = sorted({u.email for u in admins if u.email})
    if not recipients:
        return 0
    lines = [
        f"网站检查结果：{inspection.light_label}（{timezone.localtime(inspection.checked_at):%Y-%m-%d %H:%M}）",
        "",
    ]
    for rule in inspection.rules:
        mark = MARKS[rule.state]
        left = f"（距失分 {rule.days_left} 天）" if rule.days_left is not None and rule.passed else ""
        lines.append(f"{mark} {rule.title}{left}：{rule.detail}")
    soon = [c for c in inspection.columns if c.days_left is not None and not c.stale and c.days_left <= 3]
    if soon:
        lines += ["", "即将超期的栏目：", *[f"· {c.name}：还剩 {c.days_left} 天" for c in soon]]
    send_mail(
        f"【网站检查】{inspection.light_label}",
        "\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )
    return len(recipients)
