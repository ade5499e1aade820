"""Regressions from the code review: races, leaks and stale copies."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from articles.models import Article
from core import pagecache
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_page_rendered_while_something_was_published_is_not_kept(settings):
    settings.PAGE_CACHE = True
    renders = []

    @pagecache.cache_public_page
    def view(request):
        renders.append(1)
        if len(renders) == 1:
            pagecache.invalidate("articles")  # a publication commits while this page renders
        return HttpResponse("page")

    factory = RequestFactory()
    view(factory.get("/x/"))
    view(factory.get("/x/"))
    view(factory.get("/x/"))
    assert len(renders) == 2  # the first render was not stored; the second was


@pytest.mark.parametrize(("internal", "published"), [(True, True), (False, False)])
def test_withdrawn_items_that_were_never_public_answer_404(client, county, internal, published):
    from django.utils import timezone

    article = ArticleFactory(
        column=county.township_news,
        status=Article.Status.WITHDRAWN,
        is_internal=internal,
        published_at=timezone.now() if published else None,
        title="不应泄露的标题",
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404 and "不应泄露的标题" not in response.content.decode()


def test_an_edit_cannot_undo_a_state_change_made_meanwhile(draft, people, make_user, county):
    from django.core.exceptions import PermissionDenied

    stale = Article.objects.get(pk=draft.pk)  # the editor's form, opened as a draft
    draft.submit(by=people.editor, confidentiality_confirmed=True)  # a colleague submits it
    stale.title = "晚到的修改"
    with pytest.raises(PermissionDenied):
        stale.save_revision(by=people.editor, base_revision_id=stale.latest_revision_id)
    draft.refresh_from_db()
    assert draft.status == Article.Status.TOWNSHIP_REVIEW and draft.title != "晚到的修改"


def test_a_corrector_cannot_republish_a_withdrawn_article(draft, people):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.approve(by=people.township_reviewer)
    draft.publish(by=people.county_reviewer)
    reading = Article.objects.get(pk=draft.pk)
    draft.withdraw(by=people.county_reviewer, reason="有误")
    reading.body = "<p>更正</p>"
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        reading.save_revision(by=people.county_reviewer, base_revision_id=reading.latest_revision_id)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.WITHDRAWN


def test_after_a_conflict_the_merged_text_can_be_saved(client, draft, people, make_user, county):
    from django.test import Client

    other = Client()
    other.force_login(make_user("editor", county.township))
    client.force_login(people.editor)
    url = f"/workspace/articles/{draft.pk}/edit/"
    base = client.get(url).context["form"]["base_revision"].value()
    data = {"title": draft.title, "column": draft.column_id, "township": draft.township_id, "base_revision": base}
    assert other.post(url, data | {"body": "<p>同事的修改</p>"}).status_code == 302
    refused = client.post(url, data | {"body": "<p>我的修改</p>"})
    assert "保存被拒绝" in refused.content.decode()
    seen = refused.context["conflict"].latest_revision.pk
    merged = data | {"body": "<p>合并后的内容</p>", "seen_revision": seen, "overwrite": "1"}
    assert client.post(url, merged).status_code == 302
    draft.refresh_from_db()
    assert draft.body == "<p>合并后的内容</p>"


def test_deleting_an_article_removes_its_static_page(county, settings, tmp_path, add_articles):
    from publishing import static_export

    settings.STATIC_EXPORT_DIR = str(tmp_path / "site")
    [article] = add_articles(1)
    static_export.export_all(settings.STATIC_EXPORT_DIR, with_static=False)
    page = tmp_path / "site" / static_export.file_for(article.get_absolute_url())
    assert page.exists()
    Article.objects.get(pk=article.pk).delete()
    assert not page.exists()


def test_a_full_export_prunes_pages_that_are_no_longer_public(county, tmp_path, add_articles):
    from publishing import static_export

    first, second = add_articles(2)
    static_export.export_all(tmp_path, with_static=False)
    Article.objects.filter(pk=second.pk).update(status=Article.Status.WITHDRAWN)
    static_export.export_all(tmp_path, with_static=False)
    assert (tmp_path / static_export.file_for(first.get_absolute_url())).exists()
    assert not (tmp_path / static_export.file_for(second.get_absolute_url())).exists()


def test_password_change_needs_the_second_factor(client, people):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=people.county_reviewer, name="phone", confirmed=True)
    client.force_login(people.county_reviewer)
    response = client.get("/accounts/password/?x=1&y=2")
    assert response.status_code == 302 and response.url.startswith(
        "/accounts/verify/?next=%2Faccounts%2Fpassword%2F%3Fx%3D1%26y%3D2"
    )
