"""The workspace's tabs: only those a person can have, with the counts shown as badges."""

from articles import workflow
from articles.models import Article
from articles.status import Status

LABELS = {
    "queue": "待我审核",
    "mine": "我的稿件",
    "returned": "已退回",
    "published": "已发布",
    "all": "全部稿件",
}


def tabs_for(user):
    """key -> label; 待我审核 only for someone whose role reviews (the workflow's permissions say so)."""
    reviews = bool(workflow.review_states(user))
    return {key: label for key, label in LABELS.items() if key != "queue" or reviews}


def lists_for(user):
    """Each tab's items, before search and ordering."""
    visible = Article.objects.for_user(user)
    return {
        "queue": visible.awaiting(user),
        "mine": visible.filter(created_by=user),
        "returned": visible.filter(status=Status.RETURNED),
        "published": visible.filter(status__in=[Status.PUBLISHED, Status.SCHEDULED]),
        "all": visible,
    }


def badges_for(user):
    """The numbers on the tabs: items awaiting this person's decision, and their own returned items."""
    counts = {"returned": Article.objects.returned_to(user).count()}
    if workflow.review_states(user):
        counts["queue"] = Article.objects.awaiting(user).count()
    return counts
