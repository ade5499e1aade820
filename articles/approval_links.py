"""
Signed, expiring approval links for a township leader who has no account.

The link carries the article, the submission it belongs to (that 提交审核 audit entry), the revision
the leader is asked to approve and the leader's name, signed with SECRET_KEY. It stops working after
LINK_DAYS, once the article leaves 乡镇待审, as soon as anyone edits the text (the revision no longer
matches), and for good once that submission is decided: a used link stays used even when the article
is returned and resubmitted unchanged, because the resubmission is a new audit entry.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse

from .models import Article, AuditEntry
from .status import Status

SALT = "articles.leader-approval"
LINK_DAYS = 3

logger = logging.getLogger(__name__)


class LinkInvalid(Exception):
    pass


def _current_submission_id(article):
    """The audit entry of the submission now under review: a link is good for that one only."""
    submissions = AuditEntry.objects.filter(article=article, action=AuditEntry.Action.SUBMITTED)
    return submissions.order_by("-id").values_list("pk", flat=True).first()


def make_token(article, leader_name):
    payload = {"a": article.pk, "s": _current_submission_id(article), "r": article.latest_revision_id, "n": leader_name}
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token):
    """Return (article, leader_name) if the link is still good, else raise LinkInvalid with a reason."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 3600)
    except signing.SignatureExpired as error:
        raise LinkInvalid(f"审批链接已超过 {LINK_DAYS} 天有效期，请联系乡镇审核人员重新发送。") from error
    except signing.BadSignature as error:
        raise LinkInvalid("审批链接无效。") from error
    article = Article.objects.filter(pk=payload["a"]).select_related("column", "township").first()
    if article is None or article.status != Status.TOWNSHIP_REVIEW:
        raise LinkInvalid("这篇稿件已不在乡镇审核阶段，链接已失效。")
    if payload.get("s") is None or payload["s"] != _current_submission_id(article):
        raise LinkInvalid("这个审批链接已经使用过或已被新的提交取代，请联系乡镇审核人员重新发送。")
    if article.latest_revision_id != payload["r"]:
        raise LinkInvalid("稿件在发送链接后又被修改过，链接已失效，请联系乡镇审核人员重新发送。")
    return article, payload["n"]


def send_link(article, *, by, leader_name, email):
    """Mail the leader a link; returns (link, mailed). When the mail server cannot be reached the
    link is still made and recorded, so the reviewer can pass it on another way."""
    token = make_token(article, leader_name)
    link = settings.SITE_URL.rstrip("/") + reverse("workspace:leader_approval", args=[token])
    try:
        send_mail(
            f"【请审批】{article.title}",
            f"{leader_name}同志：\n\n{by}请您审批稿件《{article.title}》。\n"
            f"打开以下链接即可阅读全文并审批（{LINK_DAYS} 天内有效）：\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
    except OSError as error:  # refused, timed out, or the server said no (smtplib errors are OSErrors)
        logger.warning("approval link for article %s not mailed: %s: %s", article.pk, type(error).__name__, error)
        article.log(
            AuditEntry.Action.LINK_SENT,
            by=by,
            comment=f"发送给 {leader_name}（{email}）时邮件未能发出，链接交审核人员转交",
        )
        return link, False
    article.log(AuditEntry.Action.LINK_SENT, by=by, comment=f"发送给 {leader_name}（{email}）")
    return link, True
