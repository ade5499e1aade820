"""
Tamper watch: each approved article page is fingerprinted as served; a later check compares the
page being served (rendered now, the static file, or the live URL) with that fingerprint.

The fingerprint covers what a reader sees as the article: the headline and the body's HTML, taken
out of the page the same way both times, so menus, view counts and related links may change freely.
"""

import hashlib
import logging
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings

from .models import CheckRun, PageFingerprint, TamperAlert

logger = logging.getLogger(__name__)


def digest_of_page(html):
    soup = BeautifulSoup(html, "lxml")
    title = soup.select_one(".article__title")
    body = soup.select_one(".article__body")
    if title is None or body is None:
        return None
    text = title.get_text(" ", strip=True) + "\n" + body.decode_contents().strip()
    attachments = soup.select_one(".article__attachments")
    if attachments is not None:  # names, order and each file's SHA-256 (data-sha256) are part of what was approved
        text += "\n" + attachments.decode_contents().strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_article(article):
    from publishing.static_export import render

    status, body = render(article.get_absolute_url())
    return body.decode("utf-8") if status == 200 else ""


def record(article):
    """Remember the approved page (after publishing or an approved correction)."""
    digest = digest_of_page(render_article(article))
    if digest:
        PageFingerprint.objects.update_or_create(article=article, defaults={"digest": digest})


def record_on_publish(sender, article, **kwargs):
    """Queue the fingerprint: rendering the page is the worker's job, after the publish has committed."""
    from django.db import transaction

    from .tasks import record_fingerprint

    article_id = article.pk
    transaction.on_commit(lambda: record_fingerprint.enqueue(article_id))


def check(articles, fetch_live=None):
    """Compare every public article's served page with its fingerprint; returns new alerts."""
    alerts = []
    fingerprints = {f.article_id: f.digest for f in PageFingerprint.objects.filter(article__in=articles)}
    export = Path(settings.STATIC_EXPORT_DIR) if settings.STATIC_EXPORT_DIR else None
    for article in articles:
        expected = fingerprints.get(article.pk)
        if expected is None:
            continue
        sources = [("站点页面", render_article(article))]
        if export:
            from publishing.static_export import file_for

            static_file = export / file_for(article.get_absolute_url())
            if static_file.exists():
                sources.append((f"静态文件 {static_file}", static_file.read_text(encoding="utf-8")))
            alerts += check_attachment_files(article, export)
        if fetch_live:
            sources.append(("线上页面", fetch_live(article.get_absolute_url())))
        for where, html in sources:
            found = digest_of_page(html) if html else None
            if found and found != expected:
                alert, created = TamperAlert.objects.get_or_create(
                    article=article, where=where[:300], resolved=False, defaults={"expected": expected, "found": found}
                )
                if created:
                    alerts.append(alert)
                    logger.error("page of article %s served differently from what was approved (%s)", article.pk, where)
    CheckRun.record(CheckRun.Check.TAMPER)
    return alerts


def check_attachment_files(article, export):
    """The exported 附件 must hold the bytes that were approved (their SHA-256 is kept with the attachment)."""
    from publishing.static_export import attachment_file

    alerts = []
    for attachment in article.attachments.all():
        path = attachment_file(export, attachment)
        if not path.exists():
            continue
        found = hashlib.sha256(path.read_bytes()).hexdigest()
        if found != attachment.sha256:
            alert, created = TamperAlert.objects.get_or_create(
                article=article,
                where=f"静态附件 {path}"[:300],
                resolved=False,
                defaults={"expected": attachment.sha256, "found": found},
            )
            if created:
                alerts.append(alert)
                logger.error("attachment %s of article %s differs from the approved file", attachment.pk, article.pk)
    return alerts
