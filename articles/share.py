"""
Share cards: what WeChat (and other apps) show when a page's link is shared, and the page's QR code.

WeChat's card wants an absolute http(s) URL of a JPEG or PNG, at least 300 × 300 px. The project has
no rendition mechanism (pictures are cleaned once on upload, articles/images.py), so the card uses
the article's cover, else the first picture of its body, when the stored original is JPEG/PNG and
large enough, and the site's default share picture otherwise (static/img/share-default.png, drawn
by `manage.py draw_share_image`). Everything comes from data the page has already loaded: the cover
name is on the article, body pictures are read from the sanitised body; only the picture's header is
read from storage to learn its size (no query, and the page cache keeps the result).
"""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.html
import segno
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import mark_safe
from lxml import etree
from PIL import Image, UnidentifiedImageError

MIN_EDGE = 300
DEFAULT_IMAGE = "img/share-default.png"
DEFAULT_SIZE = (600, 600)
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}
BODY_IMAGES_TRIED = 3  # bounded work per page: a long photo story is not opened picture by picture


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    mime: str


def absolute(url):
    """`url` (a path, or already absolute) as an absolute URL on SITE_URL."""
    return urljoin(settings.SITE_URL.rstrip("/") + "/", url)


def default_image():
    return ShareImage(absolute(static(DEFAULT_IMAGE)), *DEFAULT_SIZE, "image/png")


def _probe(name):
    """(mime, width, height) of a stored picture, or None; remembered, as a stored name never changes content."""
    key = f"share-image:{name}"
    found = cache.get(key)
    if found is None:
        try:
            with default_storage.open(name) as handle, Image.open(handle) as image:  # reads the header only
                found = (FORMATS.get(image.format), *image.size)
        except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
            return None  # missing (maybe not yet copied to this server): asked again next time
        cache.set(key, found, 24 * 3600)
    return found


def _stored_image(name):
    """A ShareImage for the stored file `name` if it is a JPEG/PNG of at least MIN_EDGE on each side."""
    found = _probe(name)
    if found is None:
        return None
    mime, width, height = found
    if mime is None or min(width, height) < MIN_EDGE:
        return None
    return ShareImage(absolute(default_storage.url(name)), width, height, mime)


def _media_name(src):
    """The storage name of a body picture served from MEDIA_URL, or None (pictures elsewhere are not ours)."""
    media = urlsplit(absolute(settings.MEDIA_URL))
    parts = urlsplit(absolute(src))
    if (parts.scheme, parts.netloc) != (media.scheme, media.netloc) or not parts.path.startswith(media.path):
        return None
    name = parts.path[len(media.path) :]
    return name if name and ".." not in name.split("/") else None


def body_image_sources(body):
    """The src of each <img> in the (sanitised) body, in order."""
    if not body or "<img" not in body:
        return []
    try:
        fragment = lxml.html.fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return [img.get("src") for img in fragment.iter("img") if img.get("src")]


def article_image(article):
    """The picture for an article's share card: cover, else first body picture, else the default."""
    candidates = [article.cover.name] if article.cover else []
    candidates += [name for name in map(_media_name, body_image_sources(article.body)) if name][:BODY_IMAGES_TRIED]
    for name in candidates:
        found = _stored_image(name)
        if found:
            return found
    return default_image()


@lru_cache(maxsize=1024)  # ~1.5 KB each; segno spends ~18 ms choosing the best mask, an article URL never changes
def qr_svg(url, label="本页网址的二维码"):
    """The QR code of `url` as inline SVG (segno, drawn here, no outside service), labelled for screen readers."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, svgclass="share__qr-code", title=label)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))  # noqa: S308
