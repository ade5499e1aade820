"""Signals publishing sends once the public copies of a change are fresh (caches dropped, static files rewritten)."""

from django.dispatch import Signal

# Sent after publishing has handled articles.signals.article_changed: whoever reads the public page
# of the article now (inspection's fingerprint) gets the new one, whatever the order of INSTALLED_APPS.
# Arguments: article, previous.
article_pages_refreshed = Signal()
