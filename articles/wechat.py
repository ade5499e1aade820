"""
导出为公众号格式: an article as HTML that pastes into the WeChat 公众号 editor as it looks here.

The 公众号 editor keeps inline styles and drops class names, style sheets and scripts, and it fetches
pictures from their URL. So the export is built from the sanitised body (nh3, articles/richtext.py)
with every element given its style inline, every class/id/event attribute dropped, unknown elements
unwrapped and picture/link addresses made absolute on SITE_URL. Headings, lists, tables, quotes and
figures are kept.
"""

import lxml.html
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .richtext import sanitize_body
from .share import absolute

TEXT = "font-size:16px;line-height:1.8;color:#333333;"
STYLES = {
    "section": "margin:0;padding:0;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;",
    "h1": "margin:0 0 8px;font-size:22px;line-height:1.4;font-weight:bold;color:#222222;",
    "h2": "margin:24px 0 12px;padding-left:8px;border-left:4px solid #b3151b;font-size:18px;line-height:1.5;"
    "font-weight:bold;color:#b3151b;",
    "h3": "margin:20px 0 10px;font-size:17px;line-height:1.5;font-weight:bold;color:#222222;",
    "h4": "margin:16px 0 8px;font-size:16px;line-height:1.5;font-weight:bold;color:#222222;",
    "p": f"margin:0 0 16px;text-indent:2em;{TEXT}",
    "ul": f"margin:0 0 16px;padding-left:2em;list-style-type:disc;{TEXT}",
    "ol": f"margin:0 0 16px;padding-left:2em;list-style-type:decimal;{TEXT}",
    "li": f"margin:0 0 6px;{TEXT}",
    "blockquote": "margin:16px 0;padding:8px 12px;border-left:3px solid #dddddd;background-color:#f7f7f7;color:#555555;",
    "figure": "margin:16px 0;text-align:center;",
    "figcaption": "margin-top:6px;font-size:14px;line-height:1.6;color:#888888;text-align:center;",
    "img": "display:block;max-width:100%;height:auto;margin:0 auto;",
    "table": "width:100%;margin:0 0 16px;border-collapse:collapse;font-size:14px;line-height:1.6;color:#333333;",
    "th": "padding:6px 8px;border:1px solid #cccccc;background-color:#f6f3f1;font-weight:bold;text-align:left;",
    "td": "padding:6px 8px;border:1px solid #cccccc;vertical-align:top;",
    "a": "color:#576b95;text-decoration:none;",
    "hr": "margin:24px 0;border:0;border-top:1px solid #dddddd;",
    "strong": "font-weight:bold;",
    "em": "font-style:italic;",
    "u": "text-decoration:underline;",
}
NESTED_TEXT = {"li", "td", "th", "blockquote", "figcaption"}
KEPT_BARE = {"tbody", "thead", "tr", "br", "sub", "sup"}
DROPPED = {"script", "style", "link", "meta", "iframe", "object", "embed", "form", "input", "button", "svg"}
ATTRIBUTES = {"img": {"src", "alt", "width", "height"}, "a": {"href"}, "th": {"colspan", "rowspan"}}
ATTRIBUTES["td"] = ATTRIBUTES["th"]


def _paragraph(text, style):
    return f'<p style="{style}">{escape(text)}</p>'


def _clean(root):
    for element in list(root.iter()):
        if element is root:
            continue
        if not isinstance(element.tag, str):  # a comment or processing instruction
            element.drop_tree()
            continue
        tag = element.tag.lower()
        if tag in DROPPED:
            element.drop_tree()
            continue
        if tag not in STYLES and tag not in KEPT_BARE:
            element.drop_tag()  # a <div> or <span>: its content stays
            continue
        keep = ATTRIBUTES.get(tag, set())
        for name in list(element.attrib):
            if name not in keep:
                del element.attrib[name]
        if tag == "img":
            if not element.get("src", "").startswith(("http:", "https:", "/")):
                element.drop_tree()
                continue
            element.set("src", absolute(element.get("src")))
        if tag == "a":
            href = element.get("href", "")
            if href.startswith(("http:", "https:", "/")):
                element.set("href", absolute(href))
            elif not href.startswith(("mailto:", "tel:")):
                element.attrib.pop("href", None)
        if tag in STYLES:
            element.set("style", STYLES[tag])
        if tag == "p" and any(a.tag in NESTED_TEXT for a in element.iterancestors()):
            element.set("style", f"margin:0;{TEXT}")  # a paragraph inside a list item or cell: no indent


def wechat_html(article, site_name=""):
    """The article as one <section> of inline-styled HTML (a fragment to paste)."""
    head = [f'<h1 style="{STYLES["h1"]}">{escape(article.title)}</h1>']
    if article.subtitle:
        head.append(_paragraph(article.subtitle, "margin:0 0 8px;font-size:16px;line-height:1.6;color:#555555;"))
    meta = [article.source and f"来源：{article.source}", article.authors and f"作者：{article.authors}"]
    if article.published_at:
        meta.append(timezone.localtime(article.published_at).strftime("%Y-%m-%d"))
    meta = "　".join(m for m in meta if m)
    if meta:
        head.append(_paragraph(meta, "margin:0 0 20px;font-size:14px;line-height:1.6;color:#888888;"))
    foot = []
    if article.editor:
        foot.append(_paragraph(f"责任编辑：{article.editor}", "margin:16px 0 0;font-size:14px;color:#888888;"))
    if article.is_public:
        url = absolute(article.get_absolute_url())
        foot.append(_paragraph(f"本文来自{site_name}：{url}", "margin:8px 0 0;font-size:14px;color:#888888;"))
    # save() sanitised it already; again here, as the export leaves the site (a body written behind save()).
    root = lxml.html.fragment_fromstring(sanitize_body(article.body or ""), create_parent="section")
    if root.text and root.text.strip():  # loose text before the first element: a paragraph of its own
        loose = lxml.html.Element("p")
        loose.text, root.text = root.text, None
        root.insert(0, loose)
    _clean(root)  # the body only: our own head and foot lines keep their styles
    for position, element in enumerate(lxml.html.fragments_fromstring("".join(head))):
        root.insert(position, element)
    for element in lxml.html.fragments_fromstring("".join(foot)) if foot else []:
        root.append(element)
    root.set("style", STYLES["section"])
    # Safe to show: built from the nh3-sanitised body, our escaped strings, and only allowed attributes.
    return mark_safe(lxml.html.tostring(root, encoding="unicode", method="html"))  # noqa: S308


def wechat_document(article, site_name=""):
    """The same as a whole .html file to download: no style sheet, no script, only inline styles."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(article.title)}</title>\n</head>\n<body>\n{wechat_html(article, site_name)}\n</body>\n</html>\n"
    )
