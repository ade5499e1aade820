"""
The allow-list for article bodies: one extension list drives the editor toolbar and nh3.

django-prose-editor sanitises only in form cleaning; `sanitize_body` is called from
`Article.save()` so that imports, scripts and the admin all store the same safe HTML.
HTML from Word or WPS is first reduced to its structure (`clean_office_html`), the same way the
editor cleans a paste (static/js/editor/clerk.js), so Office markup stored by any path comes out clean.
"""

import re

import lxml.html
from django_prose_editor.fields import create_sanitizer
from lxml import etree

BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Image": True,
    "Figure": True,
    "Caption": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # Ours (static/js/editor/clerk.js, registered in settings): Chinese menus, Word/WPS paste, 快捷键 help.
    "ClerkTools": True,
}

BODY_CONFIG = {"extensions": BODY_EXTENSIONS}

_allow_list = create_sanitizer(BODY_EXTENSIONS)

OFFICE = re.compile(r"urn:schemas-microsoft-com:office|class=\"?Mso|mso-|<o:p", re.IGNORECASE)
ORDERED_MARKER = re.compile(r"^[(（]?([0-9０-９]+|[a-zA-Z]|[ivxlcIVXLC]+|[一二三四五六七八九十百]+)[.．)）、]")
BLANK = re.compile(r"^[\s\u00a0\u3000]*$")
LEADING_SPACE = re.compile(r"^[\s\u00a0\u3000]+")
# Word's and WPS's own elements whose text is settings or metadata, never content.
DROPPED = {"style", "script", "meta", "link", "title", "xml", "head"}


def _style(element, name):
    match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", element.get("style") or "", re.IGNORECASE)
    return match.group(1).strip() if match else ""


def _unwrap(element):
    element.drop_tag()


def _build_lists(body):
    """Consecutive mso-list paragraphs become one <ul>/<ol>, nested by level; the typed marker says which."""
    stack, last = [], None
    for p in list(body.iter("p")):
        level = re.search(r"level(\d+)", _style(p, "mso-list"), re.IGNORECASE)
        if not level:
            continue
        level = int(level.group(1))
        marker = next(
            (s for s in p.iter("span") if re.search(r"mso-list\s*:\s*ignore", s.get("style") or "", re.I)), None
        )
        ordered = bool(marker is not None and ORDERED_MARKER.match(marker.text_content().strip()))
        if marker is not None:
            marker.drop_tree()
        if last is None or p.getprevious() is not last:
            stack = []
        del stack[level:]
        while len(stack) < level:
            new_list = lxml.html.Element("ol" if ordered else "ul")
            if stack:
                items = stack[-1].findall("li")
                (items[-1] if items else etree.SubElement(stack[-1], "li")).append(new_list)
            else:
                p.addprevious(new_list)
            stack.append(new_list)
        item = etree.SubElement(stack[-1], "li")
        p.attrib.clear()
        p.tail, tail = None, p.tail
        item.append(p)
        last = stack[0]
        last.tail = (last.tail or "") + (tail or "")


def clean_office_html(html):
    """Word/WPS HTML reduced to headings, lists, bold/italic/underline, tables and paragraphs."""
    if not OFFICE.search(html):
        return html
    body = lxml.html.document_fromstring(html).body
    for element in list(body.iter(etree.Comment)):
        element.drop_tree()
    for element in list(body.iter(*DROPPED)):
        element.drop_tree()
    for img in list(body.iter("img")):
        if not re.match(r"(https?:|data:image/)", img.get("src") or "", re.IGNORECASE):
            img.drop_tree()
    _build_lists(body)
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or element is body:
            continue
        if ":" in element.tag:  # <o:p>, <v:shape>, <w:sdt>
            _unwrap(element)
        elif element.tag in ("b", "i"):  # the allow-list knows <strong> and <em>
            element.tag = {"b": "strong", "i": "em"}[element.tag]
            element.attrib.clear()
        elif element.tag in ("span", "font"):
            wrappers = [
                tag
                for tag, on in (
                    ("strong", re.match(r"^(bold|[6-9]00)$", _style(element, "font-weight"), re.I)),
                    ("em", re.match(r"^italic$", _style(element, "font-style"), re.I)),
                    ("u", "underline" in _style(element, "text-decoration").lower()),
                )
                if on
            ]
            element.attrib.clear()
            if wrappers:
                element.tag = wrappers[0]
                inner = element
                for tag in wrappers[1:]:
                    wrapper = lxml.html.Element(tag)
                    wrapper.text, inner.text = inner.text, None
                    wrapper.extend(list(inner))
                    inner.append(wrapper)
                    inner = wrapper
            else:
                _unwrap(element)
        elif re.fullmatch(r"h[1-6]", element.tag):
            # The page's <h1> is the title: Word's 标题 1/2/3 become the body's 二/三/四级标题.
            element.tag = f"h{min(int(element.tag[1]) + 1, 4)}"
            element.attrib.clear()
    for element in list(body.iter("p", "h2", "h3", "h4", "li")):
        in_cell = any(a.tag in ("td", "th") for a in element.iterancestors())
        if not in_cell and BLANK.match(element.text_content()) and not element.xpath(".//img|.//table|.//br"):
            element.drop_tree()
    for p in body.iter("p"):
        if p.text:
            p.text = LEADING_SPACE.sub("", p.text)  # the page indents paragraphs; typed spaces would double it
    return (body.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in body)


def sanitize_body(html):
    return _allow_list(clean_office_html(html))
