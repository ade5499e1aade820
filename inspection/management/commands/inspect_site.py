"""Apply the national indicators' single-veto rules to the site; print the verdict or JSON.

manage.py inspect_site [--json] [--check-links] [--check-tamper] [--check-content] [--email]

A rule that reads the results of a check that has never run (links, tamper, content) is 「尚未检查」.
"""

import json

from django.core.management.base import BaseCommand

from inspection import links, rules, tamper
from inspection.digest import send_digest


class Command(BaseCommand):
    help = "按全国政府网站检查指标（单项否决）检查本站。"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="输出 JSON。")
        parser.add_argument("--check-links", action="store_true", help="先检查全站链接（外部链接较慢）。")
        parser.add_argument("--check-tamper", action="store_true", help="先比对已发布页面与审定指纹。")
        parser.add_argument("--check-content", action="store_true", help="先重新检查已发布信息的文字（错敏词等）。")
        parser.add_argument("--email", action="store_true", help="把结果发送给管理员。")

    def handle(self, *args, **options):
        if options["check_links"]:
            links.run()
        if options["check_tamper"]:
            from articles.models import Article

            tamper.check(list(Article.objects.published().select_related("column__parent", "township")))
        if options["check_content"]:
            from articles.content_checks import rescan_published

            rescan_published()
        result = rules.inspect()
        if options["email"]:
            send_digest(result)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
            return
        unchecked = f"，{len(result.unchecked)} 项尚未检查" if result.unchecked else ""
        self.stdout.write(f"结论：{'通过' if result.verdict == 'pass' else '不通过'}（{result.light}{unchecked}）")
        marks = {"pass": "✔", "fail": "✘", "unchecked": "？"}
        for rule in result.rules:
            left = f"，距失分 {rule.days_left} 天" if rule.days_left is not None and rule.passed else ""
            self.stdout.write(f"  {marks[rule.state]} {rule.title}{left}：{rule.detail}")
