"""
Import township reports (.txt in UTF-8 or GB18030, .html, .docx) as drafts.

    manage.py import_articles --dry-run --json a.html b.txt     # one JSON array on stdout, nothing saved
    manage.py import_articles --township 远门镇 --column township-news reports/*.docx

A file that cannot be read is reported (kind "unreadable") and the others go on.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.importing import import_file
from articles.models import Article, AuditEntry, Column
from townships.models import Initiative, Township


class Command(BaseCommand):
    help = "导入稿件（.txt / .html / .docx），清理后保存为草稿。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="只解析，不保存。")
        parser.add_argument("--json", action="store_true", help="以 JSON 数组输出解析结果。")
        parser.add_argument("--township", help="乡镇名称（不填则从标题和正文中识别）。")
        parser.add_argument("--column", help="栏目网址标识，默认 township-news。", default="township-news")

    def handle(self, *args, paths, dry_run, township, column, **options):
        known = list(Township.objects.values_list("name", flat=True))
        themes = [i.theme for i in Initiative.objects.all()] or None
        if township and township not in known:
            raise CommandError(f"没有名为“{township}”的乡镇。已有：{'、'.join(known) or '无'}")
        results = [
            import_file(path, known_townships=known, themes=themes, store_pictures=not dry_run) for path in paths
        ]
        for result, path in zip(results, paths, strict=True):
            result.path = path
            if township:
                result.township = township
        if not dry_run:
            target = Column.objects.filter(slug=column).first()
            if target is None:
                raise CommandError(f"没有网址标识为“{column}”的栏目。")
            for result in results:
                self.save_draft(result, target)
        if options["json"]:
            self.stdout.write(json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2))
        else:
            for result in results:
                self.report(result)

    def save_draft(self, result, column):
        if not result.readable or not result.title:
            self.stderr.write(
                f"跳过 {result.path}：{'；'.join(w.message for w in result.warnings) or '没有识别出标题'}"
            )
            return None
        article = Article(
            title=result.title[:120],
            subtitle=result.subtitle[:120],
            column=column,
            township=Township.objects.filter(name=result.township).first(),
            source=result.source[:100],
            authors=" ".join(result.authors)[:200],
            editor=result.editor[:50],
            original_url=result.original_url[:500],
            body=result.body_html,
            event_date=result.published_at.date() if result.published_at else None,
        )
        article.save_revision(
            by=None,
            initiatives=Initiative.objects.filter(name__in=result.initiatives),
            note=f"导入自 {result.path}",
            action=AuditEntry.Action.CREATED,
        )
        return article

    def report(self, result):
        status = "无法读取" if not result.readable else f"《{result.title}》"
        self.stdout.write(f"{result.path}: {status}")
        for warning in result.warnings:
            self.stdout.write(f"    [{warning.kind}] {warning.message} {warning.excerpt}")
