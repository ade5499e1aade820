"""Background work of the inspection: the daily check, and fingerprinting a page once it is published."""

from django.core.management import call_command
from django.tasks import task


@task
def daily_inspection():
    """Dead links, tampering, published text and the rules, then the digest to the admins (periodic: once a day)."""
    call_command("inspect_site", "--check-links", "--check-tamper", "--check-content", "--email", verbosity=0)


@task
def record_fingerprint(article_id):
    """Fingerprint the approved page as served now, or forget it when the article is no longer public."""
    from articles.models import Article

    from .models import PageFingerprint
    from .tamper import record

    article = Article.objects.filter(pk=article_id).select_related("column__parent", "township").first()
    if article is not None and article.is_public:
        record(article)
    else:
        PageFingerprint.objects.filter(article_id=article_id).delete()
