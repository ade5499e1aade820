"""
Dates in the shapes pages print them: 2025-03-02, 2025/3/2, 2025年3月2日, with or without time; two-digit years only
where a line is known to be metadata.
"""

import datetime

from django.utils import timezone

from .patterns import CN_DATE, DATE, SHORT_DATE


def parse_date(text, short_years=False):
    match = DATE.search(text or "")
    if not match and (cn := CN_DATE.search(text or "")):
        return chinese_date(cn)
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


DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def chinese_number(text):
    """'五' -> 5, '十六' -> 16, '二十' -> 20, '三十一' -> 31."""
    if "十" not in text:
        return DIGIT.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    return (DIGIT[tens] if tens else 1) * 10 + (DIGIT[units] if units else 0)


def chinese_date(match):
    year = int("".join(str(DIGIT[c]) for c in match["y"]))
    month, day = chinese_number(match["m"]), chinese_number(match["d"])
    try:
        moment = datetime.datetime(year, month, day)
    except (TypeError, ValueError):
        return None
    return timezone.make_aware(moment, timezone.get_default_timezone())
