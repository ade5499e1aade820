"""Background work, through Django's task framework (the worker runs it; see background/)."""

from django.core.management import call_command
from django.tasks import task

from . import content_checks


@task
def rescan_published_articles():
    """After the 错敏词 list changes: re-check everything published and tell the admins."""
    issues = content_checks.rescan_published()
    content_checks.report_to_admins(issues)
    return len(issues)


@task
def publish_due_articles():
    """定时发布: publish what has come due (periodic; publishing an article twice is refused, so reruns are safe)."""
    call_command("publish_scheduled", verbosity=0)


@task
def flush_view_counts():
    """浏览次数 left in Redis by a worker that died before its own flush reach the database within a minute."""
    from . import viewcounts

    return viewcounts.flush()


@task
def end_due_articles():
    """到期结束: items whose 结束时间 has passed leave the lists or show 「已结束」 (periodic, every minute)."""
    from .models import Article

    ended = 0
    for article in Article.objects.due_to_end().select_related("column"):
        ended += article.end_when_due()
    return ended


@task
def purge_expired_articles():
    """回收站: items deleted more than 30 days ago are purged (periodic, daily at 03:00), reason on record."""
    from .models import ArticleDeletion
    from .models.deletions import EXPIRED_REASON

    purged = 0
    for deletion in ArticleDeletion.objects.expired().select_related("article"):
        deletion.article.purge(by=None, reason=EXPIRED_REASON)
        purged += 1
    return purged
