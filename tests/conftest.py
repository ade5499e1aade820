import os

import pytest
from django.core.cache import cache

# Sync Playwright runs an event loop in the test thread; the ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Rows that data migrations add (the starter 错敏词, the report outlets, the 2026 holiday calendar). A
# transactional test ends with a flush, which empties every table; the next test in that process (xdist
# runs files in any order) gets them back here, as `migrate` gives them to a new site. (Not on
# post_migrate: `restore` flushes too, and must find the tables empty.)
DATA_SEEDS = [
    ("articles.migrations.0004_starter_sensitive_terms", "add_terms"),
    ("reports.migrations.0002_defaults", "add_defaults"),
    ("letters.migrations.0002_holidays_2026", "seed"),
]


@pytest.fixture(autouse=True)
def _data_migration_rows(request):
    from importlib import import_module

    from django.apps import apps

    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
    elif marker is not None or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    from articles.models import SensitiveTerm

    if not SensitiveTerm.objects.exists():  # flushed by an earlier transactional test
        from django.db.models.signals import post_save

        # Seeding is not an admin's edit of the 错敏词 list: it queues no re-scan.
        post_save.disconnect(sender=SensitiveTerm, dispatch_uid="sensitive-save")
        try:
            for module, function in DATA_SEEDS:
                getattr(import_module(module), function)(apps, None)
        finally:
            from articles.signal_handlers import sensitive_terms_changed

            post_save.connect(sensitive_terms_changed, sender=SensitiveTerm, dispatch_uid="sensitive-save")


@pytest.fixture(autouse=True)
def _isolated_site(settings, tmp_path):
    """Each test: an empty cache, its own media folder and unhashed static files (no collectstatic)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STATIC_ROOT = tmp_path / "collected-static"
    # The page cache has its own tests (tests/publishing/); elsewhere every request renders afresh.
    settings.PAGE_CACHE = False
    settings.STATIC_EXPORT_DIR = ""
    # Tests of the work itself run it at once; tests of what a request queues use the database backend.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.VIEW_COUNT_FLUSH_SECONDS = 0
    settings.NOT_FOUND_FLUSH_SECONDS = 0  # 404 sightings stay buffered until a test flushes them
    # Real hashing costs ~0.3 s a user; tests create many users and do not test the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from articles import viewcounts
    from oldlinks import notfound

    cache.clear()
    viewcounts.discard()
    notfound.discard()
    yield
    cache.clear()


@pytest.fixture
def county(db):
    """A small county site: 新闻中心 › 乡镇动态 / 通知公告, one township with villages and a practice."""
    from tests.factories import (
        ColumnFactory,
        FigureFactory,
        InitiativeFactory,
        PracticeFactory,
        TownshipFactory,
        VillageFactory,
    )

    class County:
        news = ColumnFactory(slug="news", name="新闻中心", show_on_home=False)
        township_news = ColumnFactory(slug="township-news", name="乡镇动态", parent=news)
        notices = ColumnFactory(slug="notices", name="通知公告", parent=news, update_class="notice")
        township = TownshipFactory(slug="yuanmen", name="远门镇")
        initiative = InitiativeFactory(slug="public-safety", name="党建+平安建设")
        practice = PracticeFactory(township=township, initiative=initiative)

    VillageFactory(township=County.township, name="远门村")
    VillageFactory(township=County.township, name="东街社区", kind="社区")
    FigureFactory(practice=County.practice, label="监控点位", value=86, unit="个", as_of="2024-12-31")
    FigureFactory(practice=County.practice, label="监控点位", value=114, unit="个", as_of="2025-12-31")
    FigureFactory(practice=County.practice, label="村级综治中心", value=12, unit="处")
    return County


@pytest.fixture
def add_articles(county):
    """Add `n` published articles (bulk, fast) spread over the county's columns, township and initiative."""
    import datetime

    from django.utils import timezone

    from articles.models import Article
    from articles.search import segment

    def add(n, start=0):
        now = timezone.now()
        articles = Article.objects.bulk_create(
            Article(
                title=f"远门镇党建动态{start + i}",
                search_title=segment(f"远门镇党建动态{start + i}"),
                column=county.township_news if i % 4 else county.notices,
                township=county.township if i % 2 else None,
                body="<p>坚持党建引领。</p>",
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=start + i + 1),
                is_headline=i < 3,
                cover="covers/demo.jpg" if i < 3 else "",
            )
            for i in range(n)
        )
        Article.initiatives.through.objects.bulk_create(
            Article.initiatives.through(article_id=a.pk, initiative_id=county.initiative.pk) for a in articles[::3]
        )
        return articles

    return add


ROLE_GROUPS = {"editor": "通讯员", "township_reviewer": "乡镇审核", "county_reviewer": "县级终审", "admin": "管理员"}


@pytest.fixture
def make_user(db):
    """make_user("editor", township) -> an active user in that role's group (groups come from a migration)."""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    def make(role, township=None, **extra):
        user = UserFactory(
            username=f"{role}-{township.slug if township else 'county'}-{UserFactory._meta.model.objects.count()}",
            full_name=f"{role}用户",
            township=township,
            email=f"{role}@example.cn",
            **extra,
        )
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        return user

    return make


@pytest.fixture
def people(county, make_user):
    """One person per role for 远门镇 and the county, plus a 石桥镇 editor and reviewer (another township)."""
    from tests.factories import TownshipFactory

    other = TownshipFactory(slug="shiqiao", name="石桥镇")

    class People:
        editor = make_user("editor", county.township)
        township_reviewer = make_user("township_reviewer", county.township)
        county_reviewer = make_user("county_reviewer")
        admin = make_user("admin")
        other_editor = make_user("editor", other)
        other_reviewer = make_user("township_reviewer", other)
        other_township = other

    return People


@pytest.fixture
def draft(county, people):
    """A 远门镇 draft written by the 远门镇 editor, with its first revision."""
    from articles.models import Article

    article = Article(
        title="远门镇党建引领苹果产业发展",
        column=county.township_news,
        township=county.township,
        source="远门镇党委",
        body="<p>远门镇建成村级综治中心12处。</p>",
    )
    article.save_revision(by=people.editor)
    return article


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's server, stopped before the test databases are dropped (PostgreSQL refuses otherwise)."""
    return live_server
