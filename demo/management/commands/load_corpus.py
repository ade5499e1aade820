"""
Load a synthetic benchmark corpus (a JSON list, as bench/run.sh generates) as published articles.

    manage.py load_corpus /tmp/articles.json

Each item becomes a published 乡镇动态 article of its township, on the item's date; bodies are
sanitised and segmented for search like any other article (bulk inserts skip save(), so this
command does both itself). Items already loaded (same title and date) are skipped.
"""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Column
from articles.richtext import sanitize_body
from articles.search import segment
from core.textutil import html_paragraphs
from siteprofile.models import SiteProfile
from townships.models import Township

BATCH = 500


class Command(BaseCommand):
    help = "载入基准测试语料（JSON 列表：title, slug, date, source, township, body）。"

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.json")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                items = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"无法读取语料文件：{error}") from error
        with transaction.atomic():
            column = self.column()
            townships = self.townships({item["township"] for item in items})
            existing = set(Article.objects.filter(column=column).values_list("title", "published_at"))
            batch, created = [], 0
            for index, item in enumerate(items):
                day = datetime.date.fromisoformat(item["date"])
                published_at = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(9, 0)) + datetime.timedelta(minutes=index % 480)
                )
                if (item["title"], published_at) in existing:
                    continue
                body = sanitize_body(item["body"])
                batch.append(
                    Article(
                        title=item["title"][:120],
                        column=column,
                        township=townships[item["township"]],
                        source=item.get("source", "")[:100],
                        body=body,
                        status=Article.Status.PUBLISHED,
                        published_at=published_at,
                        search_title=segment(item["title"]),
                        search_body=segment(" ".join(html_paragraphs(body))),
                    )
                )
                if len(batch) >= BATCH:
                    created += len(Article.objects.bulk_create(batch))
                    batch = []
            created += len(Article.objects.bulk_create(batch))
        profile = SiteProfile.get_solo()
        if not profile.organizer:  # never overwrite what an admin has edited
            profile.site_name, profile.county, profile.organizer = "党建网（基准测试）", "基准县", "基准县委组织部"
            profile.save()
        self.stdout.write(f"载入 {created} 篇文章（共 {len(items)} 条，已存在的跳过）")

    def column(self):
        parent, _ = Column.objects.get_or_create(slug="news", defaults={"name": "新闻中心", "show_on_home": False})
        column, _ = Column.objects.get_or_create(
            slug="township-news", defaults={"name": "乡镇动态", "parent": parent, "update_class": "news"}
        )
        return column

    def townships(self, names):
        found = {t.name: t for t in Township.objects.filter(name__in=names)}
        for index, name in enumerate(sorted(names - found.keys()), start=Township.objects.count() + 1):
            found[name] = Township.objects.create(name=name, slug=f"township-{index:02d}", county="基准县")
        return found
