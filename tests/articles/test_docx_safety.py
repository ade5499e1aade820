"""
Hostile Word files (zip bombs, entity expansion, broken XML) are refused with a Chinese message before
anything unpacks them, on every path that reads a .docx: the workspace 导入, a work report's Word
file and `manage.py import_articles`, where the rest of the batch goes on.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from articles.archive_safety import Limits, UnsafeArchive, check_docx
from articles.models import Article
from tests.docx_files import GOOD, HOSTILE, document, docx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("case", HOSTILE)
def test_workspace_import_refuses_a_hostile_word_file_with_a_chinese_message(client, people, case):
    data, words = HOSTILE[case]
    client.force_login(people.editor)
    response = client.post("/workspace/articles/import/", {"file": SimpleUploadedFile("报告.docx", data)})
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html and "未导入" in html
    assert not Article.objects.exists()


def test_import_articles_reports_each_hostile_file_and_imports_the_rest(county, tmp_path, capsys):
    paths = []
    for case, (data, _words) in HOSTILE.items():
        paths.append(tmp_path / f"{case}.docx")
        paths[-1].write_bytes(data)
    good = tmp_path / "good.docx"
    good.write_bytes(GOOD)
    call_command("import_articles", *map(str, [*paths, good]), "--json")
    output = json.loads(capsys.readouterr().out)
    for item, (_data, words) in zip(output, HOSTILE.values(), strict=False):
        assert item["warnings"][0]["kind"] == "unreadable" and words in item["warnings"][0]["message"]
    assert [a.title for a in Article.objects.all()] == ["远门镇召开党建工作推进会"]


def test_an_ordinary_word_file_still_imports(client, people):
    client.force_login(people.editor)
    response = client.post("/workspace/articles/import/", {"file": SimpleUploadedFile("报告.docx", GOOD)})
    assert response.context["form"].initial["title"] == "远门镇召开党建工作推进会"


def test_the_total_size_and_the_time_are_bounded_too():
    four = docx(document("党建"), [(f"word/media/{i}.xml", "<a/>" + " " * 300_000) for i in range(4)])
    with pytest.raises(UnsafeArchive, match="解压后共"):
        check_docx(four, Limits(total_bytes=1024 * 1024))
    with pytest.raises(UnsafeArchive, match="秒内未能解开"):
        check_docx(four, Limits(seconds=0))
    check_docx(four)  # within the real limits


def test_the_conversion_itself_is_stopped_after_its_time_bound():
    from articles.archive_safety import convert_docx

    with pytest.raises(UnsafeArchive, match="秒内未能转换完成"):
        convert_docx(GOOD, Limits(convert_seconds=0.001))
    assert "远门镇召开党建工作推进会" in convert_docx(GOOD).html
