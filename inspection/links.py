"""
Dead links: every link on the public site is checked, with bounded concurrency and time-outs,
and the results are kept (LinkCheck) for the inspection monitor. Internal links are checked
through Django itself; external ones over HTTP (HEAD, then GET when a server refuses HEAD).
"""

import http.client
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from .models import CheckRun, LinkCheck

TIMEOUT = 8  # seconds; settings.LINK_CHECK_TIMEOUT overrides
WORKERS = 8
MAX_LINKS = 3000
USER_AGENT = "dangjian-link-checker/1.0 (+government website inspection)"


@dataclass
class Found:
    url: str
    page: str
    on_home: bool


def site_host():
    return urlsplit(settings.SITE_URL).netloc


def collect():
    """Every distinct link on the home page and in published articles (scheme http/https)."""
    from articles.models import Article, Attachment, Column
    from publishing.static_export import render

    found = {}

    def add(href, page, on_home):
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            return
        url = urljoin(settings.SITE_URL.rstrip("/") + page, href.strip())
        if urlsplit(url).scheme in ("http", "https") and url not in found:
            found[url] = Found(url, page, on_home)
        elif url in found and on_home:
            found[url].on_home = True

    status, home = render("/")
    if status == 200:
        for anchor in BeautifulSoup(home, "lxml").find_all("a", href=True):
            add(anchor["href"], "/", True)
    # 外链 columns: the address behind the leaving-site notice is the column's link.
    for column in Column.objects.visible().filter(kind=Column.Kind.LINK):
        add(column.external_url, column.get_absolute_url(), column.show_on_home)
    # 附件 are links too: a file lost from storage must show up as a dead link.
    for attachment in Attachment.objects.served().iterator():
        add(attachment.get_absolute_url(), reverse("articles:article", args=[attachment.article_id]), False)
    for article in Article.objects.published().only("id", "body").iterator():
        for anchor in BeautifulSoup(article.body, "lxml").find_all("a", href=True):
            add(anchor["href"], article.get_absolute_url(), False)
        if len(found) >= MAX_LINKS:
            break
    return list(found.values())


def check_external(url):
    """(status code or None, error text)."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            timeout = getattr(settings, "LINK_CHECK_TIMEOUT", TIMEOUT)
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, see collect()
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue  # some servers refuse HEAD; ask again with GET
            return error.code, ""
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return None, ("超时" if "timed out" in str(reason) else str(reason))[:300]
    return None, "无法访问"


def check_internal(client, url):
    parts = urlsplit(url)
    # Follow redirects (HTTPS, trailing slashes) to the page a reader finally gets.
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""), follow=True)
    return response.status_code, ""


def run():
    """Check everything now; returns the LinkCheck rows written."""
    links = collect()
    host = site_host()
    internal = [link for link in links if urlsplit(link.url).netloc == host]
    external = [link for link in links if urlsplit(link.url).netloc != host]
    results = {}
    secure = settings.SITE_URL.startswith("https")
    client = Client(HTTP_HOST=host or "localhost", raise_request_exception=False, secure=secure)
    for link in internal:
        results[link.url] = check_internal(client, link.url)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for link, outcome in zip(external, pool.map(lambda link: check_external(link.url), external), strict=True):
            results[link.url] = outcome
    now = timezone.now()
    rows = []
    for link in links:
        status, error = results[link.url]
        ok = status is not None and status < 400
        row, _ = LinkCheck.objects.update_or_create(
            url=link.url[:1000],
            defaults={
                "found_on": link.page[:300],
                "on_home": link.on_home,
                "status_code": status,
                "error": error,
                "ok": ok,
                "checked_at": now,
            },
        )
        rows.append(row)
    LinkCheck.objects.exclude(url__in=[link.url for link in links]).delete()  # links no longer on the site
    CheckRun.record(CheckRun.Check.LINKS, now)
    return rows
