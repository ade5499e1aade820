import pytest

from tests.factories import ArticleFactory, FigureFactory, PracticeFactory, TownshipFactory

pytestmark = pytest.mark.django_db


def test_township_page_shows_profile_villages_practices_with_figures_and_articles(client, county):
    article = ArticleFactory(published=True, column=county.township_news, township=county.township)
    draft = ArticleFactory(column=county.township_news, township=county.township, title="尚未发布的稿件")
    html = client.get("/townships/yuanmen/").content.decode()
    for text in (
        "远门镇",
        "远门村",
        "东街社区",
        "党员",
        "1260 名",
        "党建+平安建设",
        "监控点位",
        "114",
        "2024年12月为86个",
    ):
        assert text in html, text
    assert article.title in html
    assert draft.title not in html


def test_initiative_page_compares_townships_side_by_side(client, county):
    other = TownshipFactory(slug="shiqiao", name="石桥镇")
    practice = PracticeFactory(township=other, initiative=county.initiative)
    FigureFactory(practice=practice, label="监控点位", value=326, unit="个")
    response = client.get(county.initiative.get_absolute_url())
    assert response.context["labels"] == ["监控点位", "村级综治中心"]
    rows = {
        p.township.name: [s.latest.display_value if s else None for s in row]
        for p, row in response.context["comparison"]
    }
    assert rows == {"远门镇": ["114", "12"], "石桥镇": ["326", None]}


def test_initiative_page_lists_its_articles(client, county):
    tagged = ArticleFactory(published=True, column=county.township_news, initiatives=[county.initiative])
    untagged = ArticleFactory(published=True, column=county.township_news)
    html = client.get(county.initiative.get_absolute_url()).content.decode()
    assert tagged.title in html and untagged.title not in html


def test_township_and_initiative_indexes_link_every_entry(client, county):
    assert county.township.get_absolute_url() in client.get("/townships/").content.decode()
    assert county.initiative.get_absolute_url() in client.get("/initiatives/").content.decode()
