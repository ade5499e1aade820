"""
回收站: deleting is soft and restorable for 30 days; purging needs a reason; the revisions' record and the
audit trail survive a purge of the text. Real requests (workspace, admin, public pages) on both databases.
"""

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, ArticleDeletion, AuditEntry, Revision
from articles.tasks import purge_expired_articles

pytestmark = pytest.mark.django_db
S = Article.Status
A = AuditEntry.Action


@pytest.fixture
def live(draft, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    return draft


def delete_in_workspace(client, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/workspace/articles/{article.pk}/delete/")


def test_an_admin_deletes_a_published_item_it_vanishes_and_its_record_stays(
    client, live, people, django_capture_on_commit_callbacks
):
    revisions = list(Revision.objects.filter(article=live).values_list("number", "data"))
    assert client.get(live.get_absolute_url()).status_code == 200
    client.force_login(people.admin)
    assert "删除" in client.get(f"/workspace/articles/{live.pk}/delete/").content.decode()
    response = delete_in_workspace(client, live, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response.url == "/workspace/bin/"

    client.logout()
    assert client.get(live.get_absolute_url()).status_code == 404
    for url in ["/", "/columns/township-news/", "/feed/", "/sitemap.xml", "/townships/yuanmen/"]:
        assert live.title not in client.get(url).content.decode(), url
    assert live.title not in client.get("/search/", {"q": "苹果产业"}).content.decode()

    stored = Article.all_objects.get(pk=live.pk)
    assert stored.status == S.DELETED and not Article.objects.filter(pk=live.pk).exists()
    assert list(Revision.objects.filter(article=live).values_list("number", "data")) == revisions
    actions = list(live.audit.order_by("created_at", "id").values_list("action", flat=True))
    assert actions[-1] == A.MOVED_TO_BIN and A.PUBLISHED in actions
    entry = ArticleDeletion.objects.get(article=live)
    assert entry.status_before == S.PUBLISHED and entry.deleted_by == people.admin

    client.force_login(people.admin)
    html = client.get("/workspace/bin/").content.decode()
    assert live.title in html and str(people.admin) in html and "30 天" in html and "已发布" in html
    assert client.get(f"/workspace/articles/{live.pk}/").status_code == 404  # out of the workspace lists too
    assert live.title not in client.get("/workspace/?tab=all").content.decode()


def test_a_restored_published_item_comes_back_as_a_draft_and_others_as_they_were(
    client, live, people, county, django_capture_on_commit_callbacks
):
    client.force_login(people.admin)
    delete_in_workspace(client, live, django_capture_on_commit_callbacks)
    response = client.post(f"/workspace/bin/{live.pk}/restore/")
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.status == S.DRAFT  # not back on the site without a new review
    restored = live.audit.get(action=A.RESTORED_FROM_BIN)
    assert restored.to_status == S.DRAFT and "需重新审核" in restored.comment
    assert client.get(live.get_absolute_url()).status_code == 404

    waiting = Article(title="待终审的稿件", column=county.township_news, township=county.township)
    waiting.save_revision(by=people.editor)
    Article.objects.filter(pk=waiting.pk).update(status=S.COUNTY_REVIEW)
    delete_in_workspace(client, waiting, django_capture_on_commit_callbacks)
    client.post(f"/workspace/bin/{waiting.pk}/restore/")
    waiting.refresh_from_db()
    assert waiting.status == S.COUNTY_REVIEW
    assert client.post(f"/workspace/bin/{waiting.pk}/restore/").status_code == 404  # not in the bin any more


def test_purging_needs_a_reason_blanks_the_text_and_keeps_the_record(
    client, live, people, django_capture_on_commit_callbacks
):
    client.force_login(people.admin)
    delete_in_workspace(client, live, django_capture_on_commit_callbacks)
    url = f"/workspace/bin/{live.pk}/purge/"
    page = client.get(url).content.decode()
    assert "彻底删除的理由" in page and "required" in page
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 200 and "彻底删除必须填写理由" in refused.content.decode()
    assert Article.all_objects.get(pk=live.pk).body == "<p>远门镇建成村级综治中心12处。</p>"

    assert client.post(url, {"reason": "误发涉密内容"}).status_code == 302
    purged = Article.all_objects.get(pk=live.pk)
    assert purged.title == "远门镇党建引领苹果产业发展"  # what was signed off stays named
    assert "综治中心" not in purged.body and purged.source == "" and purged.search_body == ""
    for revision in Revision.objects.filter(article=live):
        assert revision.data["body"] == "" and revision.data["purged"] and revision.created_by is not None
    actions = set(live.audit.values_list("action", flat=True))
    assert {A.SUBMITTED, A.APPROVED, A.PUBLISHED, A.MOVED_TO_BIN, A.PURGED} <= actions
    assert live.audit.get(action=A.PURGED).comment == "误发涉密内容"
    assert ArticleDeletion.objects.get(article=live).purge_reason == "误发涉密内容"
    assert "回收站是空的" in client.get("/workspace/bin/").content.decode()  # purged: out of the bin
    assert client.post(f"/workspace/bin/{live.pk}/restore/").status_code == 404


def test_an_editor_bins_and_restores_their_own_draft_but_cannot_purge(client, draft, people, make_user, county):
    client.force_login(people.editor)
    assert client.post(f"/workspace/articles/{draft.pk}/delete/").status_code == 302
    html = client.get("/workspace/bin/").content.decode()
    assert draft.title in html and "恢复" in html and f"/workspace/bin/{draft.pk}/purge/" not in html
    assert client.get(f"/workspace/bin/{draft.pk}/purge/").status_code == 403
    colleague = make_user("editor", county.township)
    client.force_login(colleague)
    assert draft.title not in client.get("/workspace/bin/").content.decode()
    assert client.post(f"/workspace/bin/{draft.pk}/restore/").status_code == 404
    client.force_login(people.editor)
    client.post(f"/workspace/bin/{draft.pk}/restore/")
    assert Article.objects.get(pk=draft.pk).status == S.DRAFT


def test_nobody_else_deletes_a_reviewed_item(client, live, people):
    for person in (people.editor, people.township_reviewer, people.county_reviewer):
        client.force_login(person)
        assert client.post(f"/workspace/articles/{live.pk}/delete/").status_code == 403
    assert Article.objects.get(pk=live.pk).status == S.PUBLISHED


def test_deleting_in_the_admin_moves_to_the_bin(
    admin_client, client, live, people, county, django_capture_on_commit_callbacks
):
    other = Article(title="管理后台批量删除", column=county.township_news, township=county.township)
    other.save_revision(by=people.editor)
    admin = f"/{django_settings.ADMIN_URL}articles/article/"
    confirm = admin_client.get(f"{admin}{live.pk}/delete/")
    assert confirm.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(f"{admin}{live.pk}/delete/", {"post": "yes"}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin, {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"})
    assert set(Article.all_objects.filter(pk__in=[live.pk, other.pk]).values_list("status", flat=True)) == {S.DELETED}
    assert Revision.objects.filter(article=live).exists() and live.audit.filter(action=A.PUBLISHED).exists()
    assert client.get(live.get_absolute_url()).status_code == 404


def test_items_in_the_bin_for_more_than_30_days_are_purged_by_the_daily_task(people, county):
    assert {"task": "articles.tasks.purge_expired_articles", "every": "day", "at": "03:00"} in (
        django_settings.PERIODIC_TASKS
    )
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        old = Article(title="三十天前删除", column=county.township_news, township=county.township, body="<p>旧</p>")
        old.save_revision(by=people.editor)
        old.move_to_bin(by=people.admin)
    with time_machine.travel(start + datetime.timedelta(days=20), tick=False):
        recent = Article(title="二十天前删除", column=county.township_news, township=county.township)
        recent.save_revision(by=people.editor)
        recent.move_to_bin(by=people.admin)
    with time_machine.travel(start + datetime.timedelta(days=29, hours=23), tick=False):
        assert purge_expired_articles.call() == 0
    with time_machine.travel(start + datetime.timedelta(days=30, hours=1), tick=False):
        assert purge_expired_articles.call() == 1
        assert purge_expired_articles.call() == 0  # a rerun purges nothing twice
    assert old.audit.get(action=A.PURGED).comment == "回收站保留期满"
    assert old.audit.get(action=A.PURGED).actor_name == "系统"
    assert "旧" not in Article.all_objects.get(pk=old.pk).body
    assert ArticleDeletion.objects.in_bin().get().article_id == recent.pk


def test_days_left_counts_down(client, draft, people):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        draft.move_to_bin(by=people.editor)
    with time_machine.travel(start + datetime.timedelta(days=12, minutes=1), tick=False):
        client.force_login(people.editor)
        html = client.get("/workspace/bin/").content.decode()
    assert re.search(r'data-label="剩余天数">17 天<', html)


def test_a_backup_keeps_what_is_in_the_bin(draft, people, tmp_path):
    draft.move_to_bin(by=people.editor)
    call_command("backup", str(tmp_path / "backup"))
    records = json.loads((tmp_path / "backup" / "data.json").read_text())
    articles = [r for r in records if r["model"] == "articles.article"]
    assert [(r["pk"], r["fields"]["status"]) for r in articles] == [(draft.pk, "deleted")]
    assert any(r["model"] == "articles.articledeletion" for r in records)


VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.skipif(not VNU_JAR.exists() or not shutil.which("java"), reason="vnu.jar and Java needed")
def test_bin_and_batch_pages_are_valid_html(client, live, draft, people, county, tmp_path):
    other = Article(title="批量页面校验", column=county.township_news, township=county.township)
    other.save_revision(by=people.editor)
    client.force_login(people.admin)
    seen = {"ids": [other.pk], f"seen_{other.pk}": "draft"}
    pages = {
        "list": client.get("/workspace/?tab=all"),
        "confirm": client.post("/workspace/batch/", {**seen, "action": "move"}),
        "confirm-error": client.post("/workspace/batch/", {**seen, "action": "return", "confirm": "1"}),
        "result": client.post("/workspace/batch/", {**seen, "action": "delete", "confirm": "1"}),
        "delete": client.get(f"/workspace/articles/{live.pk}/delete/"),
    }
    live.move_to_bin(by=people.admin)
    pages["bin"] = client.get("/workspace/bin/")
    pages["purge"] = client.post(f"/workspace/bin/{live.pk}/purge/", {"reason": ""})
    for name, response in pages.items():
        assert response.status_code == 200, name
        (tmp_path / f"{name}.html").write_bytes(response.content)
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


def test_binning_a_published_item_drops_its_cached_pages_and_its_static_copy(
    client, live, people, settings, tmp_path, django_capture_on_commit_callbacks
):
    from publishing import static_export

    settings.PAGE_CACHE = True
    settings.STATIC_EXPORT_DIR = str(tmp_path / "static-site")
    static_export.update_for_article(live)
    copy = Path(settings.STATIC_EXPORT_DIR) / static_export.file_for(live.get_absolute_url())
    assert copy.exists()
    for url in ["/", "/columns/township-news/", live.get_absolute_url()]:
        assert live.title in client.get(url).content.decode(), url  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        live.move_to_bin(by=people.admin)
    assert client.get(live.get_absolute_url()).status_code == 404
    assert live.title not in client.get("/columns/township-news/").content.decode()
    assert live.title not in client.get("/").content.decode()
    assert not copy.exists()


def test_a_withdrawn_item_answers_404_in_the_bin_and_410_again_once_restored(
    client, live, people, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    with django_capture_on_commit_callbacks(execute=True):
        live.withdraw(by=people.county_reviewer, reason="数据有误")
    assert client.get(live.get_absolute_url()).status_code == 410
    with django_capture_on_commit_callbacks(execute=True):
        live.move_to_bin(by=people.admin)
    assert client.get(live.get_absolute_url()).status_code == 404
    assert client.get(live.get_absolute_url()).status_code == 404  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        assert live.restore_from_bin(by=people.admin) == S.WITHDRAWN
    assert client.get(live.get_absolute_url()).status_code == 410


def test_purging_removes_the_attachments_and_their_files(client, live, people, django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    from tests import attachment_files as files
    from tests.articles.test_attachments import attach

    attachment = attach(live, "名单", files.pdf(), filename="名单.pdf")
    stored = attachment.file.name
    assert default_storage.exists(stored)
    client.force_login(people.admin)
    delete_in_workspace(client, live, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/workspace/bin/{live.pk}/purge/", {"reason": "误传附件"}).status_code == 302
    assert not live.attachments.exists() and not default_storage.exists(stored)
    assert all(revision.data["attachments"] == [] for revision in Revision.objects.filter(article=live))
