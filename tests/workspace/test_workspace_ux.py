"""Issue 14, items 6 and 7: the return comment where the editor works, tabs a person can have,
deleting one's own draft, search, visible upload errors and a confirmed 恢复此版本 — all through HTTP."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Article, AuditEntry, Revision
from articles.status import Status as S

from .test_editing import form_data

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def returned(draft, people, comment="请补充活动的具体时间和参加人数。"):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.return_to_editor(by=people.township_reviewer, comment=comment)
    return draft


def top_notice(html, before):
    """The return notice's text; it must come before `before` (the page's main content)."""
    match = re.search(r'<section class="return-notice".*?</section>', html, re.S)
    assert match, "no return notice on the page"
    assert match.start() < html.index(before)
    return re.sub(r"<[^>]+>", "", match.group(0))


# ---- 6. the return comment at the top of the item and of the edit page ------------------------------------


def test_return_comment_is_shown_at_the_top_of_the_item_and_of_the_edit_page(client, draft, people):
    returned(draft, people)
    client.force_login(people.editor)
    pages = {
        f"/workspace/articles/{draft.pk}/": 'class="ws-meta"',
        f"/workspace/articles/{draft.pk}/edit/": "<fieldset>",
    }
    for url, before in pages.items():
        text = top_notice(client.get(url).content.decode(), before)
        assert "请补充活动的具体时间和参加人数。" in text
        assert str(people.township_reviewer) in text and "乡镇审核" in text  # who, in which role
        entry = AuditEntry.objects.get(article=draft, action=AuditEntry.Action.RETURNED)
        assert entry.created_at.astimezone().strftime("%Y-%m-%d") in text  # when


def test_only_the_latest_return_is_shown_and_none_once_resubmitted(client, draft, people):
    returned(draft, people, comment="第一次退回：标题太长。")
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.return_to_editor(by=people.township_reviewer, comment="第二次退回：缺少图片说明。")
    client.force_login(people.editor)
    for url in (f"/workspace/articles/{draft.pk}/edit/", "/workspace/?tab=returned"):
        html = client.get(url).content.decode()
        assert "第二次退回：缺少图片说明。" in html and "第一次退回" not in html
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    assert "return-notice" not in client.get(f"/workspace/articles/{draft.pk}/").content.decode()


# ---- 6. tabs a person can have, and badges ------------------------------------------------------------------


def test_an_editor_has_no_queue_tab_and_a_reviewer_has(client, draft, people):
    client.force_login(people.editor)
    html = client.get("/workspace/").content.decode()
    assert "待我审核" not in html and "?tab=mine" in html
    assert client.get("/workspace/?tab=queue").status_code == 404
    client.force_login(people.township_reviewer)
    assert "?tab=queue" in client.get("/workspace/").content.decode()
    assert client.get("/workspace/?tab=queue").status_code == 200


def test_returned_tab_badge_counts_my_own_returned_items(client, draft, people, make_user, county):
    returned(draft, people)
    colleague = make_user("editor", county.township)
    theirs = Article(title="同事的稿件", column=county.township_news, township=county.township, body="<p>正文。</p>")
    theirs.save_revision(by=colleague)
    client.force_login(people.editor)
    html = client.get("/workspace/?tab=mine").content.decode()
    assert re.search(r'\?tab=returned"[^>]*>已退回 <span class="badge">1<', html)
    client.force_login(colleague)
    assert 'class="badge"' not in client.get("/workspace/?tab=mine").content.decode()


# ---- 7. deleting one's own never-submitted draft -------------------------------------------------------------


def test_an_editor_deletes_their_own_draft_after_a_confirmation_page(draft, people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.editor)
    assert "删除草稿" in client.get(f"/workspace/articles/{draft.pk}/").content.decode()
    url = f"/workspace/articles/{draft.pk}/delete/"
    confirm = client.get(url)
    assert confirm.status_code == 200 and "确认删除" in confirm.content.decode()
    assert Article.objects.filter(pk=draft.pk).exists()  # the page only asks
    assert client.post(url).status_code == 403  # no CSRF token: refused
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm.content.decode()).group(1)
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response.url == "/workspace/bin/"
    # Into the recycle bin (tests/workspace/test_recycle_bin.py): gone from every list, its history kept.
    assert not Article.objects.filter(pk=draft.pk).exists()
    assert Article.all_objects.get(pk=draft.pk).status == S.DELETED
    assert Revision.objects.filter(article_id=draft.pk).exists()


def test_nobody_deletes_what_went_through_review_or_is_not_theirs(client, draft, people, make_user, county):
    colleague = make_user("editor", county.township)
    client.force_login(colleague)
    assert client.post(f"/workspace/articles/{draft.pk}/delete/").status_code == 403  # not their draft
    client.force_login(people.township_reviewer)
    assert client.post(f"/workspace/articles/{draft.pk}/delete/").status_code == 403
    returned(draft, people)
    client.force_login(people.editor)
    assert "删除草稿" not in client.get(f"/workspace/articles/{draft.pk}/").content.decode()
    assert client.get(f"/workspace/articles/{draft.pk}/delete/").status_code == 403
    assert client.post(f"/workspace/articles/{draft.pk}/delete/").status_code == 403
    assert Article.objects.filter(pk=draft.pk, status=S.RETURNED).exists()


# ---- 7. search in the workspace -------------------------------------------------------------------------------


def test_workspace_search_filters_visible_titles_and_keeps_the_query_across_pages(client, people, county):
    for i in range(23):
        Article(
            title=f"远门镇苹果产业动态{i}", column=county.township_news, township=county.township, body="<p>正文。</p>"
        ).save_revision(by=people.editor)
    Article(title="远门镇秋季征兵工作", column=county.township_news, township=county.township).save_revision(
        by=people.editor
    )
    Article(title="石桥镇苹果合作社", column=county.township_news, township=people.other_township).save_revision(
        by=people.other_editor
    )
    client.force_login(people.editor)
    html = client.get("/workspace/", {"tab": "all", "q": "苹果"}).content.decode()
    assert 'role="search"' in html and "远门镇苹果产业动态" in html
    assert "征兵" not in html and "石桥镇苹果合作社" not in html  # other title; other township
    assert "共 23 条" in html and re.search(r'href="\?[^"]*q=%E8%8B%B9%E6%9E%9C[^"]*page=2', html)
    second = client.get("/workspace/", {"tab": "all", "q": "苹果", "page": "2"}).content.decode()
    assert second.count("远门镇苹果产业动态") == 3
    assert "没有符合条件的稿件" in client.get("/workspace/", {"tab": "all", "status": "published"}).content.decode()
    assert client.get("/workspace/", {"tab": "all", "page": "x"}).status_code == 404  # the shared page parser


# ---- 7. upload errors clearly visible ---------------------------------------------------------------------


def test_a_bad_cover_upload_is_reported_next_to_the_field_and_at_the_top(client, draft, people):
    client.force_login(people.editor)
    bad = SimpleUploadedFile("cover.jpg", b"not really a picture", content_type="image/jpeg")
    response = client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, cover=bad))
    html = response.content.decode()
    assert response.status_code == 200
    summary = re.search(r'<div class="form-errors" role="alert".*?</div>', html, re.S)
    assert summary and 'href="#id_cover"' in summary.group(0)
    field_error = re.search(r'<div role="alert"><ul class="errorlist" id="id_cover_error">', html)
    assert field_error and field_error.start() < html.index('id="id_cover"', summary.end())


# ---- 7. 恢复此版本 asks first -------------------------------------------------------------------------------


def test_restoring_a_version_asks_for_confirmation_first(client, draft, people):
    draft.body = "<p>改过的正文。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    client.force_login(people.editor)
    history = client.get(f"/workspace/articles/{draft.pk}/revisions/").content.decode()
    url = f"/workspace/articles/{draft.pk}/revisions/1/restore/"
    assert f'href="{url}"' in history
    confirm = client.get(url)
    assert confirm.status_code == 200 and "确认恢复此版本" in confirm.content.decode()
    assert "改过的正文" in confirm.content.decode()  # what would be replaced is shown
    assert client.post(url).status_code == 200  # a bare POST only shows the question again
    draft.refresh_from_db()
    assert draft.latest_revision.number == 2 and draft.body == "<p>改过的正文。</p>"
    assert client.post(url, {"confirm": "1"}).status_code == 302
    draft.refresh_from_db()
    assert draft.latest_revision.number == 3 and draft.body == "<p>远门镇建成村级综治中心12处。</p>"


# ---- the new pages are valid HTML --------------------------------------------------------------------------


@pytest.mark.skipif(not VNU_JAR.exists() or not shutil.which("java"), reason="vnu.jar and Java needed")
def test_new_workspace_pages_are_valid_html(client, draft, people, tmp_path):
    draft.body = "<p>改过的正文。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    client.force_login(people.editor)
    pages = {
        "delete": f"/workspace/articles/{draft.pk}/delete/",
        "restore": f"/workspace/articles/{draft.pk}/revisions/1/restore/",
        "search": "/workspace/?tab=all&q=%E8%8B%B9%E6%9E%9C",
    }
    bad = SimpleUploadedFile("cover.jpg", b"not a picture", content_type="image/jpeg")
    files = []
    for name, url in pages.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(url).content)
    (tmp_path / "errors.html").write_bytes(
        client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, cover=bad)).content
    )
    returned(Article.objects.get(pk=draft.pk), people)
    (tmp_path / "returned.html").write_bytes(client.get(f"/workspace/articles/{draft.pk}/edit/").content)
    (tmp_path / "returned-list.html").write_bytes(client.get("/workspace/?tab=returned").content)
    files = sorted(str(p) for p in tmp_path.glob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages] == []
