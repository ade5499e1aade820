"""Inspection's listeners, connected in InspectionConfig.ready()."""

from publishing.signals import article_pages_refreshed

from .tamper import record_on_publish


def connect():
    # After publishing has refreshed the page, not on article_changed: the fingerprint is of the new page.
    article_pages_refreshed.connect(record_on_publish, dispatch_uid="inspection-fingerprint")
