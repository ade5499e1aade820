"""导入跳转 and 最近的404 → 设为跳转 in the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.redirects.models import Redirect
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from oldlinks.models import NotFoundPath
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def upload(admin_client, text, encoding="gbk", **options):
    data = {"file": SimpleUploadedFile("旧网址.csv", text.encode(encoding), "text/csv"), **options}
    return admin_client.post(reverse("admin:redirects_redirect_import"), data)


def test_the_import_page_shows_each_row_and_writes_only_a_clean_batch(admin_client, county):
    article = ArticleFactory(published=True, column=county.township_news)
    changelist = admin_client.get(reverse("admin:redirects_redirect_changelist")).content.decode()
    assert f'href="{reverse("admin:redirects_redirect_import")}">导入跳转</a>' in changelist

    bad = upload(
        admin_client, f"旧网址,新网址\n/show.asp?id=3,{article.get_absolute_url()}\n/x.asp,/articles/999999/\n"
    )
    html = bad.content.decode()
    assert bad.status_code == 200 and "没有导入任何跳转：1 行有误" in html and "新网址在本站打不开（404）" in html
    assert "文件编码：GBK" in html and not Redirect.objects.exists()

    good = upload(admin_client, f"/show.asp?id=3,{article.get_absolute_url()}\n", "utf-16")
    assert "已导入：新增 1 行" in good.content.decode()
    assert Redirect.objects.get().old_path == "/show.asp?id=3"

    unreadable = upload(admin_client, "", "utf-8")
    assert unreadable.status_code == 200 and "所提交的是空文件" in unreadable.content.decode()
    binary = admin_client.post(
        reverse("admin:redirects_redirect_import"),
        {"file": SimpleUploadedFile("a.csv", b"\xff\xd8\xff" + bytes(range(256)))},
    )
    assert "没有导入任何跳转：无法识别文件编码" in binary.content.decode()


def test_set_as_redirect_turns_recorded_404s_into_redirects(admin_client, county, client):
    ArticleFactory(published=True, column=county.township_news)
    now = timezone.now()
    seen = {"first_seen": now - datetime.timedelta(days=2), "last_seen": now}
    old = NotFoundPath.objects.create(path="/plus/view.php?aid=7", hits=12, referrer="https://www.baidu.com/", **seen)
    other = NotFoundPath.objects.create(path="/html/2019/notice.html", hits=3, **seen)
    url = reverse("admin:oldlinks_notfoundpath_changelist")
    listing = admin_client.get(url).content.decode()
    assert "/plus/view.php?aid=7" in listing and "设为跳转" in listing and "https://www.baidu.com/" in listing

    chosen = {"action": "make_redirects", "_selected_action": [old.pk, other.pk]}
    form = admin_client.post(url, chosen).content.decode()
    assert f'name="target-{old.pk}"' in form and f'name="target-{other.pk}"' in form

    half = admin_client.post(url, {**chosen, "apply": "1", f"target-{old.pk}": "/columns/news/"})
    assert "没有创建任何跳转" in half.content.decode() and "请填写新网址" in half.content.decode()
    assert not Redirect.objects.exists() and NotFoundPath.objects.count() == 2

    done = admin_client.post(
        url, {**chosen, "apply": "1", f"target-{old.pk}": "/columns/news/", f"target-{other.pk}": "/townships"}
    )
    assert done.status_code == 302
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
        "/plus/view.php?aid=7": "/columns/news/",
        "/html/2019/notice.html": "/townships/",
    }
    assert not NotFoundPath.objects.exists()
    assert client.get("/plus/view.php?aid=7").url == "/columns/news/"


def test_the_admin_role_may_manage_redirects(db):
    admins = Group.objects.get(name="管理员")
    codenames = set(admins.permissions.values_list("codename", flat=True))
    assert {"add_redirect", "change_redirect", "view_notfoundpath", "delete_notfoundpath"} <= codenames
