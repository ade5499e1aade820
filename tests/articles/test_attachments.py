"""附件: checked by content, Office files cleaned (保密自查), listed and served only while the article is public."""

import hashlib
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from articles import attachments
from articles.models import Article, Attachment
from tests import attachment_files as files
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def upload(name, data):
    return SimpleUploadedFile(name, data)


def attach(article, name, data, filename="file.bin", position=1):
    checked = attachments.check(upload(filename, data))
    return Attachment.objects.create(
        article=article,
        position=position,
        name=name,
        file=checked.as_file("attachment"),
        kind=checked.kind,
        content_type=checked.content_type,
        size=len(checked.content),
        sha256=checked.sha256,
    )


# ---- what may be attached ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "filename", "kind"),
    [
        (files.pdf, "名单.pdf", "pdf"),
        (files.pdf, "名单.txt", "pdf"),  # the content decides, not the name
        (files.ofd, "通知.ofd", "ofd"),
        (files.docx_form, "报名表.docx", "docx"),
        (files.excel, "统计表.xlsx", "xlsx"),
        (files.plain_zip, "材料.zip", "zip"),
        (files.legacy_word, "旧表.doc", "doc"),
        (files.legacy_word, "旧表.wps", "wps"),
        (files.legacy_excel, "旧表.xls", "xls"),
        (files.legacy_excel, "旧表.et", "et"),
    ],
)
def test_accepted_types_are_recognised_by_their_content(builder, filename, kind):
    checked = attachments.check(upload(filename, builder()))
    assert checked.kind == kind
    assert checked.content_type == attachments.CONTENT_TYPES[kind]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "通知.pdf", "不支持这种文件"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "报名表.docx", "不支持这种文件"),
        (b"", "空.pdf", "空文件"),
        (b"PK\x03\x04broken", "坏.zip", "压缩文件已损坏"),
        (files.plain_zip(**{"setup.exe": "MZ"}), "材料.zip", "可执行程序"),
        (files.word(tracked=True), "报名表.docx", "文件含修订痕迹，请接受或拒绝全部修订后再上传"),
        (files.excel(comment=True), "统计表.xlsx", "表格含批注"),
        (files.legacy_word("张三"), "旧表.doc", "另存为 DOCX/XLSX"),
    ],
)
def test_other_files_are_refused_with_a_clear_message(data, filename, message):
    with pytest.raises(ValidationError) as error:
        attachments.check(upload(filename, data))
    assert message in error.value.messages[0]


def test_the_size_cap_names_the_limit(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError) as error:
        attachments.check(upload("大.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)))
    assert error.value.messages == ["附件过大（2.0 MB），单个附件不能超过 1.0 MB。"]


def test_word_files_lose_author_last_modified_by_and_comments():
    import io

    import docx

    checked = attachments.check(upload("报名表.docx", files.word(author="张三", modified_by="李四", comment=True)))
    assert checked.cleaned == ["作者信息", "批注"]
    document = docx.Document(io.BytesIO(checked.content))
    assert document.core_properties.author == "" and document.core_properties.last_modified_by == ""
    assert document.paragraphs[0].text == "报名表"  # the text itself is untouched
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(checked.content))
    assert not [n for n in archive.namelist() if "comments" in n]
    assert b"comment" not in archive.read("word/document.xml")
    assert b"comments" not in archive.read("word/_rels/document.xml.rels")
    for name in archive.namelist():
        assert "张三".encode() not in archive.read(name) and "李四".encode() not in archive.read(name)


def test_excel_files_lose_their_author():
    import io

    import openpyxl

    checked = attachments.check(upload("统计表.xlsx", files.excel(creator="张三")))
    book = openpyxl.load_workbook(io.BytesIO(checked.content))
    assert book.properties.creator in ("", None) and book.properties.lastModifiedBy in ("", None)
    assert book.active["A1"].value == "姓名"


@pytest.mark.parametrize("mini", [False, True])
def test_a_legacy_file_summary_is_read_for_its_author(mini):
    streams = attachments.read_compound(files.legacy_word("王五", mini=mini))
    assert attachments.summary_properties(streams["\x05SummaryInformation"]) == {4: "王五", 8: "王五"}
    assert streams["WordDocument"].startswith(b"\xec\xa5")
    assert attachments.check(upload("旧表.doc", files.legacy_word(mini=mini))).kind == "doc"


@pytest.mark.parametrize(("size", "label"), [(300, "1 KB"), (36 * 1024, "36 KB"), (int(1.45 * 1024 * 1024), "1.4 MB")])
def test_sizes_read_as_on_the_page(size, label):
    assert attachments.size_label(size) == label


def test_download_names_keep_chinese_and_lose_path_characters():
    assert attachments.download_name("报名表", "docx") == "报名表.docx"
    sneaky = attachments.download_name("../../etc/passwd\n", "pdf")
    assert "/" not in sneaky and "\n" not in sneaky and sneaky.endswith("etc_passwd.pdf")
    assert attachments.download_name("  ", "zip") == "附件.zip"


# ---- on the public page and as downloads ---------------------------------------------------------


@pytest.fixture
def notice(county):
    article = ArticleFactory(published=True, column=county.notices, title="关于举办轮训班的通知")
    form = attach(article, "报名表", files.docx_form(), position=1)
    listing = attach(article, "参训人员名单", files.pdf(), position=2)
    return article, form, listing


def test_the_notice_lists_its_attachments_in_order(client, notice):
    article, form, listing = notice
    html = client.get(article.get_absolute_url()).content.decode()
    meta = '<span class="attachment-list__meta">'
    link = '<a href="{}" download data-sha256="{}">{}</a>'
    first = (
        "附件1："
        + link.format(form.get_absolute_url(), form.sha256, "报名表")
        + f"{meta}（DOCX，{form.size_label}）</span>"
    )
    second = "附件2：" + link.format(listing.get_absolute_url(), listing.sha256, "参训人员名单") + f"{meta}（PDF，"
    assert first in html and second in html
    assert html.index(first) < html.index(second)


def test_a_download_keeps_the_chinese_name_type_and_bytes(client, notice):
    _, form, _ = notice
    response = client.get(form.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == attachments.CONTENT_TYPES["docx"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        f"attachment; filename=\"attachment-{form.pk}.docx\"; filename*=UTF-8''{quote('报名表.docx')}"
    )
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == form.sha256
    assert int(response["Content-Length"]) == len(body) == form.size


def test_a_draft_withdrawn_or_deleted_item_serves_no_files(client, notice, people):
    article, form, _ = notice
    url = form.get_absolute_url()
    article.withdraw(by=people.county_reviewer, reason="内容需要更正")
    assert client.get(url).status_code == 404
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    assert client.get(url).status_code == 404
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED, is_internal=True)
    assert client.get(url).status_code == 404
    Article.objects.filter(pk=article.pk).update(is_internal=False)
    assert client.get(url).status_code == 200
    Article.objects.filter(pk=article.pk).delete()
    assert client.get(url).status_code == 404


def test_nginx_sends_the_bytes_when_configured(client, notice, settings):
    settings.ATTACHMENT_ACCEL_PREFIX = "/protected-media/"
    _, form, _ = notice
    response = client.get(form.get_absolute_url())
    assert response["X-Accel-Redirect"] == f"/protected-media/{form.file.name}"
    assert response["Content-Disposition"].startswith("attachment; ")


def test_the_article_page_costs_one_query_more_whatever_the_number_of_attachments(client, county, notice):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article, _, _ = notice
    bare = ArticleFactory(published=True, column=county.notices)
    counts = []
    for item in (bare, article):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(item.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    for n in range(3, 8):
        attach(article, f"附件{n}", files.pdf(), position=n)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())
    assert counts[0] == counts[1] == len(queries)
    prefetches = [q["sql"] for q in queries.captured_queries if "articles_attachment" in q["sql"]]
    assert len(prefetches) == 1


# ---- through the workflow --------------------------------------------------------------------------


def test_a_republished_copy_carries_the_attachments(county, people, notice):
    article, form, listing = notice
    article.township = county.township
    article.save()
    copy = article.republish(column=county.township_news, by=people.county_reviewer)
    assert [(a.name, a.sha256, a.file.name) for a in copy.attachments.all()] == [
        (form.name, form.sha256, form.file.name),
        (listing.name, listing.sha256, listing.file.name),
    ]
    assert [a["name"] for a in copy.latest_revision.data["attachments"]] == ["报名表", "参训人员名单"]


# ---- static export, tamper watch, link checker, storage, demo --------------------------------------


def publish(draft, people):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.approve(by=people.township_reviewer)
    draft.publish(by=people.county_reviewer)


def test_static_export_copies_the_files_and_a_withdrawal_removes_them(
    draft, people, settings, tmp_path, django_capture_on_commit_callbacks
):
    from publishing import static_export

    out = tmp_path / "site"
    settings.STATIC_EXPORT_DIR = str(out)
    form = attach(draft, "报名表", files.docx_form())
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft, people)
    exported = out / f"articles/{draft.pk}/attachments/{form.pk}/报名表.docx"
    assert exported.read_bytes() == form.file.open("rb").read()
    static_export.export_all(out, with_static=False)
    assert exported.exists()
    with django_capture_on_commit_callbacks(execute=True):
        draft.withdraw(by=people.county_reviewer, reason="内容需要更正")
    assert not exported.exists()


def test_the_fingerprint_covers_the_attachment_list_and_the_exported_bytes(
    draft, people, settings, tmp_path, django_capture_on_commit_callbacks
):
    from inspection import tamper
    from publishing import static_export

    settings.STATIC_EXPORT_DIR = str(tmp_path / "site")
    form = attach(draft, "报名表", files.docx_form())
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft, people)
    approved = draft.fingerprint.digest
    assert tamper.check([draft]) == []

    exported = static_export.attachment_file(tmp_path / "site", form)
    exported.write_bytes(b"%PDF-1.4 swapped")
    [alert] = tamper.check([draft])
    assert alert.where.startswith("静态附件") and alert.expected == form.sha256

    Attachment.objects.filter(pk=form.pk).update(sha256="0" * 64)  # the list changed behind the workflow
    page = tamper.render_article(draft)
    assert tamper.digest_of_page(page) != approved


def test_the_link_checker_follows_attachment_links(county, settings):
    from inspection import links
    from inspection.models import LinkCheck

    settings.SITE_URL = "http://testserver"
    article = ArticleFactory(published=True, column=county.notices)
    kept, lost = attach(article, "报名表", files.docx_form()), attach(article, "名单", files.pdf(), position=2)
    lost.file.storage.delete(lost.file.name)
    links.run()
    results = {row.url.removeprefix("http://testserver"): row for row in LinkCheck.objects.all()}
    assert results[kept.get_absolute_url()].ok
    assert not results[lost.get_absolute_url()].ok and results[lost.get_absolute_url()].status_code == 404


def test_attachments_are_stored_and_served_through_object_storage(client, county, settings):
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    with moto.mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="dangjian-media")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {"bucket_name": "dangjian-media", "region_name": "us-east-1", "file_overwrite": False},
            },
        }
        article = ArticleFactory(published=True, column=county.notices)
        form = attach(article, "报名表", files.docx_form())
        stored = boto3.client("s3", region_name="us-east-1").get_object(Bucket="dangjian-media", Key=form.file.name)
        assert hashlib.sha256(stored["Body"].read()).hexdigest() == form.sha256
        response = client.get(form.get_absolute_url())
        assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == form.sha256


def test_the_demo_notices_carry_real_files(db):
    import io
    import zipfile

    import docx
    from django.core.management import call_command

    call_command("load_demo", "--quiet-logins")
    notice = Article.objects.get(title__contains="党组织书记轮训班", column__slug="notices")
    pdf, form = notice.attachments.all()
    assert (pdf.kind, form.kind) == ("pdf", "docx")
    data = pdf.file.open("rb").read()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    # Each xref offset points at its object.
    xref = int(data.rsplit(b"startxref", 1)[1].split()[0])
    offsets = [int(line[:10]) for line in data[xref:].split(b"\n")[3:10]]
    assert [data[o : o + 8] for o in offsets] == [b"%d 0 obj\n" % n for n in range(1, 8)]
    assert docx.Document(io.BytesIO(form.file.open("rb").read())).paragraphs[0].text == "参训人员名单汇总表"
    assert zipfile.ZipFile(io.BytesIO(form.file.open("rb").read())).testzip() is None
    assert notice.latest_revision.data["attachments"][1]["name"] == "参训人员名单汇总表"


def test_nginx_serves_exported_attachments_and_hands_withdrawn_ones_back_to_django(tmp_path, county):
    """The shipped static config: the exported file with nosniff and as a download; a missing one falls back."""
    import shutil
    import subprocess
    import time
    import urllib.request

    from django.core.management import call_command

    from tests.deploy.test_configs import NGINX, ROOT, prefix

    if not shutil.which(NGINX) and not __import__("pathlib").Path(NGINX).exists():
        pytest.skip("nginx is installed by `make test-tools`")
    article = ArticleFactory(published=True, column=county.notices)
    form = attach(article, "报名表", files.docx_form())
    out = tmp_path / "public"
    call_command("publish_static", str(out), "--skip-collectstatic")
    conf = (ROOT / "deploy/nginx/dangjian-static.conf").read_text(encoding="utf-8")
    conf = (
        conf.replace("/srv/dangjian/public", str(out))
        .replace("include /etc/nginx/dangjian-proxy.conf;", "")
        .replace("listen 80;", "listen 127.0.0.1:18982;")
        .replace("server 127.0.0.1:8000;", "server 127.0.0.1:9;")
    )
    server = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(prefix(tmp_path, conf)), "-g", "daemon off;"])
    try:
        time.sleep(0.5)
        with urllib.request.urlopen("http://127.0.0.1:18982" + form.get_absolute_url()) as response:
            assert hashlib.sha256(response.read()).hexdigest() == form.sha256
            assert response.headers["Content-Type"] == attachments.CONTENT_TYPES["docx"]
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Content-Disposition"] == "attachment"
        with pytest.raises(urllib.error.HTTPError) as error:  # straight from /media/: never
            urllib.request.urlopen("http://127.0.0.1:18982/media/" + form.file.name)
        assert error.value.code == 404
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_bring_back_the_files(client, county, tmp_path, settings):
    from django.core.management import call_command

    article = ArticleFactory(published=True, column=county.notices)
    form = attach(article, "报名表", files.docx_form())
    call_command("backup", str(tmp_path / "backup"))
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("restore", str(tmp_path / "backup"))
    restored = Attachment.objects.get()
    assert (restored.name, restored.sha256, restored.file.name) == ("报名表", form.sha256, form.file.name)
    response = client.get(restored.get_absolute_url())
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == form.sha256
