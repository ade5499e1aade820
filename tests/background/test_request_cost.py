"""No request does work proportional to the size of the site: it queues the work for the worker."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.forms.models import model_to_dict
from django.tasks import TaskResultStatus
from django.test.utils import CaptureQueriesContext

SITE_SIZE = 2000
MAX_QUERIES = 20


@pytest.mark.django_db(transaction=True)  # the export is queued when the admin's transaction commits
def test_saving_a_column_in_the_admin_queues_the_export_of_a_large_site(
    admin_client, county, add_articles, queued_tasks, settings, tmp_path
):
    add_articles(SITE_SIZE)
    settings.STATIC_EXPORT_DIR = str(tmp_path / "public")
    column = county.township_news
    url = f"/admin/articles/column/{column.pk}/change/"
    data = {key: "" if value is None else value for key, value in model_to_dict(column).items()}
    data.pop("banner")  # no file chosen: the form posts none
    data["name"] = "乡镇工作动态"

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(queries) <= MAX_QUERIES, "\n".join(q["sql"][:200] for q in queries.captured_queries)
    export = queued_tasks.get(task_path="publishing.tasks.export_site")
    assert export.status == TaskResultStatus.READY
    assert not (tmp_path / "public").exists(), "the request wrote the static copy itself"

    call_command("run_worker", "--once")

    export.refresh_from_db()
    assert export.status == TaskResultStatus.SUCCESSFUL, export.traceback
    home = (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    assert "乡镇工作动态" in home
    assert len(list((tmp_path / "public" / "articles").glob("*/index.html"))) == SITE_SIZE
