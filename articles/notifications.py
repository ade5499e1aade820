"""E-mail whoever an article now waits for. Queued after the transaction commits; never blocks a move."""

from django.conf import settings

from background.mail import send_mail

from . import workflow
from .status import Status


def recipients_for(article):
    if article.status in (Status.TOWNSHIP_REVIEW, Status.COUNTY_REVIEW):
        if article.assigned_reviewer_id and article.assigned_reviewer.is_active:
            return [article.assigned_reviewer]
        return list(workflow.reviewers_for(article, article.status))
    if article.status in (Status.RETURNED, Status.PUBLISHED, Status.WITHDRAWN) and article.created_by_id:
        return [article.created_by]
    return []


def article_moved(article, entry):
    people = [p for p in recipients_for(article) if p.email and p.pk != entry.actor_id]
    if not people:
        return
    link = settings.SITE_URL.rstrip("/") + article.get_workspace_url()
    lines = [
        f"稿件：{article.title}",
        f"状态：{entry.to_status_label}",
        f"操作：{entry.actor_name}（{entry.actor_role}）{entry.get_action_display()}",
    ]
    if entry.comment:
        lines.append(f"意见：{entry.comment}")
    lines += ["", f"请登录工作台处理：{link}"]
    # The worker sends it (background/mail.py logs a failure): a slow or absent mail server never holds up or
    # undoes the move, which is already recorded and shown in 待我审核.
    send_mail.enqueue(
        f"【{entry.to_status_label}】{article.title}",
        "\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        [p.email for p in people],
    )
