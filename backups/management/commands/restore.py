from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore


class Command(BaseCommand):
    help = "把 backup 生成的备份恢复到空数据库（先核对校验值）。"

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="IN", help="备份目录")
        parser.add_argument(
            "--skip-signature",
            action="store_true",
            help="不核对清单签名（仅在原站点的 SECRET_KEY 已丢失、且确认备份可信时使用）",
        )

    def handle(self, *args, folder, skip_signature=False, **options):
        try:
            manifest = restore(folder, check_signed=not skip_signature)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已恢复 {sum(manifest['counts'].values())} 条记录（备份于 {manifest['created_at']}）")
