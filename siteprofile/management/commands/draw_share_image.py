from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from siteprofile import share_image
from siteprofile.models import SiteProfile


class Command(BaseCommand):
    help = "画出网站默认分享图（static/img/share-default.png，600×600 PNG），带网站名称。"

    def add_arguments(self, parser):
        parser.add_argument("--site-name", help="默认取网站设置中的网站名称")
        parser.add_argument("--output", default=str(settings.BASE_DIR / "static" / "img" / "share-default.png"))

    def handle(self, *args, site_name=None, output=None, **options):
        name = site_name or SiteProfile.current().site_name
        try:
            path = share_image.write(output, name)
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已生成默认分享图：{path}（{name}）")
