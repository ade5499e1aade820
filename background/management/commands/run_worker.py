"""The background worker: runs queued tasks (static export, 错敏词 rescans, fingerprints, mail) and queues the
periodic jobs in settings.PERIODIC_TASKS (定时发布, report deadline reminders, the daily inspection) once per period.

`make run` starts it beside the web server; in production systemd runs it (deploy/systemd/dangjian-worker.service).
"""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "后台任务：执行任务队列（静态导出、错敏词复查、邮件等），并按周期排入定时发布、报送提醒、每日检查。"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="检查周期任务是否到期的间隔（秒）。")
        parser.add_argument("--once", action="store_true", help="排入已到期的周期任务，执行完队列后退出。")

    def handle(self, *args, interval, once, **options):
        from background import worker

        worker.run(interval=interval, batch=once, stdout=self.stdout)
