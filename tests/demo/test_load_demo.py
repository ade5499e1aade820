import datetime

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from accounts.roles import Role
from articles.models import Article, Column
from demo.data import site
from townships.models import Practice, Township

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", "--quiet-logins")


def test_demo_meets_the_foundation_minimums(demo):
    assert Township.objects.count() >= 6
    assert all(t.villages.exists() for t in Township.objects.all())
    assert Practice.objects.filter(figures__isnull=False).distinct().count() >= 20
    published = Article.objects.published()
    assert published.count() >= 40
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Column.objects.visible().filter(children__isnull=True).count() >= 5
    assert any(published.in_column(c).count() > 20 for c in Column.objects.filter(children__isnull=True))
    assert published.filter(township__isnull=True).exists()
    assert published.exclude(cover="").count() >= 5
    assert published.filter(is_headline=True).exclude(cover="").exists()


def test_demo_has_articles_in_every_workflow_state_with_history(demo):
    # 已删除 is the recycle bin, not a workflow state; Article.objects never shows it.
    assert set(Article.objects.values_list("status", flat=True)) == set(Article.Status.values) - {"deleted"}
    for article in Article.objects.all():
        assert article.latest_revision is not None
        assert article.audit.exists()
    returned = Article.objects.get(status=Article.Status.RETURNED)
    assert returned.audit.filter(action="returned").exclude(comment="").exists()


def test_demo_loads_twice_without_duplicates(demo):
    counts = (Township.objects.count(), Practice.objects.count(), Article.objects.count())
    call_command("load_demo", "--quiet-logins")
    assert (Township.objects.count(), Practice.objects.count(), Article.objects.count()) == counts


def test_every_demo_login_works_with_its_role(demo, rf):
    for username, _, role, _township in site.USERS:
        user = authenticate(rf.post("/accounts/login/"), username=username, password=site.DEMO_PASSWORD)
        assert user is not None, username
        if role:
            assert user.groups.filter(name=role).exists()
            assert (user.township is not None) == Role(role).township_bound
        else:
            assert user.is_superuser


def test_demo_text_has_no_unfilled_template_blanks(demo):
    for article in Article.objects.all():
        for blank in ("XX", "××", "某某", "***"):
            assert blank not in article.title + article.body, (article.title, blank)


def test_demo_pages_all_render(client, demo):
    urls = ["/", "/townships/", "/initiatives/", "/sitemap.xml"]
    urls += [c.get_absolute_url() for c in Column.objects.visible()]
    urls += [t.get_absolute_url() for t in Township.objects.all()]
    urls += [a.get_absolute_url() for a in Article.objects.published()[:10]]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_demo_publicity_notice_has_ended_and_is_marked(client, demo):
    notice = Article.objects.get(title="关于拟表彰全县优秀村（社区）党组织书记的公示")
    assert notice.has_ended and notice.ended_at == notice.ends_at
    assert (notice.ends_at - notice.published_at).days == 7
    assert notice.audit.filter(action="ended").count() == 1
    assert datetime.datetime.fromisoformat(notice.latest_revision.data["ends_at"]) == notice.ends_at
    listed = client.get(notice.column.get_absolute_url()).content.decode()
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "到期结束，仅供查阅" in page
    assert f'<span class="tag tag--ended">已结束</span>{notice.title}' in listed  # 通知公告 marks ended items


def test_the_demo_shows_policy_metadata_and_each_column_kind(client, demo):
    from articles.models import Disclosure

    old = Article.objects.get(title="云溪县农村党员量化管理暂行办法")
    assert old.disclosure.validity == Disclosure.Validity.REPEALED and old.disclosure.replaced_by.is_public
    page = client.get(old.get_absolute_url()).content.decode()
    assert "disclosure-table" in page and f'现行文件见<a href="{old.disclosure.replaced_by.get_absolute_url()}"' in page
    current = client.get(old.disclosure.replaced_by.get_absolute_url()).content.decode()
    assert "政策解读：" in current and "本文件取代：" in current
    kinds = dict(Column.objects.values_list("slug", "kind"))
    assert {kinds["functions"], kinds["party-portal"], kinds["study"]} == {"page", "link", "topic"}
    assert Column.objects.filter(parent__parent__slug="study").exists()  # three levels
    assert "您即将离开本站" in client.get("/columns/party-portal/").content.decode()
    assert "学习动态" in client.get("/columns/study/").content.decode()
    assert len(set(Disclosure.objects.values_list("index_number", flat=True))) == Disclosure.objects.count()
