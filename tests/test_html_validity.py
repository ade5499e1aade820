"""Public pages are valid HTML according to the Nu Html Checker (vnu.jar from npm, run on Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Column

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def publish_through_the_workflow():
    """The demo item waiting for 终审, published at a moment with microseconds, as `timezone.now()` gives them."""
    article = Article.objects.get(status=Article.Status.COUNTY_REVIEW)
    with time_machine.travel(timezone.now().replace(microsecond=123456), tick=False):
        article.publish(by=get_user_model().objects.get(username="county_reviewer"))
    return article


def public_pages(published):
    article = Article.objects.published().filter(township__isnull=False).first()
    column = Column.objects.visible().filter(parent__isnull=False).first()
    ended = Article.objects.published().filter(ended_at__isnull=False).first()  # the demo's 公示, 公示期 over
    return {
        "ended-article": ended.get_absolute_url(),
        "ended-in-its-column": ended.column.get_absolute_url(),
        "home": "/",
        "published-through-the-workflow": published.get_absolute_url(),
        "its-column": published.column.get_absolute_url(),
        "column": column.get_absolute_url(),
        "column-page-2": column.get_absolute_url() + "?page=2",
        "article": article.get_absolute_url(),
        "township": article.township.get_absolute_url(),
        "townships": "/townships/",
        "initiative": article.initiatives.first().get_absolute_url(),
        "initiatives": "/initiatives/",
        "search": "/search/?q=%E5%85%9A%E5%BB%BA%20%E4%B9%A1%E6%9D%91&township=yuanmen",
        "search-empty": "/search/",
        "not-found": "/no-such-page/",
        "letters": "/letters/",
        "letters-write": "/letters/write/",
        "letters-status": "/letters/status/",
        "site-map": "/sitemap/",
        **disclosure_pages(),
    }


def disclosure_pages():
    """信息公开 and the column kinds: a repealed file, its replacement and 解读, 单页, 外链, 专题, the file list."""
    repealed = Article.objects.get(disclosure__validity="repealed")
    interpretation = Article.objects.filter(disclosure__interprets__isnull=False).first()
    return {
        "repealed-file": repealed.get_absolute_url(),
        "replacing-file": repealed.disclosure.replaced_by.get_absolute_url(),
        "interpretation": interpretation.get_absolute_url(),
        "policy-column": repealed.column.get_absolute_url(),
        "policy-documents": f"/columns/{repealed.column.slug}/documents/?year=2026&wenhao=%E4%BA%91&topic=members",
        "policy-documents-none": f"/columns/{repealed.column.slug}/documents/?year=2011",
        **{
            f"column-{kind}": Column.objects.visible().filter(kind=kind).first().get_absolute_url()
            for kind in ("page", "link", "topic")
        },
        "notice-with-attachments": Article.objects.published()
        .filter(attachments__isnull=False)
        .first()
        .get_absolute_url(),
    }


def test_public_pages_are_valid_html(client, tmp_path):
    assert VNU_JAR.exists(), "run `make install` (npm install --ignore-scripts) to get vnu.jar"
    assert shutil.which("java"), "the Nu Html Checker needs Java (Debian: default-jre-headless)"
    call_command("load_demo", "--quiet-logins")
    published = publish_through_the_workflow()
    files = []
    for name, url in public_pages(published).items():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    # The 领导信箱's pages that answer a POST: a form sent back with errors, a 查询码 with its answer.
    from letters.models import Letter

    code = Letter.objects.filter(status="answered", publish_consent=True).first().query_code
    for name, url, data in [
        ("letters-write-errors", "/letters/write/", {"subject": "", "phone": "12"}),
        ("letters-status-answered", "/letters/status/", {"code": code}),
    ]:
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.post(url, data).content)
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert problems == []
