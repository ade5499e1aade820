"""Each single-veto rule, triggered and not triggered around its limit (Asia/Shanghai dates)."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from inspection import rules
from siteprofile.models import SiteProfile
from tests.factories import ArticleFactory, ColumnFactory

pytestmark = pytest.mark.django_db
ZONE = timezone.get_default_timezone()


def at(*args):
    return timezone.make_aware(datetime.datetime(*args), ZONE)


def rule(result, rule_id):
    return next(r for r in result.rules if r.id == rule_id)


def column_published(update_class, when, **extra):
    column = ColumnFactory(update_class=update_class, **extra)
    ArticleFactory(column=column, status=Article.Status.PUBLISHED, published_at=when)
    return column


def test_home_page_idle_for_two_weeks_fails_on_day_fifteen(county):
    ArticleFactory(column=county.township_news, status="published", published_at=at(2025, 3, 1, 23, 30))
    assert rule(rules.inspect(now=at(2025, 3, 15, 23, 0)), "home_updated").passed
    assert rule(rules.inspect(now=at(2025, 3, 15, 23, 0)), "home_updated").days_left == 0
    assert not rule(rules.inspect(now=at(2025, 3, 16, 0, 5)), "home_updated").passed  # Shanghai midnight passed


def test_five_idle_news_columns_fail_the_site_four_do_not(db):
    now = at(2025, 6, 30, 12)
    for _ in range(4):
        column_published("news", now - datetime.timedelta(days=15))
    column_published("news", now - datetime.timedelta(days=10))
    result = rules.inspect(now=now)
    assert rule(result, "news_columns").passed
    assert rule(result, "news_columns").days_left == 5  # the fifth column goes stale in 5 days
    later = rules.inspect(now=now + datetime.timedelta(days=5))
    assert not rule(later, "news_columns").passed and later.verdict == "fail"


def test_notice_columns_may_rest_six_months(db):
    now = at(2025, 12, 31, 12)
    for _ in range(5):
        column_published("notice", now - datetime.timedelta(days=179))
    assert rule(rules.inspect(now=now), "notice_columns").passed
    assert not rule(rules.inspect(now=now + datetime.timedelta(days=2)), "notice_columns").passed


def test_ten_columns_not_updating_fail_and_limits_are_editable(db):
    now = at(2025, 6, 1)
    columns = [column_published("topic", now - datetime.timedelta(days=100)) for _ in range(10)]
    assert rule(rules.inspect(now=now), "columns_updating").passed  # topics: a year
    for column in columns:
        column.max_idle_days = 90
        column.save()
    assert not rule(rules.inspect(now=now), "columns_updating").passed


def test_five_empty_columns_fail(db):
    for _ in range(4):
        ColumnFactory(update_class="news")
    assert rule(rules.inspect(), "empty_columns").passed
    ColumnFactory(update_class="notice")
    assert not rule(rules.inspect(), "empty_columns").passed


def test_an_item_without_a_publication_time_fails(county):
    ArticleFactory(column=county.township_news, published=True)
    assert rule(rules.inspect(), "dated_items").passed
    ArticleFactory(column=county.township_news, status="published", published_at=None)
    assert not rule(rules.inspect(), "dated_items").passed


def test_missing_footer_identifiers_fail(db):
    SiteProfile(website_code="6104220017", icp_number="陕ICP备1号", police_record_number="陕公网安备1号").save()
    result = rule(rules.inspect(), "footer_ids")
    assert not result.passed and "党政机关标识" in result.detail
    profile = SiteProfile.objects.get()
    profile.government_mark_url = "https://bszs.conac.cn/sitename?method=show&id=1"
    profile.save()
    assert rule(rules.inspect(), "footer_ids").passed


def test_json_output_matches_the_contract(county, capsys):
    ArticleFactory(column=county.township_news, published=True)
    call_command("inspect_site", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] in ("pass", "fail")
    assert {"id", "passed", "detail", "days_left"} <= set(data["rules"][0])
    assert {r["id"] for r in data["rules"]} >= {
        "home_updated",
        "news_columns",
        "notice_columns",
        "columns_updating",
        "empty_columns",
        "dated_items",
        "home_links",
        "content_errors",
        "footer_ids",
        "tamper",
    }
    assert data["columns"] and "days_left" in data["columns"][0]


def test_annual_report_counts_items_per_column(county):
    ArticleFactory(column=county.township_news, status="published", published_at=at(2025, 1, 1, 0, 30))
    ArticleFactory(column=county.township_news, status="published", published_at=at(2024, 12, 31, 23, 30))
    ArticleFactory(column=county.notices, status="published", published_at=at(2025, 6, 1))
    assert rules.annual_figures(2025) == [
        {"column": "新闻中心 › 乡镇动态", "items": 1},
        {"column": "新闻中心 › 通知公告", "items": 1},
    ]


def test_digest_reaches_admins(county, people, mailoutbox):
    from inspection.digest import send_digest

    assert send_digest(rules.inspect()) == 1
    assert people.admin.email in mailoutbox[0].to and "网站检查" in mailoutbox[0].subject


def test_monitor_page_in_the_admin(admin_client, county):
    page = admin_client.get("/admin/inspection/linkcheck/monitor/").content.decode()
    assert "单项否决指标" in page and "栏目更新倒计时" in page and "年度工作报表" in page


def test_every_registered_rule_is_reported_once_in_order():
    """inspect() runs the registry: a rule added with @rule shows up, under its own id, in definition order."""
    from inspection import rules

    report = rules.inspect()
    assert [r.id for r in report.rules] == [check.__name__ for check in rules.RULES]
    assert len({r.id for r in report.rules}) == len(rules.RULES) == 12
