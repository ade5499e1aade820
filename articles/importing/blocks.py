"""
Step 3, lines and the article block: visible text of a page split at block boundaries, each line marked inside or
outside the block that holds the article (a text-density vote), plus what <head> says.
"""

import re
from collections import Counter

from .dates import parse_date
from .normalise import normalise
from .patterns import CJK
from .result import Line


def text_lines(text):
    lines = []
    blank_before = True
    for number, raw in enumerate(normalise(text).splitlines(), 1):
        if not raw.strip():
            blank_before = True
            continue
        lines.append(
            Line(
                raw.strip(" \t\u3000"),
                indented=bool(re.match(r"^(\u3000|\s{2,}|\t)", raw)),
                block_start=blank_before,
                number=number,
            )
        )
        blank_before = False
    return lines


BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "center",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
    "nav",
    "form",
    "address",
    "hr",
    "tbody",
    "thead",
}


DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "template",
    "object",
    "embed",
]


# Inline styles that hide an element: how injected SEO text is kept off the screen.
HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:top|left|text-indent)\s*:\s*-\d{3,}px|font-size\s*:\s*0(?:px)?\s*(?:;|$)",
    re.I,
)


def html_lines(page, fragment=False):
    """Lines of visible text, each marked inside/outside the article block, plus page metadata."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(page, "lxml")
    for tag in soup.find_all(style=HIDDEN_STYLE):
        tag.decompose()
    meta = page_metadata(soup)
    for tag in soup(DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    body = soup.body or soup
    container = None if fragment else article_container(body)
    meta["images_in_article"] = len((container or body).find_all("img"))
    lines = []
    for element, text, starts_block in walk_lines(body):
        inside = container is None or element is container or container in element.parents
        for index, raw in enumerate(text.split("\n")):
            if raw.strip():
                lines.append(
                    Line(
                        normalise(raw).strip(" \t\u3000"),
                        inside=inside,
                        indented=bool(re.match(r"^(\u3000|\s{2,})", normalise(raw))),
                        block_start=starts_block and index == 0,
                        number=len(lines) + 1,
                    )
                )
    return lines, meta


def walk_lines(root):
    """Yield (element, text, starts_block) for each run of inline text between block boundaries."""
    buffer, owner = [], [root]

    def flush(starts_block=True):
        text = "".join(buffer)
        buffer.clear()
        if text.strip():
            yield owner[0], text, starts_block

    def visit(node):
        from bs4 import NavigableString, Tag

        for child in node.children:
            if isinstance(child, NavigableString):
                if not buffer:
                    owner[0] = node
                buffer.append(re.sub(r"[ \t\r\n]+", " ", str(child)) if child.parent.name != "pre" else str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    buffer.append("\n")
                elif child.name in BLOCK_TAGS:
                    yield from flush()
                    yield from visit(child)
                    yield from flush()
                else:
                    yield from visit(child)

    yield from visit(root)
    yield from flush()


def article_container(body):
    """The smallest element holding most of the page's prose (sidebars and footers fall outside).

    Leaf text blocks vote with their Chinese characters and punctuation; link lists do not vote.
    Paragraphs split over sibling <section>s (WeChat) still land in one container.
    """
    # Keyed by id(): a bs4 Tag hashes by serialising itself, which made this vote quadratic in the page's size.
    covered, elements, total = Counter(), {}, 0
    for block in body.find_all(["p", "div", "td", "section", "li"]):
        if block.find(["p", "div", "td", "table", "section", "ul", "ol", "li"]):
            continue  # only leaf text blocks vote
        text = block.get_text(" ", strip=True)
        if len(text) < 20:
            continue
        link_text = sum(len(a.get_text(strip=True)) for a in block.find_all("a"))
        if link_text > len(text) / 2:
            continue
        weight = len(re.findall(f"[{CJK}]", text)) + 10 * len(re.findall("[，。；！？]", text))
        total += weight
        for ancestor in block.parents:
            covered[id(ancestor)] += weight
            elements[id(ancestor)] = ancestor
            if ancestor is body:
                break
    if total < 60:
        return None
    holders = [elements[key] for key, weight in covered.items() if weight >= 0.75 * total]
    # The deepest holder: the one with the fewest characters of its own.
    return min(holders, key=lambda element: len(element.get_text()), default=None)


def page_metadata(soup):
    meta = {}
    if (canonical := soup.find("link", rel=lambda v: v and "canonical" in v)) and canonical.get("href", "").startswith(
        "http"
    ):
        meta["canonical"] = canonical["href"].strip()
    if soup.title and soup.title.string:
        meta["title_tag"] = normalise(soup.title.string).strip()
    if (og := soup.find("meta", property="og:title")) and og.get("content"):
        meta["og_title"] = normalise(og["content"]).strip()
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        meta["h1"] = normalise(h1.get_text(" ", strip=True)).strip()
    for name in ("publishdate", "PubDate", "pubdate", "article:published_time", "publish_time", "firstpublishedtime"):
        tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", property=name)
        if tag and (when := parse_date(tag.get("content", ""))):
            meta["published_at"] = when
            break
    for name in ("author", "Author"):
        if (tag := soup.find("meta", attrs={"name": name})) and tag.get("content", "").strip():
            meta["author"] = normalise(tag["content"]).strip()
    return meta
