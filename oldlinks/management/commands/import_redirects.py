"""manage.py import_redirects old-links.csv: the previous CMS's addresses, each redirected to its new page."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oldlinks import importing


class Command(BaseCommand):
    help = (
        "从 CSV 文件导入旧网址跳转（每行：旧网址,新网址；UTF-8、UTF-16 或 GBK 编码）。有误的行会列出，默认整批不导入。"
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="CSV 文件路径")
        parser.add_argument("--skip-bad", action="store_true", help="跳过有误的行，导入其余各行")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    def handle(self, *args, csv_file, skip_bad, dry_run, **options):
        try:
            data = Path(csv_file).read_bytes()
        except OSError as error:
            raise CommandError(f"无法读取文件 {csv_file}：{error.strerror}") from error
        try:
            report = importing.import_csv(data, skip_bad=skip_bad, dry_run=dry_run)
        except importing.UnreadableFile as error:
            raise CommandError(f"没有导入任何跳转：{error}") from error
        self.stdout.write(f"文件编码：{report.encoding}")
        for row in report.rows:
            if row.outcome in (importing.SKIPPED,) and row.reason == "空行":
                continue
            detail = f"{row.old} → {row.target or row.new}" if row.old or row.new else ""
            self.stdout.write(f"第 {row.line} 行\t{row.outcome}\t{detail}\t{row.reason}".rstrip())
        if report.applied or (dry_run and not report.errors):
            self.stdout.write(self.style.SUCCESS(report.summary))
        else:
            raise CommandError(report.summary)
