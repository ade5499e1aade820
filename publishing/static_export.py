"""
Static publishing (页面静态化): every public page written as a file that nginx serves by itself.

`export_all(out)` writes the whole site; afterwards `update_for_article()` rewrites only the pages
a publish, edit or withdrawal touches and deletes a withdrawn article's file (nginx then falls
back to Django, which answers 410). Pages are rendered by the real views with a request flagged
`static_export`, so article pages report 浏览次数 to a small endpoint instead of counting in the
view. The layout on disk matches deploy/nginx/dangjian-static.conf:

    /                       -> index.html
    /articles/5/            -> articles/5/index.html
    /columns/news/?page=2   -> columns/news/page-2.html
    /feed/                  -> feed/index.xml          /sitemap.xml, /robots.txt as they are
"""

import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.test import RequestFactory
from django.urls import resolve, reverse

from articles import pages

logger = logging.getLogger(__name__)


def enabled():
    return bool(settings.STATIC_EXPORT_DIR)


def file_for(path, page=None):
    """The file a URL path (and page number) is written to, relative to the export root."""
    relative = path.lstrip("/")
    if path.endswith("/feed/"):
        return relative + "index.xml"
    if not path.endswith("/"):
        return relative
    if page and page > 1:
        return relative + f"page-{page}.html"
    return relative + "index.html"


def render(path, page=None):
    """(status, body bytes) of a public page, rendered as an anonymous reader would get it."""
    factory = RequestFactory(HTTP_HOST=_host())
    request = factory.get(path, {"page": page} if page and page > 1 else {})
    request.user = AnonymousUser()
    request.static_export = True
    match = resolve(path)
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render") and callable(response.render):
        response.render()
    return response.status_code, response.content


def _host():
    from urllib.parse import urlsplit

    return urlsplit(settings.SITE_URL).netloc or "localhost"


def write(out, path, page=None, written=None):
    status, body = render(path, page)
    target = Path(out) / file_for(path, page)
    if written is not None:
        written.add(target)
    if status != 200:
        target.unlink(missing_ok=True)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename: nginx never serves a half-written file.
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        handle.write(body)
    os.replace(handle.name, target)
    os.chmod(target, 0o644)
    return True


def _paged(out, path, count, written=None):
    pages = max(1, Paginator(range(count), 20).num_pages)
    for number in range(1, pages + 1):
        write(out, path, number, written)
    # A column that shrank leaves no stale page files behind.
    stale = pages + 1
    while (Path(out) / file_for(path, stale)).exists():
        (Path(out) / file_for(path, stale)).unlink()
        stale += 1


def column_paths(columns):
    from articles.models import Article

    for column in columns:
        count = Article.objects.listed().in_column(column).count()
        if count:
            yield column.get_absolute_url(), count


def export_all(out, *, with_static=True):
    """Write every public page; returns the number of files written."""
    from articles.models import Article, Column
    from townships.models import Initiative, Township

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = set()
    for path in ["/", "/townships/", "/initiatives/", "/sitemap/", "/sitemap.xml", "/robots.txt", "/feed/"]:
        write(out, path, written=files)
    for path, count in column_paths(Column.objects.visible()):
        _paged(out, path, count, files)
        write(out, path + "feed/", written=files)
    for township in Township.objects.all():
        write(out, township.get_absolute_url(), written=files)
        write(out, reverse("townships:township_feed", args=[township.slug]), written=files)
    for initiative in Initiative.objects.all():
        count = Article.objects.listed().filter(initiatives=initiative).count()
        _paged(out, initiative.get_absolute_url(), count, files)
        write(out, reverse("townships:initiative_feed", args=[initiative.slug]), written=files)
    for pk in Article.objects.published().values_list("pk", flat=True).iterator():
        write(out, reverse("articles:article", args=[pk]), written=files)
    files |= write_attachments(out)
    prune(out, files)
    if with_static:
        copy_static(out)
    return sum(1 for f in files if f.exists())


def prune(out, keep):
    """Remove pages left from earlier exports that are no longer public (deleted, withdrawn, renamed)."""
    static = Path(out) / settings.STATIC_URL.strip("/")
    for page in Path(out).rglob("*"):
        if page.suffix in (".html", ".xml", ".txt") and page not in keep and static not in page.parents:
            page.unlink()
        elif page.is_file() and page.parent.parent.name == "attachments" and page not in keep:
            page.unlink()  # 附件 of an item no longer public, or removed from its list


def copy_static(out):
    """The collected static files (hashed names, as the pages reference them)."""
    source = Path(settings.STATIC_ROOT)
    if source.exists():
        shutil.copytree(source, Path(out) / settings.STATIC_URL.strip("/"), dirs_exist_ok=True)


def update_for_article(article, previous=None, out=None):
    """Rewrite what a publish/edit/withdrawal touched; remove the page of an article no longer public."""
    out = Path(out or settings.STATIC_EXPORT_DIR)
    try:
        if not article.is_public:
            (out / file_for(article.get_absolute_url())).unlink(missing_ok=True)
        write_attachments(out, article)
        paths, lists = pages.affected_paths(article, previous)
        for path in sorted(paths):
            write(out, path)
        for path, count in lists:
            if count:
                _paged(out, path, count)
            else:
                (out / file_for(path)).unlink(missing_ok=True)
    except Exception:
        # The dynamic site is already right; a failed rewrite must not undo the editor's action.
        logger.exception("static export for article %s failed; run publish_static to repair", article.pk)


def remove_article(article, out=None):
    out = Path(out or settings.STATIC_EXPORT_DIR)
    (out / file_for(reverse("articles:article", args=[article.pk]))).unlink(missing_ok=True)
    shutil.rmtree(attachment_folder(out, article.pk), ignore_errors=True)


def attachment_folder(out, article_id):
    return (
        Path(out) / file_for(reverse("articles:article", args=[article_id])).removesuffix("index.html") / "attachments"
    )


def attachment_file(out, attachment):
    """Where a 附件 is written: its URL path (decoded: nginx maps the decoded path onto the disk)."""
    return Path(out) / unquote(attachment.get_absolute_url().lstrip("/"))


def write_attachments(out, article=None):
    """Copy the 附件 of public articles (or of one article) as their URLs name them; remove the rest of its folder.

    Returns the files written. A withdrawn or deleted item's folder is emptied, so nginx stops serving them.
    """
    from articles.models import Attachment

    items = Attachment.objects.served().select_related("article")
    if article is not None:
        items = items.filter(article_id=article.pk)
    written = set()
    for attachment in items.iterator():
        target = attachment_file(out, attachment)
        written.add(target)
        if target.exists() and target.stat().st_size == attachment.size:
            continue  # stored files never change in place: a new file is a new attachment
        target.parent.mkdir(parents=True, exist_ok=True)
        with attachment.file.open("rb") as source, tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as copy:
            shutil.copyfileobj(source, copy)
        os.replace(copy.name, target)
        os.chmod(target, 0o644)
    if article is not None:
        folder = attachment_folder(out, article.pk)
        for stale in [p for p in folder.rglob("*") if p.is_file() and p not in written] if folder.exists() else []:
            stale.unlink()
    return written


def update_township_pages(township_id, initiative_id, out=None):
    from townships.models import Initiative, Township

    out = Path(out or settings.STATIC_EXPORT_DIR)
    try:
        for path in ["/", "/townships/", "/initiatives/"]:
            write(out, path)
        if township := Township.objects.filter(pk=township_id).first():
            write(out, township.get_absolute_url())
        if initiative := Initiative.objects.filter(pk=initiative_id).first():
            write(out, initiative.get_absolute_url())
    except Exception:
        logger.exception("static export of township pages failed; run publish_static to repair")


def schedule_full_export():
    from background.queue import enqueue_once

    from .tasks import export_site

    enqueue_once(export_site)
