"""Background work, through Django's task framework (the immediate backend runs it at once)."""

from django.tasks import task

from . import content_checks


@task
def rescan_published_articles():
    """After the 错敏词 list changes: re-check everything published and tell the admins."""
    issues = content_checks.rescan_published()
    content_checks.report_to_admins(issues)
    return len(issues)
