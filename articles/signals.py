"""Signals the articles app sends after a change is committed; caches and exports listen (publishing/)."""

from django.dispatch import Signal

# Sent after an article's public face may have changed: published, edited, withdrawn, gone live.
# Arguments: article, previous (dict of the prior revision's data, or None).
article_changed = Signal()
# Sent after every published article's text was checked again (content_checks.rescan_published).
# Arguments: issues (the ContentIssue rows now recorded).
published_rescanned = Signal()
