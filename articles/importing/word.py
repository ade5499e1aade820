"""
A Word file: mammoth's HTML (checked by archive_safety), its pictures stored as uploads, and the structure
(headings, lists, tables, attachment lists) rebuilt around the paragraphs the pipeline kept.
"""

import html
import re

from .normalise import normalise
from .patterns import ATTACHMENTS, NUMBERED_ITEM, SENTENCE_END
from .result import UnreadableError


def docx_to_html(data, store_pictures=True):
    """Sizes, ratios, XML and time are checked by archive_safety; mammoth runs there, time-bounded.
    Pictures are checked and stored like the editor's uploads; their <img> point at the stored files."""
    from ..archive_safety import IMAGE_SRC, UnsafeArchive, convert_docx

    try:
        converted = convert_docx(data)
    except UnsafeArchive as error:
        raise UnreadableError(str(error)) from error
    page = converted.html
    if not page.strip():
        raise UnreadableError("Word 文件中没有文字。")
    for index in range(len(converted.images)):
        url = store_picture(converted.images[index]) if store_pictures else ""
        marker = f'src="{IMAGE_SRC}{index}"'
        page = page.replace(marker, f'src="{html.escape(url)}"' if url else 'data-unreadable=""')
    return page


def store_picture(data):
    """A picture from a Word file saved as an uploaded image (alt text still to write); '' if it is not a
    picture we accept (EMF, a broken file)."""
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    from ..images import clean_image
    from ..models import UploadedImage

    try:
        content, extension = clean_image(ContentFile(data))
    except ValidationError:
        return ""
    content.name = f"image.{extension}"
    image = UploadedImage(file=content, alt_text="")
    image.save()
    return image.file.url


# '一、…' and '（一）…' on a line of their own: the section headings of a report or notice.
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


SUBSECTION_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


def section_level(text):
    """2 for '一、…', 3 for '（一）…', when short and without a sentence's end; else None."""
    if len(text) > 40 or SENTENCE_END.search(text):
        return None
    if SECTION_HEADING.match(text):
        return 2
    if SUBSECTION_HEADING.match(text):
        return 3
    return None


class WordBody:
    """What mammoth's HTML says beyond the text: which lines were headings and list items, and where the
    tables and pictures stood. The text goes through the usual extraction (`page`); `shape` then rebuilds the
    body from the paragraphs it kept, each tagged as it was in the Word file."""

    def __init__(self, page):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(page, "lxml")
        root = soup.body or soup
        self.kinds = {}  # paragraph text -> ("h", level) | ("li", tag, list number)
        self.objects = []  # (texts of the blocks before it, newest first; html of a table or picture)
        self.pictures_refused = 0  # pictures we do not accept (EMF, broken): the editor uploads them again
        before = []
        tables_hold_all = not any(
            block.get_text(strip=True) for block in root.find_all(recursive=False) if block.name != "table"
        )
        for number, block in enumerate(list(root.find_all(recursive=False))):
            if block.name == "table" and not tables_hold_all:
                self.objects.append((list(reversed(before)), str(block)))
                block.extract()
                continue
            for image in block.find_all("img"):
                if image.get("src", "").startswith(("/", "http")):
                    self.objects.append((list(reversed(before)), str(image)))
                else:
                    self.pictures_refused += 1
                image.extract()
            if block.name in ("ul", "ol"):
                for item in block.find_all("li"):
                    before.append(self.remember(item, ("li", block.name, number)))
            elif re.fullmatch(r"h[1-6]", block.name or ""):
                before.append(self.remember(block, ("h", int(block.name[1]))))
            elif block.get_text(strip=True):
                before.append(self.remember(block, None))
        self.page = str(root)

    def remember(self, element, kind):
        text = normalise(element.get_text(" ", strip=True)).strip(" \t\u3000")
        if kind is not None:
            self.kinds.setdefault(text, kind)
        return text

    def shape(self, result):
        from ..content_checks import check_image_alt, check_text

        kept = set(result.paragraphs)
        placed = {}  # paragraph text -> tables and pictures that follow it
        top = []
        for earlier, markup in self.objects:
            anchor = next((text for text in earlier if text in kept), None)
            (placed.setdefault(anchor, []) if anchor else top).append(markup)
        levels = [kind[1] for p in result.paragraphs if (kind := self.kinds.get(p)) and kind[0] == "h"]
        shift = 2 - min(levels, default=2)
        out = list(top)
        open_list = None  # (tag, list number) of the list being written
        attachments = False
        for paragraph in result.paragraphs:
            kind = self.kinds.get(paragraph)
            escaped = html.escape(paragraph, quote=False)
            item = kind[1:] if kind and kind[0] == "li" else None
            if attachments and not item and NUMBERED_ITEM.match(paragraph):
                item = ("ol", "attachments")
                escaped = html.escape(NUMBERED_ITEM.sub("", paragraph, count=1), quote=False)
            else:
                attachments = False
            if open_list and item != open_list:
                out.append(f"</{open_list[0]}>")
                open_list = None
            if item:
                if open_list is None:
                    out.append(f"<{item[0]}>")
                    open_list = item
                out.append(f"<li><p>{escaped}</p></li>")
            elif kind and kind[0] == "h":
                level = min(max(kind[1] + shift, 2), 4)
                out.append(f"<h{level}>{escaped}</h{level}>")
            elif level := section_level(paragraph):
                out.append(f"<h{level}>{escaped}</h{level}>")
            elif match := ATTACHMENTS.match(paragraph):
                # '附件：' then '1. …' '2. …' (on its line or the next ones): the files the notice sends, a list.
                rest = match["rest"]
                items = [i.strip() for i in NUMBERED_ITEM.split(rest) if i.strip()] if NUMBERED_ITEM.match(rest) else []
                attachments = bool(items) or not rest
                if attachments:
                    out.append("<p>附件：</p>")
                    if items:
                        out.append("<ol>" + "".join(f"<li><p>{html.escape(i, quote=False)}</p></li>" for i in items))
                        open_list = ("ol", "attachments")
                else:
                    out.append(f"<p>{escaped}</p>")
            else:
                out.append(f"<p>{escaped}</p>")
            out.extend(placed.get(paragraph, []))
            placed.pop(paragraph, None)
        if open_list:
            out.append(f"</{open_list[0]}>")
        result.shaped_html = "".join(out)
        result.images_skipped = self.pictures_refused
        result.warnings += check_image_alt(result.shaped_html)
        tables = "\n".join(m for _, m in self.objects if m.startswith("<table"))
        if tables:
            from bs4 import BeautifulSoup

            result.warnings += check_text(BeautifulSoup(tables, "lxml").get_text("\n"), sensitive=False)
