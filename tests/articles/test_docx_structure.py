"""A Word file keeps its shape on import: headings, lists, tables, pictures and a notice's attachment list.

Each file is built with python-docx and imported both ways an editor can: the workspace's 导入 upload (the
preview's body) and `manage.py import_articles` (the saved, sanitised draft).
"""

import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from articles.models import Article, UploadedImage

pytestmark = pytest.mark.django_db

TITLE = "远门镇召开2025年党建工作推进会"
LEAD = "3月5日，远门镇召开2025年党建工作推进会，总结去年工作，部署今年重点任务，全镇各村党支部书记参加会议。"
PROSE = "会议要求，各村要把党建工作与乡村振兴结合起来，层层压实责任，确保各项任务落到实处。"


def word_file(build):
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(LEAD)
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(params=["upload", "command"])
def imported_body(request, client, people, county, tmp_path):
    """The body a Word file becomes, through the 导入 page or through the command."""

    def run(data):
        if request.param == "upload":
            client.force_login(people.editor)
            response = client.post("/workspace/articles/import/", {"file": SimpleUploadedFile("report.docx", data)})
            assert response.status_code == 200
            return response.context["form"].initial["body"], response.content.decode()
        path = tmp_path / "report.docx"
        path.write_bytes(data)
        call_command("import_articles", "--column", "township-news", str(path))
        article = Article.objects.get()
        return article.body, "\n".join(f.message for f in article.content_findings())

    return run


def test_word_heading_styles_and_chinese_numbered_headings_become_headings(imported_body):
    def build(document):
        document.add_heading("一、工作开展情况", level=1)
        document.add_paragraph(PROSE)
        document.add_heading("（一）强化组织领导", level=2)
        document.add_paragraph(PROSE.replace("各村", "各党支部"))
        document.add_paragraph("二、下一步工作打算")  # typed, not styled: recognised by its shape
        document.add_paragraph("（二）抓好队伍建设")
        document.add_paragraph("（三）加强督促检查。镇党委将每季度通报一次进展，对落实不力的严肃问责。")

    body, _ = imported_body(word_file(build))
    soup = BeautifulSoup(body, "html.parser")
    assert [h.get_text() for h in soup.find_all("h2")] == ["一、工作开展情况", "二、下一步工作打算"]
    assert [h.get_text() for h in soup.find_all("h3")] == ["（一）强化组织领导", "（二）抓好队伍建设"]
    # A numbered line that is a sentence stays a paragraph.
    assert "（三）加强督促检查。" in [p.get_text()[:10] for p in soup.find_all("p")]


def test_word_lists_stay_lists(imported_body):
    def build(document):
        document.add_paragraph("会议明确了三项重点任务：")
        for item in ("建强村党组织阵地", "开展党员积分管理", "推进党群服务中心提档升级"):
            document.add_paragraph(item, style="List Number")
        document.add_paragraph("与会人员还实地观摩了两个示范点：")
        for item in ("黄湾村党群服务中心", "石桥村便民服务站"):
            document.add_paragraph(item, style="List Bullet")
        document.add_paragraph(PROSE)

    body, _ = imported_body(word_file(build))
    soup = BeautifulSoup(body, "html.parser")
    assert [li.get_text() for li in soup.select("ol > li")] == [
        "建强村党组织阵地",
        "开展党员积分管理",
        "推进党群服务中心提档升级",
    ]
    assert [li.get_text() for li in soup.select("ul > li")] == ["黄湾村党群服务中心", "石桥村便民服务站"]


def test_word_tables_stay_tables_in_place(imported_body):
    def build(document):
        document.add_paragraph("各村党员积分排名如下：")
        table = document.add_table(rows=3, cols=2)
        for row, (village, score) in zip(
            table.rows, [("村名", "积分"), ("黄湾村", "96"), ("石桥村", "91")], strict=True
        ):
            row.cells[0].text, row.cells[1].text = village, score
        document.add_paragraph(PROSE)

    body, _ = imported_body(word_file(build))
    soup = BeautifulSoup(body, "html.parser")
    table = soup.find("table")
    assert [[c.get_text() for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")] == [
        ["村名", "积分"],
        ["黄湾村", "96"],
        ["石桥村", "91"],
    ]
    assert table.find_previous_sibling("p").get_text() == "各村党员积分排名如下："
    assert table.find_next_sibling("p").get_text() == PROSE


def picture_bytes():
    """A 2400 × 1200 JPEG carrying EXIF (a camera make)."""
    picture = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "相机厂商"  # Make
    Image.new("RGB", (2400, 1200), "#b22").save(picture, "JPEG", exif=exif)
    return picture.getvalue()


def test_word_pictures_are_stored_as_uploads_and_flagged_for_alt_text(imported_body):
    def build(document):
        document.add_picture(io.BytesIO(picture_bytes()))
        document.add_paragraph(PROSE)

    body, messages = imported_body(word_file(build))
    stored = UploadedImage.objects.get()
    assert stored.alt_text == "" and (stored.width, stored.height) == (1600, 800)
    with Image.open(stored.file) as saved:
        assert not saved.getexif()
    image = BeautifulSoup(body, "html.parser").find("img")
    assert image["src"] == stored.file.url and image.get("alt", "") == ""
    assert "1 张图片没有图片说明" in messages


def test_a_notices_attachment_list_is_kept_as_a_list(imported_body):
    def build(document):
        document.add_paragraph(PROSE)
        document.add_paragraph("附件：1.远门镇党员积分管理办法")
        document.add_paragraph("2.党员积分登记表")
        document.add_paragraph("中共远门镇委员会")
        document.add_paragraph("2025年3月5日")

    body, _ = imported_body(word_file(build))
    soup = BeautifulSoup(body, "html.parser")
    assert [li.get_text() for li in soup.select("ol > li")] == ["远门镇党员积分管理办法", "党员积分登记表"]
    assert soup.find("ol").find_previous_sibling("p").get_text() == "附件："
    assert soup.find_all("p")[-1].get_text() == "2025年3月5日"


def test_a_picture_that_is_not_an_image_we_accept_is_counted_not_stored(client, people, county):
    def build(document):
        document.add_picture(io.BytesIO(picture_bytes()))
        document.add_paragraph(PROSE)

    data = word_file(build)
    # Corrupt the stored picture inside the package: Word still lists it, Pillow cannot read it.
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for member in source.infolist():
            payload = source.read(member)
            archive.writestr(member, b"not a picture" if member.filename.startswith("word/media/") else payload)
    client.force_login(people.editor)
    response = client.post(
        "/workspace/articles/import/", {"file": SimpleUploadedFile("report.docx", target.getvalue())}
    )
    assert UploadedImage.objects.count() == 0
    assert "<img" not in response.context["form"].initial["body"]
    assert "原文有 1 张图片未导入" in response.content.decode()


def test_a_dry_run_stores_no_pictures(county, tmp_path, capsys):
    def build(document):
        document.add_picture(io.BytesIO(picture_bytes()))
        document.add_paragraph(PROSE)

    path = tmp_path / "report.docx"
    path.write_bytes(word_file(build))
    call_command("import_articles", "--dry-run", "--json", str(path))
    [output] = json.loads(capsys.readouterr().out)
    assert UploadedImage.objects.count() == 0 and "<img" not in output["body_html"]
    assert output["body_text"] == f"{LEAD}\n{PROSE}"
