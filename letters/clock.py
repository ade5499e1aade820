"""
The working-day clock: weekends off, except the 调休 workdays; the official holidays off (letters.Holiday,
edited in the admin, seeded with the State Council's 2026 calendar).

A letter received on day D is due at the end of the ANSWER_WORKING_DAYS-th working day after D
(D itself does not count: a letter sent on Friday evening starts its clock on Monday).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import Holiday

ANSWER_WORKING_DAYS = getattr(settings, "LETTERS_ANSWER_WORKING_DAYS", 15)
MAX_SPAN = 400  # days: a guard against a calendar of nothing but holidays


class Calendar:
    """Working days between dates, from one query of the holiday table."""

    def __init__(self, overrides=None):
        if overrides is None:
            overrides = dict(Holiday.objects.values_list("date", "is_workday"))
        self.overrides = overrides

    def is_workday(self, day):
        if day in self.overrides:
            return self.overrides[day]
        return day.weekday() < 5

    def add(self, day, working_days):
        """The date `working_days` working days after `day` (not counting `day`)."""
        for _ in range(MAX_SPAN):
            if working_days <= 0:
                return day
            day += datetime.timedelta(days=1)
            if self.is_workday(day):
                working_days -= 1
        return day

    def between(self, start, end):
        """Working days after `start` up to and including `end` (negative when end is before start)."""
        if end < start:
            return -self.between(end, start)
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_workday(day)
        return count

    def due_date(self, letter):
        return self.add(timezone.localdate(letter.received_at), ANSWER_WORKING_DAYS)

    def days_left(self, letter, now=None):
        """Working days left before the letter is due: 0 on its last day, negative when overdue."""
        today = timezone.localdate(now or timezone.now())
        return self.between(today, self.due_date(letter))

    def days_taken(self, letter):
        """Working days from receipt to answer."""
        if not letter.answered_at:
            return None
        return self.between(timezone.localdate(letter.received_at), timezone.localdate(letter.answered_at))


def months_after(day, months):
    """The same day `months` later (the month's last day when it has no such day: 11-30 + 3 → 02-28)."""
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
