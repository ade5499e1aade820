"""网站信息 in the admin on a fresh install: the README's deployment step 8 starts there."""

import pytest
from django.urls import reverse

from siteprofile.models import SiteProfile

pytestmark = pytest.mark.django_db

FOOTER = {
    "site_name": "云溪党建网",
    "county": "云溪县",
    "organizer": "中共云溪县委组织部",
    "operator": "云溪县融媒体中心",
    "icp_number": "陕ICP备2026004817号-1",
    "police_record_number": "陕公网安备61042202000317号",
    "police_record_code": "61042202000317",
    "website_code": "6104220017",
    "address": "云溪县人民路18号",
    "phone": "0910-6213456",
    "email": "yxdj@yunxi.gov.cn",
    "government_mark_url": "https://bszs.conac.cn/sitename?method=show&id=6104220017",
    "mourning_from_0": "",
    "mourning_from_1": "",
    "mourning_until_0": "",
    "mourning_until_1": "",
}


def test_a_fresh_install_fills_in_its_footer_through_the_admin(admin_client, client):
    assert not SiteProfile.objects.exists()
    index = admin_client.get(reverse("admin:index")).content.decode()
    url = reverse("admin:siteprofile_siteprofile_changelist")
    assert f'href="{url}"' in index

    form = admin_client.get(url, follow=True)
    assert form.status_code == 200 and form.redirect_chain == []
    assert 'name="organizer"' in form.content.decode()

    saved = admin_client.post(url, FOOTER, follow=True)
    assert saved.status_code == 200
    assert "errornote" not in saved.content.decode()
    profile = SiteProfile.objects.get()
    assert (profile.pk, profile.organizer, profile.website_code) == (1, "中共云溪县委组织部", "6104220017")

    home = client.get("/").content.decode()
    for text in ("中共云溪县委组织部", "陕ICP备2026004817号-1", "陕公网安备61042202000317号", "6104220017"):
        assert text in home, text


def test_the_admin_edits_the_existing_profile_and_never_adds_a_second(admin_client):
    SiteProfile(organizer="原主办单位", website_code="1").save()
    url = reverse("admin:siteprofile_siteprofile_changelist")
    assert "原主办单位" in admin_client.get(url).content.decode()
    admin_client.post(url, FOOTER)
    assert list(SiteProfile.objects.values_list("pk", "organizer")) == [(1, "中共云溪县委组织部")]
    history = admin_client.get(url + "history/").content.decode()
    assert "原主办单位" not in history and "已修改" in history
    assert admin_client.get(reverse("admin:siteprofile_siteprofile_add")).status_code == 403
