"""The default share picture: drawn by code with the site's name, a square PNG WeChat accepts."""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from PIL import Image

from siteprofile import share_image
from siteprofile.models import SiteProfile

pytestmark = pytest.mark.django_db


def test_the_command_draws_a_red_square_png_with_the_site_name(tmp_path):
    profile = SiteProfile.current()
    profile.site_name = "远门县党建网"
    profile.save()
    out = tmp_path / "share.png"
    call_command("draw_share_image", output=str(out))
    with Image.open(out) as picture:
        assert picture.format == "PNG" and picture.size == (600, 600)
        red, green, blue = picture.convert("RGB").getpixel((300, 20))
        assert red > 150 and green < 60 and blue < 60


def test_the_committed_picture_is_the_one_the_code_draws_for_the_default_name(tmp_path):
    committed = finders.find("img/share-default.png")
    drawn = share_image.write(tmp_path / "again.png", "党建网")
    with Image.open(committed) as a, Image.open(drawn) as b:
        assert a.size == b.size == (600, 600)
        assert a.convert("RGB").tobytes() == b.convert("RGB").tobytes()
