"""采用 (adoption): the county's copy is published through the workflow, and only once per outlet."""

import pytest

from articles.models import Article, AuditEntry
from articles.signals import article_changed
from reports.models import Adoption, Outlet
from tests.factories import ArticleFactory
from tests.races import at_once, needs_postgresql


@pytest.fixture
def republishing_outlet(county):
    from reports import defaults

    defaults.install()  # a migration installs them; a transactional test's flush may have emptied the table
    outlet = Outlet.objects.get(name="县党建网转载")
    outlet.column = county.notices
    outlet.save()
    return outlet


@pytest.fixture
def township_item(county):
    return ArticleFactory(published=True, column=county.township_news, township=county.township)


@pytest.mark.django_db
def test_adopting_publishes_the_copy_through_the_workflow(
    client, people, township_item, republishing_outlet, django_capture_on_commit_callbacks
):
    changed = []

    def listen(sender, article, **kwargs):
        changed.append(article.pk)

    article_changed.connect(listen, dispatch_uid="test-adoption-listen")
    try:
        client.force_login(people.county_reviewer)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/workspace/articles/{township_item.pk}/adopt/", {"outlet": republishing_outlet.pk}, follow=True
            )
    finally:
        article_changed.disconnect(dispatch_uid="test-adoption-listen")
    assert "已采用：县党建网转载" in response.content.decode()
    copy = Adoption.objects.get().copy
    assert copy.is_public and copy.column == republishing_outlet.column and copy.published_at
    trail = list(copy.audit.order_by("id").values_list("action", "from_status", "to_status", "actor"))
    assert trail == [
        (AuditEntry.Action.CREATED, "", "", people.county_reviewer.pk),
        (AuditEntry.Action.PUBLISHED, Article.Status.DRAFT, Article.Status.PUBLISHED, people.county_reviewer.pk),
    ]
    assert copy.latest_revision.number == 1
    # Caches and static pages hear about the new publication exactly once, from the transition.
    assert changed == [copy.pk]


@pytest.mark.django_db
def test_the_republish_transition_is_never_offered_as_a_workspace_button(client, people, draft):
    client.force_login(people.county_reviewer)
    response = client.post(f"/workspace/articles/{draft.pk}/do/republish/", {"republish-comment": "x"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_parallel_adoptions_of_one_item_adopt_once_and_tell_the_other_why(people, township_item, republishing_outlet):
    path = f"/workspace/articles/{township_item.pk}/adopt/"
    responses = at_once([("post", path, {"outlet": republishing_outlet.pk})] * 3, people.county_reviewer, follow=True)

    assert not [r for r in responses if isinstance(r, Exception)], responses
    pages = [r.content.decode() for r in responses]
    assert sum("已采用：县党建网转载" in page for page in pages) == 1
    assert sum("已经被“县党建网转载”采用过" in page for page in pages) == 2
    assert Adoption.objects.filter(article=township_item).count() == 1
    assert Article.objects.filter(column=republishing_outlet.column, title=township_item.title).count() == 1
