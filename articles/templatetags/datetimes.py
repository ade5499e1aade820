"""The one way a moment is written into HTML for machines: `<time datetime="…">`.

HTML allows at most three digits of a second's fraction, and stored moments carry six (`timezone.now()`), so Django's
`|date:'c'` and `isoformat()` make invalid pages. Readers and crawlers need no more than the second, and the text
beside the attribute never shows more, so the value is the local time cut to whole seconds.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_datetime(value):
    """`2026-03-05T09:02:03+08:00` for a datetime (in the site's zone), `2026-03-05` for a date, "" for nothing."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()
