import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, AuditEntry
from articles.workflow import TransitionNotAllowed, allowed_actions

pytestmark = pytest.mark.django_db
S = Article.Status


def submit(article, by):
    return article.submit(by=by, confidentiality_confirmed=True)


def test_full_path_draft_to_published_records_every_step(draft, people):
    submit(draft, people.editor)
    assert draft.status == S.TOWNSHIP_REVIEW
    draft.approve(by=people.township_reviewer, comment="同意")
    assert draft.status == S.COUNTY_REVIEW
    before = timezone.now()
    draft.publish(by=people.county_reviewer)
    draft.refresh_from_db()
    assert draft.status == S.PUBLISHED and draft.is_public
    assert before <= draft.published_at <= timezone.now()
    trail = list(draft.audit.order_by("id").values_list("action", "actor_name", "actor_role", "to_status"))
    assert trail == [
        (AuditEntry.Action.CREATED, str(people.editor), "乡镇通讯员", ""),
        (AuditEntry.Action.SUBMITTED, str(people.editor), "乡镇通讯员", S.TOWNSHIP_REVIEW),
        (AuditEntry.Action.APPROVED, str(people.township_reviewer), "乡镇审核", S.COUNTY_REVIEW),
        (AuditEntry.Action.PUBLISHED, str(people.county_reviewer), "县级终审", S.PUBLISHED),
    ]


def test_county_level_article_goes_straight_to_county_review(county, people):
    article = Article(title="县委组织部召开会议", column=county.township_news, body="<p>会议。</p>")
    article.save_revision(by=people.county_reviewer)
    submit(article, people.county_reviewer)
    assert article.status == S.COUNTY_REVIEW


def test_submit_requires_the_confidentiality_self_check(draft, people):
    with pytest.raises(ValidationError):
        draft.submit(by=people.editor, confidentiality_confirmed=False)
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_submission_names_its_reviewer_who_gets_the_mail(draft, people, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, reviewer=people.township_reviewer, confidentiality_confirmed=True)
    assert draft.assigned_reviewer == people.township_reviewer
    assert [m.to for m in mailoutbox] == [[people.township_reviewer.email]]
    assert "乡镇待审" in mailoutbox[0].subject and draft.title in mailoutbox[0].subject


def test_a_reviewer_from_another_township_cannot_be_named(draft, people):
    with pytest.raises(ValidationError):
        draft.submit(by=people.editor, reviewer=people.other_reviewer, confidentiality_confirmed=True)


def test_return_needs_a_comment_and_the_editor_is_told(draft, people, mailoutbox, django_capture_on_commit_callbacks):
    submit(draft, people.editor)
    with pytest.raises(ValidationError):
        draft.return_to_editor(by=people.township_reviewer, comment="  ")
    draft.refresh_from_db()
    assert draft.status == S.TOWNSHIP_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        draft.return_to_editor(by=people.township_reviewer, comment="第三段数字请核对")
    assert draft.status == S.RETURNED
    assert draft.audit.filter(action=AuditEntry.Action.RETURNED, comment="第三段数字请核对").exists()
    assert mailoutbox[-1].to == [people.editor.email] and "第三段数字请核对" in mailoutbox[-1].body
    submit(draft, people.editor)  # fixed and resubmitted
    assert draft.status == S.TOWNSHIP_REVIEW


@pytest.mark.parametrize("status", [S.DRAFT, S.COUNTY_REVIEW, S.PUBLISHED, S.WITHDRAWN])
def test_disallowed_transition_raises_and_changes_nothing(draft, people, status):
    Article.objects.filter(pk=draft.pk).update(status=status)
    draft.refresh_from_db()
    audit_before = draft.audit.count()
    with pytest.raises(TransitionNotAllowed):
        draft.approve(by=people.township_reviewer)
    draft.refresh_from_db()
    assert draft.status == status and draft.audit.count() == audit_before


def test_a_stale_object_cannot_approve_twice(draft, people):
    submit(draft, people.editor)
    first, second = Article.objects.get(pk=draft.pk), Article.objects.get(pk=draft.pk)
    first.approve(by=people.township_reviewer)
    with pytest.raises(TransitionNotAllowed):
        second.approve(by=people.township_reviewer)  # the row is re-read under a lock
    assert draft.audit.filter(action=AuditEntry.Action.APPROVED).count() == 1


def test_editor_cannot_approve_or_publish(draft, people):
    submit(draft, people.editor)
    with pytest.raises(PermissionDenied):
        draft.approve(by=people.editor)
    draft.approve(by=people.township_reviewer)
    with pytest.raises(PermissionDenied):
        draft.publish(by=people.township_reviewer)


def test_other_townships_reviewer_cannot_approve(draft, people):
    submit(draft, people.editor)
    with pytest.raises(PermissionDenied):
        draft.approve(by=people.other_reviewer)


def test_scheduled_publishing_sets_the_real_publication_time(draft, people):
    submit(draft, people.editor)
    draft.approve(by=people.township_reviewer)
    at = timezone.now() + datetime.timedelta(hours=2)
    draft.publish(by=people.county_reviewer, at=at)
    assert draft.status == S.SCHEDULED and not Article.objects.published().exists()
    call_command("publish_scheduled")  # not due yet
    draft.refresh_from_db()
    assert draft.status == S.SCHEDULED
    Article.objects.filter(pk=draft.pk).update(scheduled_at=timezone.now() - datetime.timedelta(seconds=1))
    before = timezone.now()
    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert draft.status == S.PUBLISHED and draft.published_at >= before
    assert draft.audit.latest("id").actor_name == "系统"


def test_force_publish_is_for_urgent_notices_with_a_reason(county, people):
    notice = Article(title="紧急通知", column=county.notices, township=None, body="<p>今晚暴雨，请做好防汛。</p>")
    notice.save_revision(by=people.county_reviewer)
    assert "force_publish" in dict(allowed_actions(notice, people.county_reviewer))
    with pytest.raises(ValidationError):
        notice.force_publish(by=people.county_reviewer, reason="")
    notice.force_publish(by=people.county_reviewer, reason="防汛紧急通知，来不及走完审核流程")
    assert notice.status == S.PUBLISHED
    entry = notice.audit.get(action=AuditEntry.Action.FORCE_PUBLISHED)
    assert entry.comment == "防汛紧急通知，来不及走完审核流程" and entry.actor_role == "县级终审"


def test_force_publish_is_refused_for_ordinary_news(draft, people):
    with pytest.raises(PermissionDenied):
        draft.force_publish(by=people.county_reviewer, reason="想快点发")


def test_withdrawn_article_answers_410_with_a_notice(client, draft, people, django_capture_on_commit_callbacks):
    submit(draft, people.editor)
    draft.approve(by=people.township_reviewer)
    draft.publish(by=people.county_reviewer)
    assert client.get(draft.get_absolute_url()).status_code == 200
    with pytest.raises(ValidationError):
        draft.withdraw(by=people.county_reviewer, reason="")
    with django_capture_on_commit_callbacks(execute=True):  # caches are refreshed once the change commits
        draft.withdraw(by=people.county_reviewer, reason="数据有误")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 410
    assert "该信息已撤稿" in response.content.decode()


def test_publication_time_cannot_be_typed_in(client, draft, people):
    from workspace.forms import ArticleForm

    assert "published_at" not in ArticleForm(user=people.county_reviewer).fields
    client.force_login(people.editor)
    response = client.post(
        f"/workspace/articles/{draft.pk}/edit/",
        {
            "title": draft.title,
            "column": draft.column_id,
            "township": draft.township_id,
            "body": "<p>新内容</p>",
            "published_at": "2020-01-01 08:00",
            "status": "published",
            "base_revision": draft.latest_revision_id,
        },
    )
    assert response.status_code == 302  # the save went through: only the typed 发布时间 and status were ignored
    draft.refresh_from_db()
    assert draft.body == "<p>新内容</p>"
    assert draft.published_at is None and draft.status == S.DRAFT


def test_every_transition_names_the_article_method_that_makes_the_move():
    """The workspace dispatches actions from the table: each one must name a real Article method."""
    import inspect

    from articles.models import Article
    from articles.workflow import TRANSITIONS

    for name, transition in TRANSITIONS.items():
        method = getattr(Article, transition.method, None)
        assert callable(method), name
        if transition.offered:  # the others are started by the system or a service, never from a form
            assert transition.comment_as in inspect.signature(method).parameters, name
