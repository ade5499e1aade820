import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from siteprofile.models import SiteProfile

BEFORE = [("siteprofile", "0002_mourning_and_mark")]
AFTER = "latest"  # 0003_singleton_row and whatever came after it: the tests read the current model


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    if targets == AFTER:
        targets = executor.loader.graph.leaf_nodes("siteprofile")
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_singleton_migration_keeps_a_profile_stored_under_another_pk():
    old_apps = migrate(BEFORE)
    old_apps.get_model("siteprofile", "SiteProfile").objects.create(pk=7, organizer="中共云溪县委组织部")
    migrate(AFTER)
    profile = SiteProfile.get_solo()
    assert (profile.pk, profile.organizer) == (1, "中共云溪县委组织部")
    assert SiteProfile.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_singleton_migration_keeps_the_existing_row_as_it_is():
    old_apps = migrate(BEFORE)
    OldProfile = old_apps.get_model("siteprofile", "SiteProfile")
    OldProfile.objects.create(pk=1, organizer="中共云溪县委组织部", website_code="6104220017")
    migrate(AFTER)
    assert list(SiteProfile.objects.values_list("pk", "organizer", "website_code")) == [
        (1, "中共云溪县委组织部", "6104220017")
    ]
