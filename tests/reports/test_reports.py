import datetime

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from reports import services
from reports.models import Adoption, Outlet, WorkReport
from townships.models import Figure

from .conftest import shanghai

pytestmark = pytest.mark.django_db


def test_new_report_follows_the_county_template(client, people, period, report_column):
    client.force_login(people.editor)
    response = client.post(
        "/workspace/reports/new/",
        {"period": period.pk, "kind": "summary", "township": people.editor.township_id, "internal": "on"},
    )
    report = WorkReport.objects.get()
    assert response.status_code == 302 and response.url == f"/workspace/articles/{report.article.pk}/edit/"
    body = report.article.body
    assert body.index("一、主要工作及成效") < body.index("二、存在问题") < body.index("三、下一步工作措施")
    assert report.article.is_internal and report.article.status == Article.Status.DRAFT


def test_pasted_report_is_sorted_into_its_sections(people, period, report_column, county):
    from articles.importing import import_text

    pasted = (
        "远门镇2025年上半年党建工作总结\n一、主要工作及成效\n（一）强化政治引领\n　　全镇开展专题学习32场次。\n"
        "二、存在问题\n　　村级后备力量不足。\n三、下一步工作措施\n　　实施后备干部培育计划。\n"
    )
    report = services.start_report(
        township=county.township, period=period, kind="summary", by=people.editor, imported=import_text(pasted)
    )
    body = report.article.body
    assert "<h2>一、主要工作及成效</h2>" in body and "<h3>（一）强化政治引领</h3>" in body
    assert body.index("全镇开展专题学习32场次") < body.index("<h2>二、存在问题</h2>") < body.index("村级后备力量不足")


def test_a_report_starts_from_the_countys_template_even_after_an_admin_deleted_every_template(
    people, period, report_column, county
):
    from reports.models import ReportTemplate

    ReportTemplate.objects.all().delete()
    report = services.start_report(township=county.township, period=period, kind="summary", by=people.editor)
    assert "<h2>一、主要工作及成效</h2>" in report.article.body
    assert report.template.is_default


def test_one_report_per_township_period_and_kind(people, period, report_column, county):
    services.start_report(township=county.township, period=period, kind="summary", by=people.editor)
    with pytest.raises(ValidationError):
        services.start_report(township=county.township, period=period, kind="summary", by=people.editor)


def test_a_township_sees_only_its_own_internal_reports(client, people, period, make_report, county):
    own = make_report(county.township, period, submitted_at=shanghai(2025, 7, 9))
    other = make_report(people.other_township, period, submitted_at=shanghai(2025, 7, 9))
    client.force_login(people.editor)
    listing = client.get("/workspace/reports/").content.decode()
    assert own.article.title in listing and other.article.title not in listing
    assert client.get(other.article.get_workspace_url()).status_code == 404
    assert client.get(f"/workspace/reports/{other.pk}/print/").status_code == 404
    client.force_login(people.county_reviewer)
    assert other.article.title in client.get("/workspace/reports/").content.decode()
    client.logout()
    assert client.get(own.article.get_absolute_url()).status_code == 404  # internal: never public


def test_internal_reports_stay_out_of_public_lists_search_and_feeds(client, period, make_report, county, report_column):
    internal = make_report(county.township, period, submitted_at=shanghai(2025, 7, 9))
    assert internal.article.title not in client.get("/feed/").content.decode()
    assert internal.article.title not in client.get("/sitemap.xml").content.decode()
    assert client.get("/search/", {"q": "党建工作总结"}).context["page"].paginator.count == 0


def test_adopting_republishes_in_the_county_column_and_scores(people, county, report_column, mailoutbox):
    from tests.factories import ArticleFactory

    outlet = Outlet.objects.get(name="县党建网转载")
    outlet.column = county.notices
    outlet.save()
    article = ArticleFactory(published=True, column=county.township_news, township=county.township)
    adoption = services.adopt(article, outlet, by=people.county_reviewer)
    assert adoption.points == 5 and adoption.copy.column == county.notices and adoption.copy.is_public
    assert adoption.copy.audit.filter(comment__contains="采用转载").exists()
    with pytest.raises(ValidationError):
        services.adopt(article, outlet, by=people.county_reviewer)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.adopt(article, Outlet.objects.get(name="市级媒体刊用"), by=people.editor)
    assert Adoption.objects.count() == 1


def test_figures_reported_in_an_article_build_the_township_history(
    client, people, county, draft, django_capture_on_commit_callbacks
):
    client.force_login(people.editor)
    for value, year in [(1260, 2024), (1302, 2025)]:
        client.post(
            f"/workspace/articles/{draft.pk}/figures/",
            {
                "initiative": county.initiative.pk,
                "label": "党员",
                "value": value,
                "unit": "名",
                "as_of": f"{year}-12-31",
            },
        )
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.approve(by=people.township_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        draft.publish(by=people.county_reviewer)
    history = Figure.objects.filter(practice__township=county.township, label="党员").order_by("as_of")
    assert [(f.as_of.year, int(f.value)) for f in history] == [(2024, 1260), (2025, 1302)]
    assert all(f.source_article == draft for f in history)
    page = client.get(county.township.get_absolute_url()).content.decode()
    assert "1302" in page and "2024年12月为1260名" in page


def test_units_are_validated(client, people, county, draft):
    client.force_login(people.editor)
    client.post(
        f"/workspace/articles/{draft.pk}/figures/",
        {"initiative": county.initiative.pk, "label": "党员", "value": 5, "unit": "斤", "as_of": "2025-12-31"},
    )
    assert not Figure.objects.filter(label="党员").exists()


def test_reminders_go_once_to_townships_that_have_not_submitted(people, period, make_report, county, mailoutbox):
    from reports.reminders import send_reminders

    make_report(people.other_township, period, submitted_at=shanghai(2025, 7, 8))
    three_days_before = period.deadline - datetime.timedelta(days=2)
    assert send_reminders(now=three_days_before) == 1
    assert people.editor.email in mailoutbox[0].to and "报送提醒" in mailoutbox[0].subject
    assert send_reminders(now=three_days_before) == 0
    assert send_reminders(now=period.deadline - datetime.timedelta(days=10)) == 0


@pytest.mark.parametrize("case", ["bomb-100mb", "entities", "malformed"])
def test_a_work_report_refuses_a_hostile_word_file(client, people, period, report_column, case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reports.models import WorkReport
    from tests.docx_files import HOSTILE

    data, words = HOSTILE[case]
    client.force_login(people.editor)
    response = client.post(
        "/workspace/reports/new/",
        {
            "period": period.pk,
            "kind": "summary",
            "township": people.editor.township_id,
            "file": SimpleUploadedFile("总结.docx", data),
        },
    )
    assert response.status_code == 200 and words in response.content.decode()
    assert not WorkReport.objects.exists() and not Article.objects.exists()
