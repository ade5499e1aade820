"""Share cards (og:* and itemprop) on every public page, and the 分享 block's QR code and link."""

import io
import re

import lxml.html
import pytest
import zxingcpp
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SITE_URL = "https://dangjian.example.cn"
OG = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def picture(width, height, fmt="JPEG"):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 22, 29)).save(out, fmt)
    return out.getvalue()


def card(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    head = lxml.html.document_fromstring(response.content).head
    og = {m.get("property"): m.get("content") for m in head.iter("meta") if m.get("property")}
    itemprop = {m.get("itemprop"): m.get("content") for m in head.iter("meta") if m.get("itemprop")}
    return og, itemprop, response.content.decode()


def image_size(url):
    """The pixel size of the file an og:image URL points at (media from storage, static from the finders)."""
    path = url.removeprefix(SITE_URL)
    if path.startswith("/media/"):
        with default_storage.open(path.removeprefix("/media/")) as handle, Image.open(handle) as image:
            return image.format, image.size
    with Image.open(finders.find(path.removeprefix("/static/"))) as image:
        return image.format, image.size


def public_pages(county, article):
    return {
        "home": "/",
        "column": county.news.get_absolute_url(),
        "sub-column page 2": county.township_news.get_absolute_url() + "?page=2",
        "article": article.get_absolute_url(),
        "township": county.township.get_absolute_url(),
        "township list": "/townships/",
        "initiative": county.initiative.get_absolute_url(),
        "initiative list": "/initiatives/",
        "search": "/search/?q=党建",
        "search form": "/search/",
    }


def test_every_public_page_has_an_absolute_share_card(client, county, add_articles):
    article = add_articles(40)[20]
    for name, url in public_pages(county, article).items():
        og, itemprop, _ = card(client, url)
        assert set(OG) <= set(og), name
        assert all(og[key] for key in OG), (name, og)
        assert og["og:url"] == SITE_URL + url.split("?")[0], name
        assert og["og:image"].startswith(SITE_URL + "/"), name
        assert og["og:type"] == ("article" if name == "article" else "website"), name
        assert og["og:site_name"] == "党建网"
        assert itemprop == {"name": og["og:title"], "description": og["og:description"], "image": og["og:image"]}
        assert image_size(og["og:image"])[1] == (int(og["og:image:width"]), int(og["og:image:height"]))


def test_the_404_page_has_a_card_too(client, county):
    og, _, _ = card(client, "/no-such-page/", status=404)
    assert og["og:url"] == SITE_URL + "/no-such-page/" and og["og:image"].startswith(SITE_URL)


def test_an_article_card_shows_its_title_summary_and_cover(client, county):
    article = ArticleFactory(published=True, column=county.township_news, title="远门镇“党建+平安”见成效")
    article.cover.save("cover.jpg", ContentFile(picture(800, 450)))
    og, _, html = card(client, article.get_absolute_url())
    assert og["og:title"] == "远门镇“党建+平安”见成效"
    assert og["og:description"] == "远门镇以党建引领产业发展。"
    assert og["og:image"] == SITE_URL + article.cover.url
    assert image_size(og["og:image"]) == ("JPEG", (800, 450))
    assert (og["og:image:width"], og["og:image:height"], og["og:image:type"]) == ("800", "450", "image/jpeg")
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html


def test_without_a_cover_the_first_body_picture_is_used(client, county):
    name = default_storage.save("uploads/2026/12/photo.png", ContentFile(picture(640, 480, "PNG")))
    small = default_storage.save("uploads/2026/12/icon.jpg", ContentFile(picture(120, 120)))
    body = (
        f'<p>村里召开党员大会。</p><img src="https://elsewhere.example.com/a.jpg" alt="外站图片">'
        f'<img src="/media/{small}" alt="小图"><figure><img src="/media/{name}" alt="会场"></figure>'
    )
    article = ArticleFactory(published=True, column=county.township_news, body=body)
    og, _, _ = card(client, article.get_absolute_url())
    assert og["og:image"] == f"{SITE_URL}/media/{name}"
    assert image_size(og["og:image"]) == ("PNG", (640, 480))


def test_a_small_or_missing_cover_falls_back_to_the_site_picture(client, county):
    small = ArticleFactory(published=True, column=county.township_news)
    small.cover.save("small.jpg", ContentFile(picture(200, 150)))
    missing = ArticleFactory(published=True, column=county.township_news, cover="covers/gone.jpg")
    plain = ArticleFactory(published=True, column=county.township_news)
    for article in (small, missing, plain):
        og, _, _ = card(client, article.get_absolute_url())
        assert og["og:image"] == f"{SITE_URL}/static/img/share-default.png"
        fmt, (width, height) = image_size(og["og:image"])
        assert fmt == "PNG" and width >= 300 and height >= 300


def test_a_cover_and_body_pictures_cost_no_extra_query(client, county, add_articles):
    from tests.articles.test_views import count_queries

    add_articles(10)
    plain = ArticleFactory(published=True, column=county.township_news)
    name = default_storage.save("uploads/2026/12/photo.jpg", ContentFile(picture(640, 480)))
    pictured = ArticleFactory(published=True, column=county.township_news, body=f'<img src="/media/{name}" alt="会场">')
    pictured.cover.save("cover.jpg", ContentFile(picture(800, 450)))
    assert count_queries(client, pictured.get_absolute_url()) == count_queries(client, plain.get_absolute_url())


# ---- the 分享 block ------------------------------------------------------------------------------


def rasterise_segno_svg(svg, module_px=6, quiet=4):
    """segno's inline SVG (one path of horizontal runs: M/m moves and h lines along row+0.5) as a picture."""
    size = int(re.search(r'width="(\d+)"', svg).group(1))
    scale = float(re.search(r"scale\(([\d.]+)\)", svg).group(1))
    modules = round(size / scale)
    path = re.search(r' d="([^"]+)"', svg).group(1)
    image = Image.new("L", ((modules + 2 * quiet) * module_px,) * 2, 255)
    pen = ImageDraw.Draw(image)
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            row, start, end = int(y), int(x), int(x + float(a))
            left, top = (start + quiet) * module_px, (row + quiet) * module_px
            pen.rectangle([left, top, (end + quiet) * module_px - 1, top + module_px - 1], fill=0)
            x += float(a)
    return image


def test_the_qr_code_on_the_article_page_decodes_to_its_address(client, county):
    article = ArticleFactory(published=True, column=county.township_news)
    _, _, html = card(client, article.get_absolute_url())
    share = lxml.html.fragment_fromstring(re.search(r'<section class="share".*?</section>', html, re.S).group(0))
    svg = lxml.html.tostring(share.find(".//svg"), encoding="unicode")
    assert 'role="img"' in svg and 'aria-label="本文网址的二维码"' in svg
    results = zxingcpp.read_barcodes(rasterise_segno_svg(svg))
    assert [r.text for r in results] == [f"{SITE_URL}/articles/{article.pk}/"]
    assert "微信扫一扫，分享给朋友" in share.text_content()
    field = share.find(".//input")
    assert field.get("readonly") is not None and field.get("value") == f"{SITE_URL}/articles/{article.pk}/"
    assert share.find(".//button").get("data-copy-link") == field.get("id")
    assert share.find(".//img") is None  # drawn inline by segno: no picture from an outside QR service


def test_the_share_block_is_the_same_for_every_reader(client, county, people):
    article = ArticleFactory(published=True, column=county.township_news)

    def block():
        html = client.get(article.get_absolute_url()).content.decode()
        return re.search(r'<section class="share".*?</section>', html, re.S).group(0)

    anonymous = block()
    client.force_login(people.county_reviewer)
    assert block() == anonymous


def test_the_share_block_is_on_articles_only_and_hidden_in_print(client, county):
    article = ArticleFactory(published=True, column=county.township_news)
    assert 'class="share"' not in client.get("/").content.decode()
    assert Article.objects.get(pk=article.pk).is_public
    print_css = finders.find("css/print.css")
    with open(print_css, encoding="utf-8") as handle:
        assert ".share { display: none !important; }" in handle.read()


def test_staff_and_private_pages_carry_no_share_card(client, people):
    login = client.get("/accounts/login/").content.decode()
    client.force_login(people.editor)
    workspace = client.get("/workspace/").content.decode()
    assert 'property="og:url"' not in login and 'property="og:url"' not in workspace
