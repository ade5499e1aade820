"""What a request leaves to the worker: it queues the work when its transaction commits, the worker does it."""

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus

from inspection.models import PageFingerprint

pytestmark = pytest.mark.django_db(transaction=True)  # work is queued on commit, as in production


def paths(queued_tasks):
    return sorted(queued_tasks.filter(status=TaskResultStatus.READY).values_list("task_path", flat=True))


def test_publishing_queues_its_page_export_fingerprint_and_mail(
    draft, people, queued_tasks, settings, tmp_path, mailoutbox
):
    settings.STATIC_EXPORT_DIR = str(tmp_path / "public")
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    draft.approve(by=people.township_reviewer)
    queued_tasks.all().delete()
    mailoutbox.clear()

    draft.publish(by=people.county_reviewer)

    assert paths(queued_tasks) == [
        "background.mail.send_mail",
        "inspection.tasks.record_fingerprint",
        "publishing.tasks.export_article_pages",
    ]
    assert not mailoutbox and not PageFingerprint.objects.exists() and not (tmp_path / "public").exists()

    call_command("run_worker", "--once")

    failed = queued_tasks.exclude(status=TaskResultStatus.SUCCESSFUL)
    assert not failed.exists(), list(failed.values_list("task_path", "traceback"))
    assert [m.to for m in mailoutbox] == [[people.editor.email]]
    assert PageFingerprint.objects.filter(article=draft).exists()
    assert (tmp_path / "public" / "articles" / str(draft.pk) / "index.html").exists()


def test_a_new_sensitive_term_queues_the_rescan_of_published_articles(county, add_articles, queued_tasks, mailoutbox):
    from articles.models import SensitiveTerm

    add_articles(5)
    SensitiveTerm.objects.create(wrong="坚持党建引领", correct="坚持党的建设引领")

    assert paths(queued_tasks) == ["articles.tasks.rescan_published_articles"]

    call_command("run_worker", "--once")

    rescan = queued_tasks.get(task_path="articles.tasks.rescan_published_articles")
    assert rescan.status == TaskResultStatus.SUCCESSFUL, rescan.traceback
    assert rescan.return_value == 5


def test_edits_in_a_row_queue_one_full_export_while_it_waits(county, queued_tasks, settings, tmp_path):
    settings.STATIC_EXPORT_DIR = str(tmp_path / "public")
    for name in ("新闻中心", "党建要闻", "基层动态"):
        county.news.name = name
        county.news.save()
    county.township.name = "远门新镇"
    county.township.save()

    assert paths(queued_tasks) == ["publishing.tasks.export_site"]

    call_command("run_worker", "--once")
    county.notices.save()  # the waiting export ran: a new change queues a new one

    assert paths(queued_tasks) == ["publishing.tasks.export_site"]
    assert queued_tasks.filter(task_path="publishing.tasks.export_site").count() == 2
    assert "远门新镇" in (tmp_path / "public" / "townships" / "index.html").read_text(encoding="utf-8")
