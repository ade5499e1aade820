"""A rule whose check never ran is 「尚未检查」, never 「通过」; the dashboard light is amber until every check ran."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from articles import content_checks
from inspection import links, rules, tamper
from inspection.models import CheckRun
from siteprofile.models import SiteProfile
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
NEEDS_A_RUN = {"home_links", "dead_links", "content_errors", "tamper"}


def states(result):
    return {r.id: r.state for r in result.rules}


@pytest.fixture
def site(county, settings):
    """A site that passes every rule that reads the database now (footer identifiers, fresh columns)."""
    settings.SITE_URL = "http://testserver"
    settings.LINK_CHECK_TIMEOUT = 1
    SiteProfile(
        website_code="6104220017",
        icp_number="陕ICP备1号",
        police_record_number="陕公网安备1号",
        government_mark_url="https://bszs.conac.cn/sitename?method=show&id=1",
    ).save()
    ArticleFactory(column=county.notices, published=True, body="<p>关于开展主题党日活动的通知。</p>")
    return ArticleFactory(column=county.township_news, published=True, body="<p>远门镇党建工作动态。</p>")


def run_every_check():
    from articles.models import Article

    links.run()
    tamper.check(list(Article.objects.published()))
    content_checks.rescan_published()


def test_on_a_new_site_the_link_tamper_and_content_rules_are_not_yet_checked(site):
    result = rules.inspect()
    unchecked = {r.id for r in result.rules if r.state == "unchecked"}
    assert unchecked == NEEDS_A_RUN
    home_links = next(r for r in result.rules if r.id == "home_links")
    assert home_links.passed is None and home_links.state_label == "尚未检查" and home_links.checked_at is None
    assert "inspect_site --check-links" in home_links.detail
    assert result.light == "amber" and result.light_label == "黄灯（尚未完成检查）"


def test_once_each_check_ran_its_rules_pass_and_say_when(site):
    run_every_check()
    assert set(CheckRun.last_runs()) == {"links", "tamper", "content"}
    result = rules.inspect()
    assert not result.unchecked
    for rule in result.rules:
        if rule.id in NEEDS_A_RUN:
            # 全站链接可用 may fail: the footer's external links cannot be reached from the test machine.
            assert rule.state == "pass" or (rule.id == "dead_links" and rule.state == "fail"), (rule.id, rule.detail)
            assert rule.checked_at == CheckRun.last_runs()[rule.needs]


def test_one_check_run_leaves_the_others_unchecked(site):
    links.run()
    result = states(rules.inspect())
    assert result["home_links"] == "pass" and result["dead_links"] in ("pass", "fail")
    assert result["tamper"] == result["content_errors"] == "unchecked"


def test_the_rescan_after_a_sensitive_term_change_counts_as_the_content_check(site):
    content_checks.rescan_published()
    assert states(rules.inspect())["content_errors"] == "pass"


def test_the_monitor_shows_not_yet_checked_rather_than_passed(admin_client, site):
    html = admin_client.get("/admin/inspection/linkcheck/monitor/").content.decode()
    rows = [tr.get_text(" ", strip=True) for tr in BeautifulSoup(html, "html.parser").find_all("tr")]
    row = next(text for text in rows if text.startswith("首页链接可用"))
    assert "尚未检查" in row and "通过" not in row
    assert "从未运行" in html


def test_the_dashboard_light_is_amber_and_lists_every_rule_with_its_state(client, people, site):
    client.force_login(people.county_reviewer)
    html = client.get("/workspace/dashboard/").content.decode()
    assert "网站检查：黄灯（尚未完成检查）" in html and "inspection--amber" in html
    assert html.count("尚未检查") >= len(NEEDS_A_RUN) and "从未运行" in html
    for title in ("首页链接可用", "页面与审定内容一致", "首页栏目信息2周内有更新"):
        assert title in html
    run_every_check()
    html = client.get("/workspace/dashboard/").content.decode()
    assert "尚未完成检查" not in html and "从未运行" not in html and " 检查）" in html


def test_inspect_site_json_carries_the_state(site, capsys):
    call_command("inspect_site", "--json")
    data = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in data["rules"]}
    assert set(data["unchecked"]) == NEEDS_A_RUN
    assert by_id["tamper"]["state"] == "unchecked" and by_id["tamper"]["passed"] is None
    assert by_id["home_updated"]["state"] in ("pass", "fail") and by_id["home_updated"]["checked_at"]
    call_command("inspect_site", "--json", "--check-links", "--check-tamper", "--check-content")
    data = json.loads(capsys.readouterr().out)
    assert data["unchecked"] == [] and all(r["state"] != "unchecked" for r in data["rules"])


def test_the_plain_output_marks_unchecked_rules(site, capsys):
    call_command("inspect_site")
    out = capsys.readouterr().out
    assert "4 项尚未检查" in out and "？ 页面与审定内容一致" in out
