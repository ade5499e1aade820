"""Write the public site as static HTML into OUT_DIR for nginx (see deploy/nginx/dangjian-static.conf)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from publishing.static_export import export_all


class Command(BaseCommand):
    help = "把公开页面全部生成为静态 HTML（页面静态化），供 nginx 直接提供。"

    def add_arguments(self, parser):
        parser.add_argument("out_dir", metavar="OUT_DIR")
        parser.add_argument("--skip-collectstatic", action="store_true", help="不重新收集静态文件。")

    def handle(self, *args, out_dir, skip_collectstatic, **options):
        started = time.monotonic()
        if not skip_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        written = export_all(out_dir)
        self.stdout.write(f"已生成 {written} 个页面到 {out_dir}（{time.monotonic() - started:.1f} 秒）")
        self.stdout.write("之后每次发布、修改、撤稿会自动更新受影响的页面（需设置 STATIC_EXPORT_DIR 为同一目录）。")
