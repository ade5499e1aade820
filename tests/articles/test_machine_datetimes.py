"""Every `<time datetime>` is the local moment to whole seconds: HTML allows at most three fractional digits."""

import datetime
import re

import pytest
import time_machine

from articles.models import Article
from articles.templatetags.datetimes import machine_datetime

pytestmark = pytest.mark.django_db

# A moment with microseconds, as `timezone.now()` gives them; 17:02 UTC is already the next day in Shanghai.
PUBLISHED = datetime.datetime(2026, 3, 4, 17, 2, 3, 456789, tzinfo=datetime.UTC)
TIME_VALUES = re.compile(r'<time datetime="([^"]*)"')


def time_values(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return set(TIME_VALUES.findall(response.content.decode()))


def test_an_article_published_through_the_workflow_shows_its_moment_to_the_second_everywhere(client, county, people):
    with time_machine.travel(PUBLISHED, tick=False):
        draft = Article(title="远门镇党建引领苹果产业发展", column=county.township_news, township=county.township)
        draft.body = "<p>远门镇建成村级综治中心12处。</p>"
        draft.save_revision(by=people.editor)
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer, comment="同意")
        draft.publish(by=people.county_reviewer)
        draft.refresh_from_db()
        assert draft.published_at.microsecond == 456789  # stored as given; only what is written for machines is cut
        expected = {"2026-03-05T01:02:03+08:00"}
        assert time_values(client, draft.get_absolute_url()) == expected
        assert time_values(client, draft.column.get_absolute_url()) == expected  # the news list
        assert time_values(client, "/search/?q=%E8%8B%B9%E6%9E%9C") == expected  # 苹果
        client.force_login(people.county_reviewer)
        assert time_values(client, "/workspace/?tab=published") == expected
        # The audit trail: written at the same pinned moment, one entry per step.
        assert time_values(client, f"/workspace/articles/{draft.pk}/") == expected


def test_machine_datetime_writes_dates_as_dates_and_nothing_for_nothing():
    assert machine_datetime(datetime.date(2026, 3, 5)) == "2026-03-05"
    assert machine_datetime(datetime.datetime(2026, 3, 5, 9, 2, 3, 999999)) == "2026-03-05T09:02:03"
    assert machine_datetime(None) == ""
