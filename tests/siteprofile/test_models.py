import pytest
from django.db.models import ProtectedError

from siteprofile.models import SiteProfile

pytestmark = pytest.mark.django_db


def test_footer_shows_the_site_identifiers_on_every_page(client, county):
    SiteProfile(
        site_name="云溪党建网",
        organizer="中共云溪县委组织部",
        icp_number="陕ICP备2026004817号-1",
        police_record_number="陕公网安备61042202000317号",
        police_record_code="61042202000317",
        website_code="6104220017",
    ).save()
    for url in ("/", "/townships/", county.township.get_absolute_url(), "/no-such-page/"):
        html = client.get(url).content.decode()
        for text in (
            "主办单位",
            "中共云溪县委组织部",
            "陕ICP备2026004817号-1",
            "陕公网安备61042202000317号",
            "6104220017",
        ):
            assert text in html, (url, text)


def test_profile_is_a_single_row_that_cannot_be_deleted():
    SiteProfile(site_name="甲").save()
    SiteProfile(site_name="乙").save()
    assert SiteProfile.objects.count() == 1
    assert SiteProfile.objects.get().site_name == "乙"
    with pytest.raises(ProtectedError):
        SiteProfile.objects.get().delete()


def test_editing_the_profile_refreshes_the_cached_footer(client, county):
    SiteProfile(organizer="旧的主办单位").save()
    assert "旧的主办单位" in client.get("/townships/").content.decode()
    profile = SiteProfile.objects.get()
    profile.organizer = "中共云溪县委组织部"
    profile.save()
    assert "中共云溪县委组织部" in client.get("/townships/").content.decode()


def test_reading_the_profile_never_writes(django_assert_num_queries):
    with django_assert_num_queries(1):
        profile = SiteProfile.current()
    assert profile.pk == 1 and SiteProfile.objects.count() == 0
