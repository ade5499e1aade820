import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article

pytestmark = pytest.mark.django_db
VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

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


SHIQIAO_PAGE = """您现在的位置：首页 > 新闻中心 > 乡镇动态
石桥镇开展春季义务植树活动
发布时间：2025-04-10 10:30　来源：石桥镇人民政府
　　近日，石桥镇组织党员干部开展春季义务植树活动，共栽种树苗1200株。
　　镇党委书记带头参加劳动，各村党员踊跃参与。
推荐阅读
- 河湾乡召开防汛工作部署会 25-04-12
关于我们 | 联系我们 | 网站地图
陕ICP备2026004817号-1
"""


def test_preview_lists_each_dropped_line_with_its_reason_and_a_put_back_button(client, people, county):
    client.force_login(people.editor)
    html = client.post("/workspace/articles/import/", {"text": PASTED}).content.decode()
    dropped = html[html.index('<details class="import-dropped">') : html.index("</details>")]
    assert "导航/面包屑，第1行</span>：<span" in dropped and "您现在的位置：首页 &gt; 新闻中心 &gt; 乡镇动态" in dropped
    assert "元信息，第3行" in dropped and "页脚/备案，第7行" in dropped
    assert dropped.count("放回正文</button>") == 4  # breadcrumb, meta line, footer links, ICP line
    assert 'data-put-back="陕ICP备2026004817号-1"' in dropped


def test_preview_says_which_line_gave_title_date_source_and_why(client, people, county):
    client.force_login(people.editor)
    html = client.post("/workspace/articles/import/", {"text": PASTED}).content.decode()
    assert "标题来自第2行「远门镇：便民服务站覆盖全部行政村」（发布时间、来源一行上方最近的标题样式行）" in html
    assert "发布时间来自第3行「发布时间：2025-03-02 09:21" in html and "（元信息行中的“发布时间”）" in html
    assert "来源来自第3行" in html and "（元信息行中的“来源”）" in html
    assert "乡镇来自「远门镇：便民服务站覆盖全部行政村」（标题中出现本站乡镇“远门镇”）" in html


def test_recognised_township_is_selected_for_someone_who_may_file_for_it(client, people, county):
    client.force_login(people.county_reviewer)
    response = client.post("/workspace/articles/import/", {"text": SHIQIAO_PAGE})
    assert response.context["form"].initial["township"] == people.other_township
    assert f'<option value="{people.other_township.pk}" selected>石桥镇</option>' in response.content.decode()
    assert "已在“乡镇”中选中石桥镇。" in response.content.decode()


def test_another_townships_page_keeps_the_editors_township_and_says_why(client, people, county):
    client.force_login(people.editor)
    response = client.post("/workspace/articles/import/", {"text": SHIQIAO_PAGE})
    html = response.content.decode()
    assert response.context["imported"].township == "石桥镇"
    assert response.context["form"].initial["township"] == county.township
    assert f'<option value="{county.township.pk}" selected>远门镇</option>' in html
    assert "您只能为远门镇撰写稿件，不能选择石桥镇，已保留远门镇。" in html


@pytest.mark.skipif(not VNU_JAR.exists() or not shutil.which("java"), reason="vnu.jar and Java needed")
def test_import_preview_is_valid_html(client, people, county, tmp_path):
    client.force_login(people.editor)
    (tmp_path / "preview.html").write_bytes(client.post("/workspace/articles/import/", {"text": SHIQIAO_PAGE}).content)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(tmp_path / "preview.html")],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [f"{m.get('lastLine')}: {m['message']}" for m in messages] == []
