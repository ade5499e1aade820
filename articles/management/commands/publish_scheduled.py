"""Publish articles whose 定时发布 time has come.

The worker runs it every minute (articles.tasks.publish_due_articles); `--loop` is for a server without it.
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from articles.models import Article
from articles.workflow import TransitionNotAllowed


class Command(BaseCommand):
    help = "发布到期的定时发布稿件。"

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="持续运行，每隔 --interval 秒检查一次。")
        parser.add_argument("--interval", type=int, default=30)
        parser.add_argument("--dry-run", action="store_true", help="只列出到期稿件，不发布。")

    def handle(self, *args, **options):
        while True:
            self.publish_due(dry_run=options["dry_run"])
            if not options["loop"]:
                return
            close_old_connections()
            time.sleep(options["interval"])

    def publish_due(self, dry_run=False):
        for article in Article.objects.due_for_publishing().select_related("column"):
            if dry_run:
                self.stdout.write(f"到期：{article.pk} {article.title}")
                continue
            try:
                article.publish_when_due()
            except TransitionNotAllowed as error:  # withdrawn or returned a moment ago: skip it
                self.stderr.write(f"跳过 {article.pk}：{error}")
                continue
            self.stdout.write(f"已发布：{article.pk} {article.title}")
