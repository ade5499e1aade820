"""The editor's 附件 list: upload, name, order, remove, clear refusals; revisions, diffs, restore; the review page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Attachment
from tests import attachment_files as files
from tests.workspace.test_editing import form_data

pytestmark = pytest.mark.django_db


def attachment_data(article, rows, *, extra=0):
    """The formset fields: `rows` are dicts of name/file/position/id/DELETE for forms 0, 1, …"""
    existing = list(article.attachments.all()) if article.pk else []
    data = {
        "attachments-TOTAL_FORMS": str(len(rows) + extra),
        "attachments-INITIAL_FORMS": str(len(existing)),
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "20",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"attachments-{index}-{key}"] = value
    return data


def edit(client, article, rows):
    return client.post(
        f"/workspace/articles/{article.pk}/edit/", form_data(article) | attachment_data(article, rows), follow=True
    )


def docx_upload(name="报名表.docx", **options):
    return SimpleUploadedFile(name, files.word(**options) if options else files.docx_form())


def test_an_editor_attaches_files_and_the_office_file_is_cleaned(client, draft, people):
    client.force_login(people.editor)
    response = edit(
        client,
        draft,
        [
            {"name": "报名表", "file": docx_upload(author="张三", comment=True), "position": "1"},
            {"name": "", "file": SimpleUploadedFile("参训人员名单.pdf", files.pdf()), "position": "2"},
        ],
    )
    html = response.content.decode()
    assert "附件“报名表”已自动清除：作者信息、批注。" in html
    names = [(a.position, a.name, a.kind) for a in draft.attachments.all()]
    assert names == [(1, "报名表", "docx"), (2, "参训人员名单", "pdf")]  # an empty name takes the file's
    assert "附件1：" in html and "报名表</a>（DOCX，" in html  # the item's page lists them for the reviewer
    draft.refresh_from_db()
    assert [a["name"] for a in draft.latest_revision.data["attachments"]] == ["报名表", "参训人员名单"]


def test_a_refused_file_says_why_and_nothing_is_saved(client, draft, people):
    client.force_login(people.editor)
    response = edit(
        client,
        draft,
        [{"name": "报名表", "file": docx_upload(tracked=True), "position": "1"}],
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "附件未能保存，请修改以下问题：" in html
    assert "文件含修订痕迹，请接受或拒绝全部修订后再上传。" in html
    assert not Attachment.objects.exists()
    assert draft.revisions.count() == 1

    html = edit(client, draft, [{"name": "网页", "file": SimpleUploadedFile("a.pdf", b"<html></html>")}]).content
    assert "不支持这种文件。附件只能是 PDF、OFD、Word（DOC/DOCX）" in html.decode()
    html = edit(client, draft, [{"name": "只有名字", "position": "1"}]).content.decode()
    assert "请选择附件文件。" in html


def test_reorder_rename_and_remove_are_kept_as_revisions_and_compared(client, draft, people):
    client.force_login(people.editor)
    edit(
        client,
        draft,
        [
            {"name": "报名表", "file": docx_upload(), "position": "1"},
            {"name": "名单", "file": SimpleUploadedFile("名单.pdf", files.pdf()), "position": "2"},
        ],
    )
    form, listing = draft.attachments.all()
    draft.refresh_from_db()
    response = edit(
        client,
        draft,
        [
            {"id": form.pk, "name": "报名表", "position": "2", "DELETE": "on"},
            {"id": listing.pk, "name": "参训人员名单", "position": "1"},
        ],
    )
    assert response.status_code == 200
    assert [(a.position, a.name) for a in draft.attachments.all()] == [(1, "参训人员名单")]
    draft.refresh_from_db()
    assert draft.latest_revision.number == 3

    compare = client.get(f"/workspace/articles/{draft.pk}/revisions/compare/?a=2&b=3").content.decode()
    assert "附件" in compare and "<del>" in compare
    assert "<ins>参训人员</ins>名<ins>单</ins>" in compare and "<del>附件2：名单（PDF，1 KB，SHA-256" in compare

    # 恢复此版本: revision 2's list comes back, with the same files.
    client.post(f"/workspace/articles/{draft.pk}/revisions/2/restore/", {"confirm": "1"})
    restored = list(draft.attachments.all())
    assert [(a.position, a.name, a.sha256) for a in restored] == [
        (1, "报名表", form.sha256),
        (2, "名单", listing.sha256),
    ]
    assert restored[0].file.name == form.file.name


def test_a_new_article_can_carry_attachments_from_the_start(client, people, county):
    client.force_login(people.editor)
    data = {
        "title": "远门镇关于报送材料的通知",
        "column": county.township_news.pk,
        "township": county.township.pk,
        "body": "<p>请报送材料。</p>",
    } | attachment_data(type("New", (), {"pk": None})(), [{"name": "材料清单", "file": docx_upload()}], extra=1)
    response = client.post("/workspace/articles/new/", data, follow=True)
    assert response.status_code == 200
    attachment = Attachment.objects.get()
    assert attachment.name == "材料清单" and attachment.article.title == "远门镇关于报送材料的通知"
    assert attachment.article.revisions.get().data["attachments"][0]["sha256"] == attachment.sha256


def test_reviewers_download_attachments_before_publication_and_outsiders_do_not(client, draft, people):
    client.force_login(people.editor)
    edit(client, draft, [{"name": "报名表", "file": docx_upload()}])
    attachment = draft.attachments.get()
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    url = f"/workspace/articles/{draft.pk}/attachments/{attachment.pk}/"
    client.force_login(people.township_reviewer)
    page = client.get(draft.get_workspace_url()).content.decode()
    assert f'href="{url}"' in page and "附件1：" in page
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == attachment.file.open("rb").read()
    assert client.get(attachment.get_absolute_url()).status_code == 404  # not public yet
    client.force_login(people.other_reviewer)
    assert client.get(url).status_code in (403, 404)


def test_an_edit_without_the_attachment_part_keeps_the_list(client, draft, people):
    client.force_login(people.editor)
    edit(client, draft, [{"name": "报名表", "file": docx_upload()}])
    draft.refresh_from_db()
    assert client.post(f"/workspace/articles/{draft.pk}/edit/", form_data(draft, title="新标题")).status_code == 302
    assert draft.attachments.count() == 1
