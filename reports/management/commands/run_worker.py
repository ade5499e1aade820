"""The background worker: publishes 定时发布 items when due, sends report deadline reminders, and once a
day re-checks links and page fingerprints and mails the inspection digest to admins.

`make run` starts it beside the web server; in production systemd runs it (deploy/).
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from articles.management.commands.publish_scheduled import Command as PublishScheduled

REMINDER_EVERY = 3600
INSPECTION_EVERY = 24 * 3600  # dead links, tampering, and the admins' digest: once a day


class Command(BaseCommand):
    help = "后台任务：定时发布、报送提醒。"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="检查定时发布的间隔（秒）。")
        parser.add_argument("--once", action="store_true", help="只运行一轮。")

    def handle(self, *args, interval, once, **options):
        from reports.reminders import send_reminders

        publisher = PublishScheduled(stdout=self.stdout, stderr=self.stderr)
        last_reminders, last_inspection = 0.0, time.monotonic()  # the first inspection a day after start
        while True:
            publisher.publish_due()
            if time.monotonic() - last_reminders >= REMINDER_EVERY or once:
                sent = send_reminders()
                if sent:
                    self.stdout.write(f"已发送 {sent} 封报送提醒")
                last_reminders = time.monotonic()
            if not once and time.monotonic() - last_inspection >= INSPECTION_EVERY:
                self.inspect()
                last_inspection = time.monotonic()
            if once:
                return
            close_old_connections()
            time.sleep(interval)

    def inspect(self):
        from django.core.management import call_command

        try:
            call_command("inspect_site", "--check-links", "--check-tamper", "--email", stdout=self.stdout)
        except Exception:
            import logging

            logging.getLogger(__name__).exception("daily inspection failed")
