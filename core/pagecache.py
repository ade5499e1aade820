"""
The anonymous page cache, invalidated by tags.

A public view names what its page shows (`depends_on(request, "article:5", "column:2")`). The
rendered page is stored with the versions of those tags; a publish, edit or withdrawal bumps the
tags it touches (`invalidate(...)`), so exactly the pages that show that thing are rendered anew.
Every page also depends on "site" (menu, footer), bumped when columns or the site profile change.
"""

import contextlib
import contextvars
import functools
import hashlib
import os
import time
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.http import http_date, quote_etag

PAGE_PREFIX = "pc:page:"
VALUE_PREFIX = "pc:value:"
TAG_PREFIX = "pc:tag:"
TIMEOUT = 24 * 3600


def code_fingerprint(root, folders, extra_files=()):
    """A short hash of the code that renders pages: the Python and templates in `folders`, plus
    `extra_files` (the static manifest, which names the hashed CSS/JS). Deploying new code changes
    it, so nothing that older code cached is served; servers running the same code share their cache.
    Paths are hashed relative to `root`, so checkouts in different places agree."""
    root = Path(root)
    digest = hashlib.blake2b(digest_size=6)
    files = []
    for top in folders:
        for folder, subfolders, names in os.walk(root / top):
            subfolders[:] = [name for name in subfolders if name not in ("__pycache__", "tests", "migrations")]
            files += [Path(folder, name) for name in names if name.endswith((".py", ".html"))]
    for path in [*sorted(files), *(Path(f) for f in extra_files if Path(f).is_file())]:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def release():
    """This deployment's fingerprint: the project's own apps, its templates and the static manifest,
    not the whole checkout, which may hold a static export or uploads that change all the time."""
    from django.apps import apps

    base = Path(settings.BASE_DIR)
    own_apps = [
        path
        for path in (Path(app.path) for app in apps.get_app_configs())
        if path.is_relative_to(base) and "site-packages" not in path.parts  # not a virtualenv inside it
    ]
    project = Path(import_module(settings.ROOT_URLCONF).__file__).parent
    templates = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    return code_fingerprint(
        base, sorted({*own_apps, project, *templates}), [Path(settings.STATIC_ROOT) / "staticfiles.json"]
    )


def depends_on(request, *tags):
    request.__dict__.setdefault("cache_tags", set()).update(t for t in tags if t)


# The tag versions this request has read. A page asks for the same few tags several times (the
# article, its links, header and footer); one round trip per request is enough.
_request_versions = contextvars.ContextVar("pagecache_request_versions", default=None)
# Every page and fragment depends on it; bumped when the cache may have missed invalidations (an
# outage of the shared cache drops the writes made meanwhile), so nothing stored before is served.
EVERYTHING = "everything"
# Tags nearly every fragment depends on: fetched along with whatever a request asks for first.
COMMON_TAGS = ("site", "articles", EVERYTHING)


@contextlib.contextmanager
def request_scope():
    token = _request_versions.set({})
    try:
        yield
    finally:
        _request_versions.reset(token)


def invalidate(*tags):
    """Bump the version of each tag; cached pages that depend on any of them are stale from now on."""
    now = time.time_ns()
    versions = {tag: now for tag in tags if tag}
    cache.set_many({TAG_PREFIX + tag: version for tag, version in versions.items()}, timeout=None)
    if (memo := _request_versions.get()) is not None:
        memo.update(versions)


def _versions(tags):
    """The tags' current versions, read from the shared cache (0 for a tag never set)."""
    found = cache.get_many([TAG_PREFIX + tag for tag in tags])
    versions = {tag: found.get(TAG_PREFIX + tag, 0) for tag in tags}
    if (memo := _request_versions.get()) is not None:
        memo.update(versions)
    return versions


def _request_versions_of(tags):
    """The tags' versions as this request first saw them: fragments of one page agree with each other."""
    memo = _request_versions.get()
    if memo is None:
        return _versions(tags)
    if missing := [tag for tag in tags if tag not in memo]:
        _versions({*missing, *(t for t in COMMON_TAGS if t not in memo)})
    return {tag: memo[tag] for tag in tags}


def _stamped_versions(tags):
    """The tags' versions, giving a version to any tag without one: after a cache flush a stored page's
    versions (never 0) then no longer match, so no copy of it, shared or in a process, is served."""
    versions = _versions(tags)
    if missing := [tag for tag, version in versions.items() if not version]:
        now = time.time_ns()
        for tag in missing:
            cache.add(TAG_PREFIX + tag, now, timeout=None)
        versions = _versions(tags)
    return versions


# Bumped by every change of the kind they name; a page rendered while one of them changed is not stored.
GLOBAL_TAGS = ("site", "articles", "townships")


MAX_PAGE = 99999


def requested_page(request):
    """The ?page= number asked for when it names a page after the first; None for none, 1 or junk."""
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and 1 < int(page) <= MAX_PAGE:
        return int(page)
    return None


def page_key(request, page=None):
    """The key of this path's page `page` (the first when None). Other parameters never split the cache."""
    return f"{PAGE_PREFIX}{release()}:{request.path}" + (f"?page={page}" if page and page > 1 else "")


def paginated(request, page):
    """Tell the cache that this view shows `page` (a Django Page) of a list, so its pages are cached
    apart. Views that never call this ignore ?page=, and so does their cache entry."""
    request.__dict__["cache_page_number"] = page.number


def _key_to_store(request):
    """Where the rendered page is kept: by the page it shows, and only if that is the page asked for
    (?page=99999 of a five-page list shows page 5, clamped, and is not kept under a key of its own)."""
    shown = getattr(request, "cache_page_number", None)
    if shown is None:
        return page_key(request)
    return page_key(request, shown) if shown == (requested_page(request) or 1) else None


def cacheable(request):
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # staff see the live site
        and not getattr(request, "static_export", False)
    )


# This process's copies of recently served entries: a hit then needs one round trip to the shared
# cache (the tag versions) instead of two, and no unpickling. Validity is still decided by the tags.
_recent = {}
RECENT_MAX = 300


def _valid(entry, request=None):
    """Whether the entry's tags are unchanged. For this process's copy of a page whose `on_serve` can
    queue its work on a Redis pipeline (a view count), that work goes in the same round trip as the
    versions: a hit is then one round trip. The request remembers it, so it is never done twice."""
    queue = getattr(entry.get("on_serve"), "queue", None)
    if not (queue and request is not None and hasattr(cache, "get_many_and")) or _served(request):
        return _versions(entry["tags"]) == entry["versions"]
    keys = [TAG_PREFIX + tag for tag in entry["tags"]]
    found, sent = cache.get_many_and(
        keys, lambda pipeline: queue(pipeline, cache, request, *entry["args"], **entry["kwargs"])
    )
    if not sent:
        return _versions(entry["tags"]) == entry["versions"]
    request.page_cache_served = True
    versions = {tag: found.get(TAG_PREFIX + tag, 0) for tag in entry["tags"]}
    if (memo := _request_versions.get()) is not None:
        memo.update(versions)
    return versions == entry["versions"]


def _served(request):
    """Whether this request's on_serve work is already done (queued with the versions it read)."""
    return request.__dict__.get("page_cache_served", False)


def _find(keys, usable, request=None):
    """The first still-valid entry under `keys`: this process's copy if it has one, else the shared one."""
    for key in keys:
        if (entry := _recent.get(key)) and usable(key, entry) and _valid(entry, request):
            return entry
    found = cache.get_many(keys)
    for key in keys:
        if (entry := found.get(key)) and usable(key, entry) and _valid(entry):
            if len(_recent) >= RECENT_MAX:
                _recent.clear()
            _recent[key] = entry
            return entry
        _recent.pop(key, None)
    return None


def cached_response(request):
    """The cached page for this request if it is still valid (tags unchanged), else None."""
    if not cacheable(request):
        return None
    # ?page=N is served from its own entry if the view paginates, else from the path's only entry.
    asked = requested_page(request)
    keys = [page_key(request, asked)] + ([page_key(request)] if asked else [])
    entry = _find(keys, lambda key, entry: key == keys[0] or not entry["paginated"], request)
    if entry is None:
        return None
    if entry.get("on_serve") and not _served(request):
        entry["on_serve"](request, *entry["args"], **entry["kwargs"])
    return _copy(entry["response"])


def _copy(response):
    """A response of its own for each request: the middleware above adds headers to it."""
    return HttpResponse(response.content, status=response.status_code, headers=response.headers)


class PageCacheMiddleware:
    """First in MIDDLEWARE: a hit is answered before any other middleware runs.

    A stored page keeps the headers the rest of the stack gave it when it was rendered (CSP, security
    headers, X-Frame-Options, ETag), so a hit needs none of that code and answers conditional GETs
    itself. It falls through to the stack for what the stack would treat differently: static files,
    plain HTTP when HTTPS is required, and a Host header that is not allowed (a 400).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)
        self.passed_by = tuple(url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url and url != "/")

    def __call__(self, request):
        with request_scope():
            if self.may_answer(request):
                request.page_cache_looked_up = True
                if response := cached_response(request):
                    return self.conditional.process_response(request, response)
            request.page_cache_stores_after_stack = True
            response = self.get_response(request)
            if (pending := request.__dict__.pop("page_cache_pending", None)) is not None:
                _store_final(*pending, response)
            return response

    def may_answer(self, request):
        if not cacheable(request) or request.path.startswith(self.passed_by):
            return False
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return False  # SecurityMiddleware redirects it
        request.get_host()  # raises DisallowedHost (400) as CommonMiddleware would
        return True


def _store(key, entry):
    cache.set(key, entry, timeout=TIMEOUT)


def _store_final(key, entry, response):
    """Keep the page as the whole stack answered it, so a hit can skip the stack (see the middleware)."""
    if response.status_code == 200 and not response.cookies and not getattr(response, "streaming", False):
        _store(key, {**entry, "response": _copy(response)})


def cache_public_page(view=None, *, on_serve=None):
    """Store anonymous GETs of a public page for PageCacheMiddleware; `on_serve` runs for every 200 served.

    The decorator also answers hits itself, so the cache works without the middleware (tests, scripts).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.__dict__.get("page_cache_looked_up") and (response := cached_response(request)):
                return response
            # Stamped first: a fragment stamping a missing tag mid-render must not look like a publication.
            before = _stamped_versions(GLOBAL_TAGS) if cacheable(request) else None
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                response.setdefault("Last-Modified", http_date())
                response.setdefault("Cache-Control", "public, max-age=0, must-revalidate")
                if on_serve and not _served(request):
                    on_serve(request, *args, **kwargs)
                # Something published or withdrawn while this page was being rendered: don't keep it.
                unchanged = before is not None and _versions(GLOBAL_TAGS) == before
                key = _key_to_store(request)
                if key and unchanged and not getattr(response, "streaming", False) and not response.cookies:
                    tags = {"site", EVERYTHING, *getattr(request, "cache_tags", ())}
                    if hasattr(response, "render") and callable(response.render):
                        response.render()
                    # The ETag is computed once here instead of on every hit.
                    response.setdefault(
                        "ETag", quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
                    )
                    versions = _stamped_versions(tags)
                    if all(versions.values()):  # else the cache is down: nothing could be checked later
                        entry = {
                            "tags": tags,
                            "versions": versions,
                            "paginated": getattr(request, "cache_page_number", None) is not None,
                            "response": response,
                            "on_serve": on_serve,
                            "args": args,
                            "kwargs": kwargs,
                        }
                        if request.__dict__.get("page_cache_stores_after_stack"):
                            request.page_cache_pending = (key, entry)
                        else:
                            _store(key, entry)
            return response

        return wrapped

    return decorator(view) if view else decorator


# This process's copies of shared fragments, by versioned key: a stale copy is never looked up again.
_values = {}
VALUES_MAX = 500


def cached_by_tags(key, tags, compute, timeout=TIMEOUT):
    """A value that stays cached until one of `tags` is invalidated: fragments shared by many pages.

    The value is shared by every request of this process: callers must not change it.
    """
    tags = sorted({*tags, EVERYTHING})
    versions = _request_versions_of(tags)
    if not all(versions.values()):
        # Never key a value by version 0: after a cache flush, a copy stored under it would match again.
        versions = _stamped_versions(tags)
        if not all(versions.values()):
            return compute()  # the shared cache is down: nothing can tell later whether a copy is current
    full_key = f"{VALUE_PREFIX}{release()}:{key}:" + ".".join(str(versions[t]) for t in tags)
    value = _values.get(full_key)
    if value is None:
        value = cache.get(full_key)
        if value is None:
            value = compute()
            cache.set(full_key, value, timeout=timeout)
        if len(_values) >= VALUES_MAX:
            _values.clear()
        _values[full_key] = value
    return value


def forget_everything(**kwargs):
    """The shared cache is back after failing: invalidations sent meanwhile were lost, so every page
    and fragment stored before is stale (a withdrawn article must not reappear)."""
    invalidate(EVERYTHING)
