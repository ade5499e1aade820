"""
The steps in order, from lines to an ImportResult; each step records what it drops and why.
"""

import re
from pathlib import Path

from .. import content_checks, titles
from .blocks import html_lines, text_lines
from .classify import date_line_parts, furniture_reason, is_headline_item, is_meta_line, is_prose, is_site_plug
from .dates import parse_date
from .decode import decode
from .headline import clean_title, drop_header_leftovers, take_title
from .metadata import account_line, apply_date_line, apply_meta, join_label_cells, names_from, parse_meta
from .paragraphs import (
    closing_date,
    drop_captions,
    drop_repeated_digest,
    rebuild_paragraphs,
    strip_closing_credits,
    strip_credits,
    strip_watermarks,
    trim_tail,
)
from .patterns import CJK, META_LABEL, ORIGINAL_TITLE, ORIGINAL_URL, RELATED_HEADING, REPLY_HEADER, RULE_LINE, SITE_NAME
from .result import ImportResult, UnreadableError, unreadable
from .township import DEFAULT_THEMES, find_initiatives, find_township
from .word import WordBody, docx_to_html


def import_file(path, *, known_townships=(), themes=None, store_pictures=True):
    """Import one file by its extension; never raises. A Word file's pictures are stored as uploaded images
    unless store_pictures is False (a dry run), when they are left out and counted."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return unreadable(str(path), f"无法读取文件：{error.strerror or error}")
    return import_bytes(data, str(path), known_townships=known_townships, themes=themes, store_pictures=store_pictures)


def import_bytes(data, name, *, known_townships=(), themes=None, store_pictures=True):
    suffix = Path(name).suffix.lower()
    word = None
    try:
        if suffix == ".docx":
            word = WordBody(docx_to_html(data, store_pictures=store_pictures))
            lines, meta = html_lines(word.page, fragment=True)
        elif suffix in (".html", ".htm", ".shtml", ".xhtml"):
            lines, meta = html_lines(decode(data, html_page=True))
        elif suffix in (".txt", ".text", ""):
            lines, meta = text_lines(decode(data)), {}
        else:
            return unreadable(name, f"不支持的文件类型“{suffix}”，请使用 .txt、.html 或 .docx。")
    except UnreadableError as error:
        return unreadable(name, str(error))
    result = extract(lines, meta, name, known_townships=known_townships, themes=themes)
    if word is not None:
        word.shape(result)
    return result


def import_text(text, name="粘贴的内容", *, known_townships=(), themes=None):
    """Pasted text: HTML if it looks like markup (copied from a page), else plain lines."""
    if re.search(r"<(p|div|br|html|body|h1|span)[\s>/]", text, re.I):
        lines, meta = html_lines(text, fragment="<html" not in text.lower())
    else:
        lines, meta = text_lines(text), {}
    return extract(lines, meta, name, known_townships=known_townships, themes=themes)


def extract(lines, meta, name, *, known_townships=(), themes=None):
    result = ImportResult(path=name, images_skipped=meta.get("images_in_article", 0))
    lines = join_label_cells(lines, meta, result)
    themes = list(themes or DEFAULT_THEMES)
    result.published_at = meta.get("published_at")
    if result.published_at:
        result.note("published_at", "", "页面 <meta> 标签中的发布时间")
    if meta.get("author"):
        result.authors = names_from(meta["author"]) or [meta["author"]]
        result.note("authors", meta["author"], "页面 <meta name=author> 标签")
    result.original_url = meta.get("canonical", "")
    explicit_url = ""

    # 1. Metadata and furniture can be anywhere; the body only inside the article block.
    kept, visible = [], []  # visible: every non-furniture line, inside or not (headline context)
    first_meta_at = None
    skipping_related = False
    seen_prose = False  # dates and bylines without labels are header material only above the first paragraph
    loose = []  # what unlabelled header lines say; labelled metadata anywhere on the page wins over it
    outside_dates = []  # dates on lines outside the article block: the weakest evidence, used last
    thread_goes_on = False  # a forum's signature rule or the next reply's header: the article has ended
    for index, line in enumerate(lines):
        text = line.text
        if thread_goes_on:
            result.drop(line, "跟帖或签名档")
            continue
        if seen_prose and RULE_LINE.match(text) and len(text) <= 60:
            # A rule with more of the article after it is a separator; with only short lines after it, a
            # forum signature follows.
            thread_goes_on = not any(is_long_prose(later.text) for later in lines[index + 1 :])
            result.drop(line, "跟帖或签名档" if thread_goes_on else "分隔线")
            continue
        if seen_prose and len(text) <= 40 and not is_prose(text) and REPLY_HEADER.search(text):
            thread_goes_on = True
            result.drop(line, "跟帖或签名档")
            continue
        if match := ORIGINAL_TITLE.match(text):
            meta.setdefault("original_title", (match["title"].strip(), line))
            result.drop(line, "原标题")
            continue
        if match := ORIGINAL_URL.match(text):
            explicit_url = match["url"].rstrip("。，")
            result.drop(line, "原文链接（已填入“原文链接”）")
            continue
        if is_meta_line(text) and not is_prose(text):
            apply_meta(result, parse_meta(text), line)
            sites = [w for w in re.split(r"[\s|｜【】\[\]]+", text) if SITE_NAME.match(w) and not META_LABEL.search(w)]
            if sites:
                loose.append(({"published_at": None, "sites": sites[:1], "author": None}, line))
            if not result.published_at and (when := parse_date(text, short_years=True)):
                result.published_at = when
                result.note("published_at", line, "元信息行中的日期")
            if first_meta_at is None and not seen_prose:  # a closing 责编 line says nothing of the headline
                first_meta_at = len(kept)
            visible.append(line)
            result.drop(line, "元信息")
            continue
        if RELATED_HEADING.match(text):
            skipping_related = True
            result.drop(line, "推荐阅读")
            continue
        if skipping_related:
            if is_headline_item(text) or (not is_prose(text) and len(text) <= 40):
                result.drop(line, furniture_reason(text) or "推荐阅读")
                continue
            skipping_related = False
        if not seen_prose and (account := account_line(text)):
            loose.append(({"published_at": None, "sites": [account[1]], "author": account[0]}, line))
            if first_meta_at is None:
                first_meta_at = len(kept)
            visible.append(line)
            result.drop(line, "元信息（作者与账号）")
            continue
        if not seen_prose and (parts := date_line_parts(text)):
            loose.append((parts, line))
            if first_meta_at is None and not seen_prose:
                first_meta_at = len(kept)
            visible.append(line)
            result.drop(line, "元信息（日期行）")
            continue
        reason = furniture_reason(text) or (
            "网站广告"
            if is_site_plug(text)
            else "正文外的标题列表"
            if is_headline_item(text) and not line.inside
            else None
        )
        if reason:
            result.drop(line, reason)
            continue
        seen_prose = seen_prose or (line.inside and is_prose(text))
        visible.append(line)
        if not line.inside:
            if len(text) <= 40 and (when := parse_date(text)) and not is_prose(text):
                outside_dates.append((when, line))
            result.drop(line, "正文区块之外（侧栏、页眉或页脚）")
            continue
        kept.append(line)
    result.original_url = explicit_url or result.original_url
    for parts, line in loose:
        apply_date_line(result, parts, line)
    if outside_dates and not result.published_at:
        result.published_at, line = outside_dates[0]
        result.note("published_at", line, "正文区块外的日期行")
    if not result.source and (publisher := meta.get("publisher")):
        result.source = publisher[0]
        result.note("source", publisher[1], "信息公开表格中的“发布机构”")

    # 2. Title and subtitle, then what precedes the first paragraph is header material.
    kept = take_title(result, kept, meta, first_meta_at, visible)
    # The headline repeated at the top of the text (a bold centred copy, a 标题 cell's twin) is not the text.
    repeated = [i for i, line in enumerate(kept) if i < 5 and clean_title(line.text) == result.title]
    for i in repeated:
        result.drop(kept[i], "重复的标题")
    kept = [line for i, line in enumerate(kept) if i not in repeated]
    kept = drop_header_leftovers(result, kept)
    for line in kept:
        if is_headline_item(line.text) and not is_prose(line.text):
            result.drop(line, "标题列表")
    kept = [line for line in kept if not (is_headline_item(line.text) and not is_prose(line.text))]

    # 3. Paragraphs, credits at both ends, contact lines that trail the article, watermarks.
    paragraphs = rebuild_paragraphs(kept)
    paragraphs = strip_credits(result, paragraphs)
    paragraphs = drop_captions(result, paragraphs)
    paragraphs = drop_repeated_digest(result, paragraphs)
    paragraphs = trim_tail(result, paragraphs)
    paragraphs = strip_closing_credits(result, paragraphs)  # a credit the page's tail stood after
    paragraphs = strip_watermarks(result, paragraphs)
    result.paragraphs = [p for p in paragraphs if p.strip()]
    if not result.published_at and (closing := closing_date(result.paragraphs)):
        result.published_at = parse_date(closing)
        result.note("published_at", closing, "文末落款的日期")
    if not result.source and SITE_NAME.match(meta.get("title_tag", "")):
        # A <title> that is the publisher's name alone (e-papers, app share pages): the page's source.
        result.source = meta["title_tag"]
        result.note("source", meta["title_tag"], "页面 <title> 只有出版方的名字")

    # 4. What the article is about: township and 党建+ initiatives.
    result.township, where = find_township(result.title, result.paragraphs, known_townships)
    if where:
        result.note("township", *where)
    result.initiatives = find_initiatives(" ".join([result.title, result.subtitle, *result.paragraphs]), themes)
    result.warnings = content_checks.check_text(result.body_text, sensitive=False)
    result.warnings += content_checks.check_title(result.title)
    result.title, cut = titles.cut_for_import(result.title)
    if cut:
        result.warnings.append(content_checks.Finding("title_long", cut, result.title[:60]))
    return result


def is_long_prose(text):
    """A paragraph of the article (not a one-line signature or reply): prose of 30 Chinese characters or more."""
    return is_prose(text) and len(re.findall(f"[{CJK}]", text)) >= 30 and furniture_reason(text) is None
