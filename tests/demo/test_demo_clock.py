"""The demo is the same at any hour it is loaded: every published item keeps its own 发布时间, in the past."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from demo.management.commands.load_demo import ALL_ARTICLES

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 6, 1, 0, 0, 30, 250000, tzinfo=SHANGHAI),  # just after midnight
        datetime.datetime(2026, 6, 1, 7, 30, 0, 250000, tzinfo=SHANGHAI),  # before the day's first demo item
        datetime.datetime(2026, 6, 1, 23, 50, 0, 250000, tzinfo=SHANGHAI),
        datetime.datetime(2026, 12, 31, 23, 59, 30, 250000, tzinfo=SHANGHAI),
    ],
    ids=str,
)
def test_demo_items_are_published_at_their_own_time_whatever_the_hour(moment):
    with time_machine.travel(moment, tick=False):
        call_command("load_demo", "--quiet-logins")
        now = timezone.now()
    wanted = {
        d["title"]: d["time"] for d in ALL_ARTICLES if (d.get("workflow") or d["status"]) in ("published", "withdrawn")
    }
    published = Article.objects.filter(title__in=wanted)
    assert published.count() == len(wanted)
    for article in published:
        local = timezone.localtime(article.published_at)
        assert local.strftime("%H:%M:%S.%f") == f"{wanted[article.title]}:00.000000", article.title
        assert article.published_at < now - datetime.timedelta(hours=1), article.title
