import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article, Revision, UploadedImage

pytestmark = pytest.mark.django_db


def form_data(article, **changes):
    data = {
        "title": article.title,
        "subtitle": article.subtitle,
        "column": article.column_id,
        "township": article.township_id or "",
        "source": article.source,
        "authors": article.authors,
        "editor": article.editor,
        "summary": article.summary,
        "body": article.body,
        "base_revision": article.latest_revision_id,
    }
    return data | changes


def test_every_save_keeps_a_revision_with_all_editable_fields(client, draft, people, county):
    client.force_login(people.editor)
    response = client.post(
        f"/workspace/articles/{draft.pk}/edit/",
        form_data(draft, title="远门镇党建引领苹果产业提质增效", initiatives=[county.initiative.pk]),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.latest_revision.number == 2
    data = draft.latest_revision.data
    assert data["title"] == "远门镇党建引领苹果产业提质增效"
    assert data["initiative_ids"] == [county.initiative.pk]
    assert {"subtitle", "column_id", "township_id", "source", "authors", "editor", "summary", "body"} <= set(data)


def test_second_concurrent_save_is_refused_and_the_first_kept(draft, people, make_user, county):
    """Two people open the same article; the second save names who changed it and when, and keeps their text."""
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(people.editor)
    second.force_login(make_user("editor", county.township))
    url = f"/workspace/articles/{draft.pk}/edit/"
    base = first.get(url).context["form"]["base_revision"].value()
    assert second.get(url).context["form"]["base_revision"].value() == base  # both opened revision 1

    assert first.post(url, form_data(draft, body="<p>第一个人的修改。</p>", base_revision=base)).status_code == 302
    refused = second.post(url, form_data(draft, body="<p>第二个人的修改。</p>", base_revision=base))

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "保存被拒绝" in html and f"被 {people.editor} 修改" in html
    assert "第二个人的修改。" in html  # their text is still in the form, and in the differences shown
    draft.refresh_from_db()
    assert draft.body == "<p>第一个人的修改。</p>"
    assert Revision.objects.filter(article=draft).count() == 2


def test_model_refuses_a_save_based_on_an_old_revision(draft, people):
    from articles.models import EditConflict

    stale = Article.objects.get(pk=draft.pk)
    draft.title = "新标题"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    stale.title = "旧页面上的标题"
    with pytest.raises(EditConflict) as error:
        stale.save_revision(by=people.editor, base_revision_id=stale.latest_revision_id)
    assert "被" in str(error.value) and "修改" in str(error.value)
    assert Article.objects.get(pk=draft.pk).title == "新标题"


def test_compare_shows_character_level_changes_side_by_side(client, draft, people):
    draft.body = "<p>远门镇建成村级综治中心15处。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    client.force_login(people.editor)
    html = client.get(f"/workspace/articles/{draft.pk}/revisions/compare/?a=1&b=2").content.decode()
    assert "中心<del>12</del>处" in html and "中心<ins>15</ins>处" in html
    assert "远门镇建成村级综治中心" in html


@pytest.mark.parametrize("query", ["", "?a=1", "?a=x&b=2", "?a=1&b=99", "?a=1&b=1"])
def test_compare_with_bad_revision_numbers_is_404(client, draft, people, query):
    client.force_login(people.editor)
    assert client.get(f"/workspace/articles/{draft.pk}/revisions/compare/{query}").status_code == 404


def test_restoring_an_old_revision_adds_a_new_one(client, draft, people):
    original = draft.body
    draft.body = "<p>改过的正文。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    client.force_login(people.editor)
    response = client.post(f"/workspace/articles/{draft.pk}/revisions/1/restore/", {"confirm": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body == original
    assert draft.latest_revision.number == 3 and draft.latest_revision.note == "恢复自第1版"


def test_body_posted_through_the_form_is_sanitised(client, draft, people):
    client.force_login(people.editor)
    client.post(
        f"/workspace/articles/{draft.pk}/edit/",
        form_data(draft, body='<p onclick="x()">正文</p><script>alert(1)</script><h2>小标题</h2>'),
    )
    draft.refresh_from_db()
    assert draft.body == "<p>正文</p><h2>小标题</h2>"


def jpeg_bytes(size=(2400, 1800), exif=True):
    image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "CameraMaker"  # Make
        data[0x0112] = 1  # Orientation
        extra["exif"] = data.tobytes()
    image.save(buffer, "JPEG", **extra)
    return buffer.getvalue()


def test_image_upload_strips_exif_and_resizes(client, people):
    client.force_login(people.editor)
    upload = SimpleUploadedFile("photo.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = client.post("/workspace/images/upload/", {"file": upload, "alt_text": "党员志愿者清扫街道"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["alt"] == "党员志愿者清扫街道" and max(body["width"], body["height"]) == 1600
    stored = UploadedImage.objects.get()
    with Image.open(stored.file.path) as image:
        assert image.size == (1600, 1200)
        assert not image.getexif()


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("notes.jpg", b"this is not an image at all", "图片"),
        ("page.html", b"<html><script>alert(1)</script></html>", "图片"),
        ("empty.png", b"", "空文件"),
    ],
)
def test_upload_that_is_not_an_image_is_rejected(client, people, filename, content, message):
    client.force_login(people.editor)
    response = client.post(
        "/workspace/images/upload/", {"file": SimpleUploadedFile(filename, content), "alt_text": "说明"}
    )
    assert response.status_code == 400 and message in response.json()["error"]
    assert not UploadedImage.objects.exists()


def test_decompression_bomb_is_rejected_before_decoding(client, people):
    bomb = io.BytesIO()
    Image.new("1", (12000, 12000)).save(bomb, "PNG")  # a tiny file that would decode to 144 megapixels
    client.force_login(people.editor)
    response = client.post(
        "/workspace/images/upload/", {"file": SimpleUploadedFile("bomb.png", bomb.getvalue()), "alt_text": "说明"}
    )
    assert response.status_code == 400 and "像素过大" in response.json()["error"]
    assert not UploadedImage.objects.exists()


def test_too_large_upload_is_rejected(client, people, settings):
    from articles import images

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
    client.force_login(people.editor)
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (images.MAX_BYTES + 10))
    response = client.post("/workspace/images/upload/", {"file": big, "alt_text": "说明"})
    assert response.status_code == 400 and "图片文件过大" in response.json()["error"]


def test_upload_requires_alt_text(client, people):
    client.force_login(people.editor)
    upload = SimpleUploadedFile("photo.jpg", jpeg_bytes((200, 100)), content_type="image/jpeg")
    response = client.post("/workspace/images/upload/", {"file": upload, "alt_text": ""})
    assert response.status_code == 400


def test_upload_needs_a_workspace_role(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    upload = SimpleUploadedFile("photo.jpg", jpeg_bytes((200, 100)), content_type="image/jpeg")
    assert client.post("/workspace/images/upload/", {"file": upload, "alt_text": "x"}).status_code == 403
    client.logout()
    assert client.post("/workspace/images/upload/", {"file": upload, "alt_text": "x"}).status_code == 302


def _hidden(html, name):
    import re

    return re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html).group(1)


@pytest.fixture
def refused_save(draft, people, make_user, county):
    """Two people opened revision 1; the first saved, the second's save was refused: (client, page)."""
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(people.editor)
    second.force_login(make_user("editor", county.township))
    url = f"/workspace/articles/{draft.pk}/edit/"
    base = second.get(url).context["form"]["base_revision"].value()
    assert first.post(url, form_data(draft, body="<p>第一个人的修改。</p>", base_revision=base)).status_code == 302
    refused = second.post(url, form_data(draft, body="<p>第二个人的修改。</p>", base_revision=base))
    assert "保存被拒绝" in refused.content.decode()
    return second, refused


def test_pressing_save_again_after_a_refusal_is_refused_again(draft, refused_save):
    second, refused = refused_save
    html = refused.content.decode()
    url = f"/workspace/articles/{draft.pk}/edit/"
    # The form as re-rendered: exactly what pressing 保存 once more sends.
    again = second.post(
        url, form_data(draft, body="<p>第二个人的修改。</p>", base_revision=_hidden(html, "base_revision"))
    )

    assert again.status_code == 200 and "保存被拒绝" in again.content.decode()
    draft.refresh_from_db()
    assert draft.body == "<p>第一个人的修改。</p>"
    assert Revision.objects.filter(article=draft).count() == 2


def test_overwriting_the_other_version_is_an_explicit_choice_on_record(draft, refused_save):
    from articles.models import AuditEntry

    second, refused = refused_save
    html = refused.content.decode()
    assert "我已查看对方的修改，仍以我的版本覆盖" in html
    url = f"/workspace/articles/{draft.pk}/edit/"
    choice = form_data(
        draft,
        body="<p>第二个人的修改。</p>",
        base_revision=_hidden(html, "base_revision"),
        seen_revision=_hidden(html, "seen_revision"),
        overwrite="1",
    )
    assert second.post(url, choice).status_code == 302

    draft.refresh_from_db()
    assert draft.body == "<p>第二个人的修改。</p>" and draft.latest_revision.number == 3
    entry = draft.audit.filter(action=AuditEntry.Action.EDITED).order_by("-id").first()
    assert entry.revision == draft.latest_revision
    assert "已查看第2版" in entry.comment and "仍以本人版本覆盖" in entry.comment


def test_an_overwrite_choice_covers_only_the_version_that_was_seen(draft, people, refused_save):
    second, refused = refused_save
    html = refused.content.decode()
    third = Article.objects.get(pk=draft.pk)
    third.body = "<p>第三个人又改了。</p>"
    third.save_revision(by=people.editor, base_revision_id=third.latest_revision_id)

    url = f"/workspace/articles/{draft.pk}/edit/"
    choice = form_data(
        draft,
        body="<p>第二个人的修改。</p>",
        base_revision=_hidden(html, "base_revision"),
        seen_revision=_hidden(html, "seen_revision"),
        overwrite="1",
    )
    response = second.post(url, choice)
    assert response.status_code == 200 and "保存被拒绝" in response.content.decode()
    draft.refresh_from_db()
    assert draft.body == "<p>第三个人又改了。</p>"
