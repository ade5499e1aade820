"""
The permission matrix: every role × every action × own / other township, through real HTTP requests.

Allowed: the request redirects back to the article and the state moved. Refused: 403 (no right)
or 404 (another township's article is invisible), and nothing changed.
"""

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db
S = Article.Status

ROLES = ["editor", "township_reviewer", "county_reviewer", "admin"]

# action: (state it starts from, column, state it ends in, POST data)
ACTIONS = {
    "view": (S.DRAFT, "township_news", S.DRAFT, None),
    "edit": (S.DRAFT, "township_news", S.DRAFT, None),
    "submit": (S.DRAFT, "township_news", S.TOWNSHIP_REVIEW, {"submit-confidentiality": "on"}),
    "approve": (S.TOWNSHIP_REVIEW, "township_news", S.COUNTY_REVIEW, {"approve-comment": "同意"}),
    "return": (S.TOWNSHIP_REVIEW, "township_news", S.RETURNED, {"return-comment": "请补充数据"}),
    "publish": (S.COUNTY_REVIEW, "township_news", S.PUBLISHED, {}),
    "force_publish": (S.DRAFT, "notices", S.PUBLISHED, {"force_publish-comment": "防汛紧急通知"}),
    "withdraw": (S.PUBLISHED, "township_news", S.WITHDRAWN, {"withdraw-comment": "数据有误"}),
}

# Who may do what, on their own township's article (own) and on another township's (other).
ALLOWED = {
    ("editor", "own"): {"view", "edit", "submit"},
    ("editor", "other"): set(),
    ("township_reviewer", "own"): {"view", "approve", "return"},
    ("township_reviewer", "other"): set(),
    ("county_reviewer", "own"): {"view", "edit", "submit", "publish", "force_publish", "withdraw"},
    ("county_reviewer", "other"): {"view", "edit", "submit", "publish", "force_publish", "withdraw"},
    ("admin", "own"): set(ACTIONS),
    ("admin", "other"): set(ACTIONS),
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
def test_role_action_township_matrix(client, county, people, make_user, role, whose, action):
    start, column_name, end, data = ACTIONS[action]
    township = county.township if whose == "own" else people.other_township
    article = Article(title="矩阵测试稿件", column=getattr(county, column_name), township=township, body="<p>正文</p>")
    article.save_revision(by=None)
    Article.objects.filter(pk=article.pk).update(status=start)
    user = make_user(role, county.township if role in ("editor", "township_reviewer") else None)
    client.force_login(user)

    if action == "view":
        response = client.get(f"/workspace/articles/{article.pk}/")
    elif action == "edit":
        response = client.get(f"/workspace/articles/{article.pk}/edit/")
    else:
        response = client.post(f"/workspace/articles/{article.pk}/do/{action}/", data)

    article.refresh_from_db()
    if action in ALLOWED[(role, whose)]:
        assert response.status_code in (200, 302), response.status_code
        assert article.status == end
        if response.status_code == 302:
            assert response.url == article.get_workspace_url()
    else:
        assert response.status_code in (403, 404), response.status_code
        assert article.status == start


def test_anonymous_visitors_are_sent_to_login(client, draft):
    response = client.get(f"/workspace/articles/{draft.pk}/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.post(f"/workspace/articles/{draft.pk}/do/submit/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_a_user_without_a_role_is_refused(client, draft):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/workspace/").status_code == 403


def test_queue_badge_counts_what_waits_for_me(client, draft, people):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    client.force_login(people.township_reviewer)
    html = client.get("/workspace/").content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> 篇待审核</span></span>' in html
    assert draft.title in html
    client.force_login(people.other_reviewer)
    assert draft.title not in client.get("/workspace/?tab=queue").content.decode()


def test_returned_tab_shows_the_reviewers_comment(client, draft, people):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.return_to_editor(by=people.township_reviewer, comment="第三段数字请核对")
    client.force_login(people.editor)
    html = client.get("/workspace/?tab=returned").content.decode()
    assert "第三段数字请核对" in html and str(people.township_reviewer) in html


def test_only_allowed_actions_are_offered_as_buttons(client, draft, people):
    client.force_login(people.editor)
    html = client.get(draft.get_workspace_url()).content.decode()
    assert "提交审核" in html and "乡镇审核通过" not in html and "撤稿" not in html
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    html = client.get(draft.get_workspace_url()).content.decode()
    assert "提交审核</button>" not in html and "修改稿件" not in html  # under review: locked for the editor


def test_submit_without_the_self_check_is_refused_with_a_message(client, draft, people):
    client.force_login(people.editor)
    response = client.post(f"/workspace/articles/{draft.pk}/do/submit/", {}, follow=True)
    assert "保密自查" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_audit_log_is_filterable_in_the_admin(admin_client, draft, people):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    response = admin_client.get("/admin/articles/auditentry/?action__exact=submitted")
    assert response.status_code == 200
    assert draft.title in response.content.decode()
