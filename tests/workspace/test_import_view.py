import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article

pytestmark = pytest.mark.django_db

PASTED = """您现在的位置：首页 > 新闻中心 > 乡镇动态
远门镇：便民服务站覆盖全部行政村
发布时间：2025-03-02 09:21　来源：远门镇人民政府　浏览次数：128　【字体：大 中 小】
　　今年以来，远门镇推行党建+政务服务，全镇共建成便民服务站*个，群众办事不出村。
　　镇党委组织党员代办员上门服务，累计代办事项860件。
关于我们 | 联系我们 | 网站地图
陕ICP备2026004817号-1
"""


def test_pasted_page_is_previewed_with_fields_and_warnings(client, people, county):
    client.force_login(people.editor)
    response = client.post("/workspace/articles/import/", {"text": PASTED})
    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    assert form.initial["title"] == "远门镇：便民服务站覆盖全部行政村"
    assert form.initial["source"] == "远门镇人民政府"
    assert form.initial["township"] == county.township
    assert "ICP" not in form.initial["body"] and "您现在的位置" not in form.initial["body"]
    assert "未填写的占位符" in html and "便民服务站*个" in html
    assert Article.objects.count() == 0  # nothing saved until the editor says so


def test_uploaded_gb18030_file_is_read(client, people):
    client.force_login(people.editor)
    data = "清泉镇召开党员大会\n　　会议选举产生了新一届党委委员。\n".encode("gb18030")
    response = client.post("/workspace/articles/import/", {"file": SimpleUploadedFile("report.txt", data)})
    assert response.context["form"].initial["title"] == "清泉镇召开党员大会"


def test_unreadable_upload_says_why_and_keeps_the_form(client, people):
    client.force_login(people.editor)
    response = client.post("/workspace/articles/import/", {"file": SimpleUploadedFile("report.docx", b"garbage")})
    assert response.status_code == 200 and "Word 文件已损坏" in response.content.decode()


def test_empty_import_asks_for_content(client, people):
    client.force_login(people.editor)
    assert "请粘贴稿件内容或选择一个文件" in client.post("/workspace/articles/import/", {}).content.decode()
