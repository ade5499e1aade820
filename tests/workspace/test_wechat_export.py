"""导出为公众号格式: inline styles only, absolute picture addresses, no script; whoever sees the item may export it."""

import lxml.html
import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db

SITE_URL = "https://dangjian.example.cn"
BODY = (
    "<h2>一、基本情况</h2><p>远门镇建成村级综治中心<strong>12处</strong>。</p>"
    "<ul><li><p>监控点位114个</p></li><li>网格员56名</li></ul><ol><li>第一条</li></ol>"
    '<figure><img src="/media/uploads/2026/12/meeting.jpg" alt="党员大会"><figcaption>党员大会现场</figcaption></figure>'
    "<table><tr><th>项目</th><th>数量</th></tr><tr><td>综治中心</td><td>12</td></tr></table>"
    '<h3>二、下一步</h3><blockquote><p>继续抓好。</p></blockquote><p><a href="/articles/1/">相关报道</a></p>'
    '<p onclick="alert(1)" class="lead">结尾<script>alert(2)</script></p>'
)


@pytest.fixture
def item(draft, people, settings):
    settings.SITE_URL = SITE_URL
    draft.body = BODY
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    return draft


def exported_document(client, article):
    response = client.get(f"/workspace/articles/{article.pk}/wechat/?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E5%85%AC%E4%BC%97%E5%8F%B7.html" in response["Content-Disposition"]  # …-公众号.html
    return response.content.decode()


def test_the_export_has_only_inline_styles_absolute_pictures_and_no_script(client, item, people):
    client.force_login(people.editor)
    html = exported_document(client, item)
    doc = lxml.html.document_fromstring(html)
    assert doc.find(".//style") is None and doc.find(".//link") is None and doc.find(".//script") is None
    assert "alert" not in html and "onclick" not in html
    body = doc.body
    elements = list(body.iter())[1:]
    assert all(e.get("class") is None and e.get("id") is None for e in elements)
    unstyled = {e.tag for e in elements if not e.get("style")}
    assert unstyled <= {"tbody", "tr", "br"}, unstyled
    for tag in ("h1", "h2", "h3", "ul", "ol", "li", "table", "th", "td", "blockquote", "figure", "figcaption", "img"):
        assert body.find(f".//{tag}") is not None, tag
    assert body.find(".//h1").text == "远门镇党建引领苹果产业发展"
    assert [img.get("src") for img in body.iter("img")] == [f"{SITE_URL}/media/uploads/2026/12/meeting.jpg"]
    assert body.find(".//a").get("href") == f"{SITE_URL}/articles/1/"
    assert "text-indent" not in body.find(".//li/p").get("style")  # a list item's paragraph is not indented


def test_the_export_page_previews_and_offers_copy_and_download(client, item, people):
    client.force_login(people.county_reviewer)
    response = client.get(f"/workspace/articles/{item.pk}/wechat/")
    assert response.status_code == 200
    page = lxml.html.document_fromstring(response.content)
    preview = page.get_element_by_id("wechat-preview")
    assert preview.find(".//h2").get("style").startswith("margin:")
    assert page.find(".//button[@data-copy-rich='wechat-preview']").text == "复制排版"
    assert page.find(".//a[@download]").get("href") == "?download=1"
    source = page.get_element_by_id("wechat-source").text
    assert source.startswith("<section style=") and "<script" not in source
    detail = client.get(item.get_workspace_url()).content.decode()
    assert f'href="/workspace/articles/{item.pk}/wechat/">导出为公众号格式</a>' in detail


def test_a_published_item_links_back_to_its_page(client, item, people):
    Article.objects.filter(pk=item.pk).update(status=Article.Status.PUBLISHED, published_at="2026-12-01T08:00:00Z")
    client.force_login(people.editor)
    html = exported_document(client, Article.objects.get(pk=item.pk))
    assert f"本文来自党建网：{SITE_URL}/articles/{item.pk}/" in html


def test_only_those_who_see_the_item_may_export_it(client, item, people):
    client.force_login(people.other_editor)  # another township's editor: the item is invisible to them
    assert client.get(f"/workspace/articles/{item.pk}/wechat/").status_code == 404
    assert client.get(f"/workspace/articles/{item.pk}/wechat/?download=1").status_code == 404
    client.logout()
    response = client.get(f"/workspace/articles/{item.pk}/wechat/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_body_stored_behind_save_is_sanitised_on_export(client, item, people):
    Article.objects.filter(pk=item.pk).update(body='<p class="x" onclick="alert(1)">正文</p><script>alert(2)</script>')
    client.force_login(people.editor)
    html = exported_document(client, item)
    assert "alert" not in html and "<script" not in html and "正文</p>" in html
