"""load_demo on a database that already holds something: it fills in what is missing, never crashes,
and a second run changes nothing."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import Article, Column
from demo.data import disclosure, site
from demo.data import townships as demo_townships
from reports.models import WorkReport
from siteprofile.models import SiteProfile
from townships.models import Practice, Township, Village

pytestmark = pytest.mark.django_db

DEMO_TOWNSHIPS = {t["name"] for t in demo_townships.TOWNSHIPS}


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def load_demo():
    call_command("load_demo", "--quiet-logins")


@pytest.fixture
def corpus(tmp_path):
    """The benchmark corpus's shape: township news of townships named like the demo's and others."""
    items = [
        {
            "title": f"{township}党建引领乡村振兴工作推进会召开{i}",
            "slug": f"item-{i}",
            "date": f"2026-0{1 + i % 9}-1{i % 10}",
            "source": "县融媒体中心",
            "township": township,
            "body": f"<p>近日，{township}召开专题会议，部署基层党建重点工作。</p>",
        }
        for i, township in enumerate(["石桥镇", "青山镇", "远门镇", "柳河乡"] * 3)
    ]
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    call_command("load_corpus", str(path))
    return items


def test_demo_loads_over_the_benchmark_corpus(corpus):
    corpus_townships = {name: Township.objects.get(name=name).slug for name in ("石桥镇", "远门镇")}
    load_demo()
    # The corpus's 石桥镇 and 远门镇 are the demo's: used as they are, their practices added.
    for name, slug in corpus_townships.items():
        township = Township.objects.get(name=name)
        assert township.slug == slug
        assert township.practices.exists() and township.villages.exists()
        assert township.reports.exists()
    assert set(Township.objects.values_list("name", flat=True)) >= DEMO_TOWNSHIPS
    assert Article.objects.filter(title__contains="党建引领乡村振兴工作推进会召开").count() == len(corpus)
    assert Article.objects.published().count() > len(corpus) + 40
    assert Column.objects.filter(slug="township-news").count() == 1
    # The corpus named the site; the demo does not overwrite it.
    assert SiteProfile.get_solo().organizer == "基准县委组织部"


def test_demo_over_the_corpus_loads_twice_with_identical_counts(corpus):
    load_demo()
    counts = row_counts()
    load_demo()
    assert row_counts() == counts


def test_demo_uses_townships_and_columns_an_admin_created_with_its_names_or_slugs():
    news = Column.objects.create(slug="xwzx", name="新闻中心", show_on_home=False)
    notices = Column.objects.create(slug="tzgg", name="通知公告", parent=news, update_class="notice")
    policies = Column.objects.create(slug="policies", name="文件", update_class="policy")
    yuanmen = Township.objects.create(slug="ym", name="远门镇", county="云溪县")
    shiqiao = Township.objects.create(slug="shiqiao", name="石桥乡", county="云溪县")
    load_demo()
    assert Column.objects.count() == len(site.COLUMNS) + len(disclosure.COLUMNS)
    assert Township.objects.count() == len(DEMO_TOWNSHIPS)
    for column in (news, notices, policies):
        assert Article.objects.published().filter(column__in=[column, *column.children.all()]).exists(), column
    assert Column.objects.get(slug="party-news").parent == news
    assert yuanmen.practices.exists() and shiqiao.practices.exists()
    editor = apps.get_model("accounts", "User").objects.get(username="yuanmen_editor", township=yuanmen)
    assert Article.objects.filter(created_by=editor, township=yuanmen).exists()
    counts = row_counts()
    load_demo()
    assert row_counts() == counts


def test_demo_fills_in_a_half_loaded_demo():
    load_demo()
    full = row_counts()
    hewan = Township.objects.get(slug="hewan")
    Article.objects.filter(work_report__township=hewan).delete()
    Article.objects.filter(column__slug="notices").delete()
    Practice.objects.filter(township=hewan).delete()
    Village.objects.filter(township__slug="mafang").delete()
    apps.get_model("accounts", "User").objects.filter(username="yuanmen_reviewer").delete()
    assert WorkReport.objects.filter(township=hewan).count() == 0
    load_demo()
    assert row_counts() == full
