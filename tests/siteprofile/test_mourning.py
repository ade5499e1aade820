import datetime

import pytest
from django.utils import timezone

from siteprofile.models import SiteProfile

pytestmark = pytest.mark.django_db


def test_mourning_turns_every_page_grey_for_the_period_and_back(client):
    now = timezone.now()
    SiteProfile(
        mourning=True, mourning_from=now - datetime.timedelta(hours=1), mourning_until=now + datetime.timedelta(hours=1)
    ).save()
    response = client.get("/site-state.css")
    assert "grayscale(100%)" in response.content.decode() and response["Content-Type"].startswith("text/css")
    assert response["Cache-Control"] == "public, max-age=60"
    profile = SiteProfile.objects.get()
    profile.mourning_until = now - datetime.timedelta(minutes=1)
    profile.save()
    assert "grayscale" not in client.get("/site-state.css").content.decode()


def test_the_switch_off_means_normal_colours(client):
    SiteProfile(mourning=False).save()
    assert "grayscale" not in client.get("/site-state.css").content.decode()


def test_every_public_page_links_the_site_state_stylesheet(client, county):
    assert 'href="/site-state.css"' in client.get("/").content.decode()
