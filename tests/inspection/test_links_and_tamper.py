import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from inspection import links, tamper
from inspection.models import LinkCheck, TamperAlert
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(3)
        code = {"/ok": 200, "/missing": 404, "/broken": 500, "/slow": 200}.get(self.path, 404)
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b"x")

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def remote():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_dead_links_are_found_and_kept(remote, county, settings):
    settings.LINK_CHECK_TIMEOUT = 1
    settings.SITE_URL = "http://testserver"
    body = (
        "".join(f'<p><a href="{remote}{path}">链接</a></p>' for path in ("/ok", "/missing", "/broken", "/slow"))
        + '<p><a href="/articles/999999/">站内失效</a><a href="/columns/township-news/">站内有效</a></p>'
    )
    ArticleFactory(published=True, column=county.township_news, body=body)
    links.run()
    results = {row.url.replace(remote, ""): row for row in LinkCheck.objects.all()}
    assert results["/ok"].ok and results["/ok"].status_code == 200
    assert results["/missing"].status_code == 404 and not results["/missing"].ok
    assert results["/broken"].status_code == 500 and not results["/broken"].ok
    assert not results["/slow"].ok and "超时" in results["/slow"].error
    assert not results["http://testserver/articles/999999/"].ok
    assert results["http://testserver/columns/township-news/"].ok


def test_a_page_changed_behind_the_workflow_raises_an_alert(draft, people, django_capture_on_commit_callbacks):
    from articles.models import Article

    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    assert draft.fingerprint.digest
    assert tamper.check([draft]) == []
    Article.objects.filter(pk=draft.pk).update(body="<p>被篡改的内容</p>")  # not through the workflow
    from django.core.cache import cache

    cache.clear()
    [alert] = tamper.check([Article.objects.get(pk=draft.pk)])
    assert alert.expected == draft.fingerprint.digest and alert.found != alert.expected
    assert TamperAlert.objects.filter(resolved=False).count() == 1


def test_an_approved_correction_is_not_tampering(draft, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
        draft.body = "<p>经审核的更正。</p>"
        draft.save_revision(by=people.county_reviewer, base_revision_id=draft.latest_revision_id)
    assert tamper.check([draft]) == []


def test_a_tampered_static_file_raises_an_alert(draft, people, settings, tmp_path, django_capture_on_commit_callbacks):
    from publishing import static_export

    settings.STATIC_EXPORT_DIR = str(tmp_path / "site")
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
    page = tmp_path / "site" / static_export.file_for(draft.get_absolute_url())
    assert tamper.check([draft]) == []
    page.write_text(page.read_text(encoding="utf-8").replace("综治中心", "综治中心（已被改动）"), encoding="utf-8")
    [alert] = tamper.check([draft])
    assert alert.where.startswith("静态文件")
