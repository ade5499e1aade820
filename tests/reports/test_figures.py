"""Figures follow their article's (or work report's) review: public only once it is published."""

import pytest

from articles.models import Article
from reports.models import ReportedFigure
from tests.factories import ArticleFactory, InitiativeFactory
from townships.models import Figure, Practice

pytestmark = pytest.mark.django_db


def report(client, article, initiative, label, value, as_of="2025-12-31", unit="个"):
    return client.post(
        f"/workspace/articles/{article.pk}/figures/",
        {"initiative": initiative.pk, "label": label, "value": value, "unit": unit, "as_of": as_of},
        follow=True,
    )


def public_pages(client, county, initiative=None):
    client.logout()
    pages = [
        client.get(county.township.get_absolute_url()),
        client.get((initiative or county.initiative).get_absolute_url()),
    ]
    assert all(page.status_code == 200 for page in pages)
    return "".join(page.content.decode() for page in pages)


def publish_through_the_workflow(client, article, people, capture):
    """提交 → 乡镇审核 → 县级终审, each through the workspace as the person who does it."""
    steps = [
        (people.editor, "submit", {"submit-confidentiality": "on", "submit-reviewer": ""}),
        (people.township_reviewer, "approve", {"approve-comment": ""}),
        (people.county_reviewer, "publish", {"publish-publish_at": "", "publish-comment": ""}),
    ]
    for person, action, data in steps:
        client.force_login(person)
        with capture(execute=True):
            client.post(f"/workspace/articles/{article.pk}/do/{action}/", data)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_a_figure_reported_in_an_unpublished_article_is_not_public(client, people, county, draft):
    new_theme = InitiativeFactory(slug="rural-revival", name="党建+乡村振兴")
    client.force_login(people.editor)
    response = report(client, draft, new_theme, "合作社", 37)

    assert "稿件发布后公开" in response.content.decode() and "待审核" in response.content.decode()
    html = public_pages(client, county, new_theme)
    assert "合作社" not in html and "37" not in html
    # Not even the practice it would start (whose summary names the unpublished title).
    assert draft.title not in html
    assert not Practice.objects.filter(initiative=new_theme).exists()
    assert not Figure.objects.filter(label="合作社").exists()


def test_an_unreviewed_figure_never_replaces_a_reviewed_one(client, people, county, draft):
    reviewed = Figure.objects.get(label="监控点位", as_of="2025-12-31")
    client.force_login(people.editor)
    report(client, draft, county.initiative, "监控点位", 999)

    reviewed.refresh_from_db()
    assert (reviewed.value, reviewed.source_article) == (114, None)
    html = public_pages(client, county)
    assert "114" in html and "999" not in html


def test_reported_figures_go_public_when_their_article_is_published(
    client, people, county, draft, django_capture_on_commit_callbacks
):
    client.force_login(people.editor)
    report(client, draft, county.initiative, "监控点位", 131)
    report(client, draft, county.initiative, "监控点位", 130)  # corrected before review: one waiting value
    assert ReportedFigure.objects.filter(article=draft).count() == 1

    publish_through_the_workflow(client, draft, people, django_capture_on_commit_callbacks)

    figure = Figure.objects.get(label="监控点位", as_of="2025-12-31")
    assert (figure.value, figure.source_article) == (130, draft)
    assert not ReportedFigure.objects.filter(article=draft).exists()
    html = public_pages(client, county)
    assert "130" in html and "2024年12月为86个" in html


def test_a_withdrawn_articles_figures_leave_the_public_pages(
    client, people, county, draft, django_capture_on_commit_callbacks
):
    client.force_login(people.editor)
    report(client, draft, county.initiative, "监控点位", 130)
    publish_through_the_workflow(client, draft, people, django_capture_on_commit_callbacks)
    assert "130" in public_pages(client, county)

    client.force_login(people.county_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/workspace/articles/{draft.pk}/do/withdraw/", {"withdraw-comment": "数据有误，撤回核实"})
    draft.refresh_from_db()
    assert draft.status == Article.Status.WITHDRAWN

    html = public_pages(client, county)
    assert "130" not in html
    assert "86" in html  # the series falls back to the figure before it


def test_a_work_reports_figures_wait_for_the_reports_review(
    client, people, county, period, report_column, django_capture_on_commit_callbacks
):
    client.force_login(people.editor)
    client.post(
        "/workspace/reports/new/",
        {"period": period.pk, "kind": "summary", "township": county.township.pk, "internal": "on"},
    )
    article = Article.objects.get(column=report_column)
    report(client, article, county.initiative, "平安志愿者", 58, unit="名")
    assert "平安志愿者" not in public_pages(client, county)

    publish_through_the_workflow(client, article, people, django_capture_on_commit_callbacks)
    assert "平安志愿者" in public_pages(client, county)


def test_figures_of_a_published_article_are_changed_only_by_those_who_may_correct_it(
    client, people, county, django_capture_on_commit_callbacks
):
    live = ArticleFactory(published=True, column=county.township_news, township=county.township)
    client.force_login(people.editor)
    refused = report(client, live, county.initiative, "监控点位", 5)
    assert "不能再登记数据" in refused.content.decode()
    assert Figure.objects.get(label="监控点位", as_of="2025-12-31").value == 114

    client.force_login(people.county_reviewer)  # may correct a live article, so its figure is reviewed
    report(client, live, county.initiative, "监控点位", 120)
    assert Figure.objects.get(label="监控点位", as_of="2025-12-31").source_article == live
    assert "120" in public_pages(client, county)
