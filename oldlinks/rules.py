"""
How an old address is written down, so that the link a reader follows and the line in the old CMS's export meet.

One canonical form (`key`) for both sides:

- a full URL loses its scheme and host (the new site takes over the old domain, or links name an old host);
- percent-encoding is decoded, as UTF-8 or, failing that, GB18030 (old Chinese CMSs and browsers sent GBK
  bytes: /%D0%C2%CE%C5/ is 新闻); the request path Django hands us keeps such bytes percent-encoded;
- the trailing slash is dropped (/news/ and /news are one address), except for "/";
- the query string is kept, its parameters sorted (show.asp?id=5&c=2 and ?c=2&id=5 are one page);
  a redirect stored without a query matches the path with any query.
"""

from urllib.parse import unquote_to_bytes, urlsplit

MAX_LENGTH = 200  # django.contrib.redirects' old_path


class NotAPath(ValueError):
    """The text is not an address on a website (a label, mailto:, javascript:, a bare word)."""


def _decode(text, plus=False):
    raw = unquote_to_bytes(text.replace("+", " ") if plus else text)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return text


def split(address):
    """(path, query) of an address written as a path or a full http(s) URL; NotAPath otherwise."""
    address = (address or "").strip()
    if not address:
        raise NotAPath("网址是空的")
    parts = urlsplit(address)
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise NotAPath("只接受以 / 开头的路径或 http:// 、https:// 网址")
    elif address.startswith("//"):
        if not parts.netloc:
            raise NotAPath("不是网址")
    elif not address.startswith("/"):
        raise NotAPath("网址应以 / 或 http:// 开头")
    return parts.path or "/", parts.query


def canonical_path(path):
    path = _decode(path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path


def canonical_query(query):
    pieces = sorted(_decode(piece, plus=True) for piece in query.split("&") if piece)
    return "&".join(pieces)


def key(address):
    """The canonical form of an address (a path or full URL); NotAPath if it is none."""
    path, query = split(address)
    path, query = canonical_path(path), canonical_query(query)
    return path + (f"?{query}" if query else "")


def request_keys(path, query):
    """The stored forms that match a request, best first: with its query, then the path alone; each with and
    without the trailing slash (redirects added by hand in the admin may carry one)."""
    path, query = canonical_path(path), canonical_query(query)
    bare = [path] if path == "/" else [path, path + "/"]
    with_query = [f"{p}?{query}" for p in bare] if query else []
    return with_query + bare


def host_of(address):
    """The host an absolute address names ("" for a path)."""
    return urlsplit(address.strip()).netloc.lower() if "//" in address else ""
