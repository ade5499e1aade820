import pytest
from django.core import signing

from articles import approval_links
from articles.models import Article, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_township_review(draft, people):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    return draft


def test_reviewer_sends_a_link_and_the_leader_approves_under_their_name(client, in_township_review, people, mailoutbox):
    client.force_login(people.township_reviewer)
    client.post(
        f"/workspace/articles/{in_township_review.pk}/leader-link/",
        {"leader_name": "张书记", "email": "zhang@example.cn"},
    )
    assert mailoutbox[-1].to == ["zhang@example.cn"]
    link = next(line for line in mailoutbox[-1].body.splitlines() if "/workspace/approve/" in line)
    path = link[link.index("/workspace/approve/") :]
    client.logout()
    page = client.get(path)
    assert page.status_code == 200 and in_township_review.title in page.content.decode()
    done = client.post(path, {"comment": "同意报送"})
    assert "审批完成" in done.content.decode()
    in_township_review.refresh_from_db()
    assert in_township_review.status == Article.Status.COUNTY_REVIEW
    entry = in_township_review.audit.get(action=AuditEntry.Action.APPROVED)
    assert (entry.actor, entry.actor_name, entry.actor_role, entry.comment) == (
        None,
        "张书记",
        "乡镇领导（审批链接）",
        "同意报送",
    )
    assert client.post(path).status_code == 410  # used: the article left 乡镇待审


def test_link_dies_when_the_text_changes_after_sending(client, in_township_review, people):
    token = approval_links.make_token(in_township_review, "张书记")
    in_township_review.title = "修改后的标题"
    in_township_review.save_revision(
        by=people.township_reviewer, base_revision_id=in_township_review.latest_revision_id
    )
    response = client.get(f"/workspace/approve/{token}/")
    assert response.status_code == 410 and "又被修改过" in response.content.decode()


def test_expired_or_forged_links_are_refused(client, in_township_review, monkeypatch):
    token = approval_links.make_token(in_township_review, "张书记")
    monkeypatch.setattr(approval_links, "LINK_DAYS", 0)
    import time

    time.sleep(1)
    assert "有效期" in client.get(f"/workspace/approve/{token}/").content.decode()
    forged = signing.dumps(
        {"a": in_township_review.pk, "r": in_township_review.latest_revision_id, "n": "x"}, salt="other"
    )
    assert client.get(f"/workspace/approve/{forged}/").status_code == 410
    assert client.get("/workspace/approve/garbage/").status_code == 410


def _link_path(client, article, reviewer, mailoutbox):
    client.force_login(reviewer)
    client.post(
        f"/workspace/articles/{article.pk}/leader-link/", {"leader_name": "张书记", "email": "zhang@example.cn"}
    )
    client.logout()
    link = next(line for line in mailoutbox[-1].body.splitlines() if "/workspace/approve/" in line)
    return link[link.index("/workspace/approve/") :]


def test_a_used_link_stays_used_after_the_article_is_returned_and_resubmitted_unchanged(
    client, in_township_review, people, mailoutbox
):
    path = _link_path(client, in_township_review, people.township_reviewer, mailoutbox)
    assert "审批完成" in client.post(path, {"comment": "同意"}).content.decode()
    article = Article.objects.get(pk=in_township_review.pk)
    article.return_to_editor(by=people.county_reviewer, comment="请补充图片说明")
    article.submit(by=people.editor, confidentiality_confirmed=True)  # same text, same revision
    assert article.status == Article.Status.TOWNSHIP_REVIEW

    again = client.post(path, {"comment": "再次同意"})
    assert again.status_code == 410 and "已经使用过" in again.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.TOWNSHIP_REVIEW
    assert article.audit.filter(action=AuditEntry.Action.APPROVED).count() == 1
    assert client.get(path).status_code == 410


def test_a_link_sent_for_an_earlier_submission_never_approves_a_later_one(
    client, in_township_review, people, mailoutbox
):
    path = _link_path(client, in_township_review, people.township_reviewer, mailoutbox)
    article = Article.objects.get(pk=in_township_review.pk)
    article.return_to_editor(by=people.township_reviewer, comment="先退回")
    article.submit(by=people.editor, confidentiality_confirmed=True)
    assert client.post(path, {"comment": "同意"}).status_code == 410
    fresh = _link_path(client, article, people.township_reviewer, mailoutbox)
    assert "审批完成" in client.post(fresh, {"comment": "同意"}).content.decode()
