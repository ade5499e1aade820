"""The working-day clock across weekends and the 2026 holidays, reminders at their points, the 19号 rule's boundary."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from inspection.rules import inspect
from letters import services
from letters.clock import Calendar, months_after
from letters.models import Holiday, Letter

pytestmark = pytest.mark.django_db
ZONE = timezone.get_default_timezone()


def at(*args):
    return datetime.datetime(*args, tzinfo=ZONE)


def letter_received(when, **fields):
    with time_machine.travel(when, tick=False):
        return Letter.objects.create(subject="村道维修", body="请修村道。", name="王", phone="13800000000", **fields)


def test_the_2026_calendar_is_seeded_with_its_workdays():
    assert Holiday.objects.filter(date__year=2026, is_workday=False).count() == 3 + 9 + 3 + 5 + 3 + 3 + 7
    workdays = set(Holiday.objects.filter(is_workday=True).values_list("date", flat=True))
    assert {str(d) for d in workdays} == {
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"
    }  # fmt: skip


def test_a_weekend_does_not_count():
    calendar = Calendar()
    friday = datetime.date(2026, 3, 6)
    assert calendar.add(friday, 1) == datetime.date(2026, 3, 9)  # Monday
    assert calendar.between(friday, datetime.date(2026, 3, 8)) == 0
    assert calendar.between(friday, datetime.date(2026, 3, 13)) == 5


def test_holidays_and_their_workdays_count_as_the_calendar_says():
    calendar = Calendar()
    # 9-19 Sat off, 9-20 Sun a 调休 workday, 中秋 9-25..27 and 国庆 10-1..7 off, 10-10 Sat a workday.
    letter = letter_received(at(2026, 9, 18, 17, 0))
    assert calendar.add(datetime.date(2026, 9, 18), 1) == datetime.date(2026, 9, 20)
    assert calendar.due_date(letter) == datetime.date(2026, 10, 15)
    assert calendar.days_left(letter, at(2026, 9, 30, 9)) == 7  # 10-8, 9, 10, 12, 13, 14, 15
    assert calendar.days_left(letter, at(2026, 10, 15, 9)) == 0
    assert calendar.days_left(letter, at(2026, 10, 16, 9)) == -1
    # 春节: 2-15..23 off, 2-14 Sat and 2-28 Sat workdays.
    assert calendar.between(datetime.date(2026, 2, 13), datetime.date(2026, 2, 28)) == 1 + 4 + 1


def test_the_calendar_is_editable():
    day = datetime.date(2026, 3, 9)
    assert Calendar().add(datetime.date(2026, 3, 6), 1) == day
    Holiday.objects.create(date=day, name="县里停电")
    assert Calendar().add(datetime.date(2026, 3, 6), 1) == datetime.date(2026, 3, 10)


def test_reminders_go_out_at_two_days_left_and_when_overdue_once_each(county, people):
    letter = letter_received(at(2026, 9, 18, 17, 0), township=county.township)  # due 10-15
    assert services.send_reminders(at(2026, 10, 12, 10)) == 0  # 3 working days left
    assert services.send_reminders(at(2026, 10, 13, 10)) == 1  # 2 left
    assert "还剩 2 个工作日" in mail.outbox[0].subject
    assert set(mail.outbox[0].to) == {people.editor.email, people.township_reviewer.email}
    assert services.send_reminders(at(2026, 10, 14, 10)) == 0
    assert services.send_reminders(at(2026, 10, 16, 10)) == 1
    assert "已超期 1 个工作日" in mail.outbox[1].subject
    assert services.send_reminders(at(2026, 10, 19, 10)) == 0
    assert letter.events.filter(action="reminded").count() == 2
    assert "柳" not in mail.outbox[1].body and letter.phone not in mail.outbox[1].body


def test_the_reminder_task_is_periodic(settings):
    assert {"task": "letters.tasks.send_letter_reminders", "every": "hour"} in settings.PERIODIC_TASKS


def rule(now):
    return next(r for r in inspect(now).rules if r.id == "letters_answered")


def test_the_3_month_rule_at_its_boundary(county):
    assert rule(at(2026, 4, 1, 9)).passed  # no letters at all
    letter = letter_received(at(2026, 1, 15, 23, 30))
    early = rule(at(2026, 4, 14, 9))
    assert early.passed and early.days_left == 1
    last_day = rule(at(2026, 4, 15, 23, 59))
    assert last_day.passed and last_day.days_left == 0
    late = rule(at(2026, 4, 16, 0, 1))
    assert not late.passed and late.days_left == 0 and "村道维修" in late.detail
    assert inspect(at(2026, 4, 16, 0, 1)).verdict == "fail"
    letter.status = Letter.Status.ANSWERED
    letter.save()
    assert rule(at(2026, 4, 16, 0, 1)).passed


def test_the_rule_fails_when_the_channel_is_closed(county):
    from siteprofile.models import SiteProfile

    profile = SiteProfile.get_solo()
    profile.letters_open = False
    profile.save()
    assert not rule(timezone.now()).passed


def test_months_after_keeps_to_the_months_end():
    assert months_after(datetime.date(2025, 11, 30), 3) == datetime.date(2026, 2, 28)
    assert months_after(datetime.date(2026, 10, 15), 3) == datetime.date(2027, 1, 15)


def test_the_dashboard_shows_the_oldest_open_letter(client, county, people):
    letter_received(at(2026, 1, 15, 9), township=county.township)
    letter_received(at(2026, 2, 15, 9))
    client.force_login(people.county_reviewer)
    page = client.get("/workspace/dashboard/").content.decode()
    assert "最早的待答复留言" in page and "2026-01-15收到" in page


def test_monthly_counts_average_working_days(county):
    letter = letter_received(at(2026, 9, 18, 17, 0))
    letter.status, letter.answered_at = Letter.Status.ANSWERED, at(2026, 9, 24, 10)
    letter.save()
    rows = services.monthly_counts(months=2, today=datetime.date(2026, 10, 5))
    assert rows[1] == {
        "label": "2026年9月",
        "received": 1,
        "answered": 1,
        "days": [5],
        "average_days": 5.0,
    }  # 9-20 (调休 Sunday) to 9-24
    assert rows[0]["received"] == 0
