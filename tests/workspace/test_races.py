"""Two requests for one decision at the same moment: one succeeds, the other is told why, never a 500."""

import pytest
from django.core import mail

from articles.models import Article, AuditEntry
from tests.races import at_once, needs_postgresql

pytestmark = [pytest.mark.django_db(transaction=True), needs_postgresql]


def test_a_double_clicked_leader_approval_approves_once_and_explains_the_second(draft, people, client):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    client.force_login(people.township_reviewer)
    client.post(f"/workspace/articles/{draft.pk}/leader-link/", {"leader_name": "张书记", "email": "zhang@example.cn"})
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/workspace/approve/" in line)
    path = link[link.index("/workspace/approve/") :]

    responses = at_once([("post", path, {"comment": "同意"})] * 3)

    assert not [r for r in responses if isinstance(r, Exception)], responses
    assert sorted(r.status_code for r in responses) == [200, 410, 410]
    refused = [r.content.decode() for r in responses if r.status_code == 410]
    assert all("审批过" in html or "已不在乡镇审核阶段" in html for html in refused)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.COUNTY_REVIEW
    assert AuditEntry.objects.filter(article=draft, action=AuditEntry.Action.APPROVED).count() == 1


def test_a_draft_deleted_twice_is_simply_gone(db, people, county):
    """A double-clicked 删除: the second request finds nothing to delete and does not fail."""
    from articles.models import Article
    from tests.factories import ArticleFactory

    draft = ArticleFactory(column=county.township_news, township=county.township, created_by=people.editor)
    first, second = Article.objects.get(pk=draft.pk), Article.objects.get(pk=draft.pk)
    first.delete_draft(by=people.editor)
    second.delete_draft(by=people.editor)
    assert not Article.objects.filter(pk=draft.pk).exists()
    assert Article.all_objects.get(pk=draft.pk).status == Article.Status.DELETED  # in the bin, once
    assert draft.audit.filter(action="moved_to_bin").count() == 1
