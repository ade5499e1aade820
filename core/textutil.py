"""Small text helpers shared by the importer and the content checks."""

import functools
import html
import re


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text):
    """Traditional to simplified (OpenCC t2s); already simplified text comes back unchanged."""
    return _converter().convert(text) if text else text


def traditional_spans(text, limit=5):
    """Up to `limit` (traditional, simplified) character pairs that t2s would change."""
    converted = to_simplified(text)
    if converted == text or len(converted) != len(text):
        return [] if converted == text else [(text[:20], converted[:20])]
    pairs = []
    for original, simple in zip(text, converted, strict=True):
        if original != simple and (original, simple) not in pairs:
            pairs.append((original, simple))
            if len(pairs) >= limit:
                break
    return pairs


BLOCK_END = re.compile(r"</(p|h[1-6]|li|figure|figcaption|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_paragraphs(body_html):
    """The visible text of a body, one string per block; images show as [图片: alt]."""
    from django.utils.html import strip_tags

    body_html = re.sub(r'<img[^>]*alt="([^"]*)"[^>]*>', r"[图片：\1]", body_html or "")
    parts = BLOCK_END.split(body_html)[::2]
    return [text for part in parts if (text := html.unescape(strip_tags(part)).strip())]
