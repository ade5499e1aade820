"""
Dates in the shapes pages print them: 2025-03-02, 2025/3/2, 2025年3月2日, with or without time; two-digit years only
where a line is known to be metadata.
"""

import datetime

from django.utils import timezone

from .patterns import DATE, SHORT_DATE


def parse_date(text, short_years=False):
    match = DATE.search(text or "")
    if not match and short_years and (match := SHORT_DATE.search(text or "")):
        return make_date(2000 + int(match["y"]), match)
    if not match:
        return None
    return make_date(int(match["y"]), match)


def make_date(year, match):
    try:
        moment = datetime.datetime(year, int(match["m"]), int(match["d"]), int(match["H"] or 0), int(match["M"] or 0))
    except ValueError:
        return None
    return timezone.make_aware(moment, timezone.get_default_timezone())
