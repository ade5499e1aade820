from django.core.management.base import BaseCommand, CommandError

from backups.archive import backup


class Command(BaseCommand):
    help = "备份数据库和上传文件到 OUT 目录（含校验清单）。"

    def add_arguments(self, parser):
        parser.add_argument("out", metavar="OUT", help="备份目录（不能已存在）")

    def handle(self, *args, out, **options):
        try:
            manifest = backup(out)
        except FileExistsError as error:
            raise CommandError(f"{out} 已存在，请换一个目录名。") from error
        total = sum(manifest["counts"].values())
        self.stdout.write(f"已备份 {total} 条记录和上传文件到 {out}（数据库：{manifest['database']}）")
