from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore


class Command(BaseCommand):
    help = "把 backup 生成的备份恢复到空数据库（先核对校验值）。"

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="IN", help="备份目录")

    def handle(self, *args, folder, **options):
        try:
            manifest = restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已恢复 {sum(manifest['counts'].values())} 条记录（备份于 {manifest['created_at']}）")
