"""Inspection's listeners, connected in InspectionConfig.ready()."""

from articles.signals import published_rescanned
from publishing.signals import article_pages_refreshed

from .tamper import record_on_publish


def content_rescanned(sender, **kwargs):
    from .models import CheckRun

    CheckRun.record(CheckRun.Check.CONTENT)


def connect():
    published_rescanned.connect(content_rescanned, dispatch_uid="inspection-content-run")
    # After publishing has refreshed the page, not on article_changed: the fingerprint is of the new page.
    article_pages_refreshed.connect(record_on_publish, dispatch_uid="inspection-fingerprint")
