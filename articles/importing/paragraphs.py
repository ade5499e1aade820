"""
Step 7, the body: hard-wrapped lines joined into paragraphs, credits taken off both ends, the page's tail and a
content farm's watermarks removed.
"""

import re
from collections import Counter

from .classify import is_caption, is_prose
from .headline import clean_title
from .metadata import add_authors, apply_credit, names_from, parse_credit_line
from .patterns import (
    ATTACHMENTS,
    BARE_DATELINE,
    BYLINE,
    CJK,
    CLOSING_CREDIT,
    CN_DATE,
    CONTACT,
    DATE,
    DATELINE,
    DIGEST_LABEL,
    DOC_NUMBER,
    EDITOR_CREDIT,
    HOUSE_DATELINE,
    INLINE_CREDIT,
    NAMELESS_CREDIT,
    NOT_A_CREDIT,
    NUMBERED_ITEM,
    SIGNATURE,
    SITE_WORDS,
    SUBHEADING,
    SUPPLIED_BY,
    TERMINAL,
    TRAILING_CREDIT,
    WATERMARK,
)
from .result import Line


def rebuild_paragraphs(lines):
    """Join hard-wrapped lines; split on indentation and on runs of full-width spaces inside a line."""
    pieces = []
    for line in lines:
        parts = [p for p in re.split(r"\u3000{2,}|\s{4,}", line.text) if p.strip()]
        for index, part in enumerate(parts):
            pieces.append(
                Line(part.strip(), indented=line.indented or index > 0, block_start=line.block_start or index > 0)
            )
    if not pieces:
        return []
    widths = sorted(len(p.text) for p in pieces)
    typical = widths[int(len(widths) * 0.8)] if widths else 0
    wrapped = sum(1 for p in pieces if not re.search(f"[{TERMINAL}]$", p.text)) >= max(2, len(pieces) // 4)
    paragraphs = []
    for piece in pieces:
        starts_new = (
            not paragraphs
            or piece.block_start
            or piece.indented
            or SUBHEADING.match(piece.text)
            or SUBHEADING.match(paragraphs[-1])
            or DOC_NUMBER.match(paragraphs[-1])
            or is_date_line(piece.text)  # a notice's closing date stands alone
            or (paragraphs[-1].endswith(("：", ":")) and len(paragraphs[-1]) <= 30)  # a salutation
        )
        if not starts_new and wrapped:
            previous = paragraphs[-1]
            ended = re.search(f"[{TERMINAL}]$", previous)
            short = len(previous.split("\n")[-1]) < typical * 0.85 if typical >= 15 else True
            # a short line without punctuation after a finished sentence is a line of its own (a banner, a name)
            stray = len(piece.text) <= 20 and not re.search("[，。；！？,;]", piece.text)
            starts_new = bool(ended and (short or stray))
        elif not starts_new:
            starts_new = True  # one line per paragraph: text that was never wrapped
        if starts_new:
            paragraphs.append(piece.text)
        else:
            paragraphs[-1] = join_wrapped(paragraphs[-1], piece.text)
    return [p.replace("\n", "") for p in paragraphs]


def join_wrapped(left, right):
    # Chinese joins without a space; two Latin words keep one.
    if re.search(r"[A-Za-z0-9]$", left) and re.match(r"[A-Za-z0-9]", right):
        return f"{left} {right}"
    return left + right


def strip_credits(result, paragraphs):
    if not paragraphs:
        return paragraphs
    # The text starts at its dateline: a short line above it (a photo's caption) is not the article.
    lead = next(
        (
            i
            for i, p in enumerate(paragraphs[:3])
            if DATELINE.match(p) or HOUSE_DATELINE.match(p) or BARE_DATELINE.match(p)
        ),
        0,
    )
    for paragraph in paragraphs[:lead]:
        if len(paragraph) > 40:
            break
    else:
        for paragraph in paragraphs[:lead]:
            result.drop(paragraph, "电头之前的图片说明")
        paragraphs = paragraphs[lead:]
    first = paragraphs[0]
    for pattern in (DATELINE, HOUSE_DATELINE):
        if (match := pattern.match(first)) and names_from(match["credit"]):
            add_authors(result, names_from(match["credit"]), match.group(), "正文开头的电头署名")
            result.drop(match.group(), "电头/署名")
            paragraphs = [first[match.end() :].lstrip("　 ，,：:"), *paragraphs[1:]]
            break
    paragraphs = [re.sub(r"\s*[|｜]+\s*$", "", p) for p in paragraphs]  # a table cell's edge, never prose
    for index, paragraph in enumerate(paragraphs):
        match = INLINE_CREDIT.search(paragraph)
        names = re.split(r"[、\s]", match["names"]) if match else []
        if names and not set(names) & NOT_A_CREDIT and not any(SITE_WORDS.search(n) or "供稿" in n for n in names):
            add_authors(result, names, match.group(), "段末括号中的署名")
            result.drop(match.group(), "段末署名")
            paragraphs[index] = paragraph[: match.start()].rstrip()
    if paragraphs and (match := BARE_DATELINE.match(paragraphs[0])):
        rest = paragraphs[0][match.end() :]
        headline = re.sub(r"^题[:：]\s*", "", rest)
        # '新华社长沙7月31日电 题：<the headline>' is all lead; a nameless credit line may follow it.
        if clean_title(headline) == result.title:
            result.drop(paragraphs[0], "电头与重复的标题")
            paragraphs = paragraphs[1:]
        else:
            result.drop(match.group(), "电头")
            paragraphs = [rest, *paragraphs[1:]]
    while paragraphs and NAMELESS_CREDIT.match(paragraphs[0]):
        result.drop(paragraphs[0], "没有人名的署名")
        paragraphs = paragraphs[1:]
    return strip_closing_credits(result, paragraphs)


def strip_closing_credits(result, paragraphs):
    """Trailing credit lines, 供稿 notes and editor notes; the last paragraph may carry one at its end."""
    changed = True
    while changed and paragraphs:
        changed = False
        last = paragraphs[-1]
        if match := SUPPLIED_BY.search(last):
            words = match["source"].split()
            names = []
            while len(words) > 1 and re.fullmatch(f"[{CJK}]{{2,3}}", words[-1]) and not SITE_WORDS.search(words[-1]):
                names.insert(0, words.pop())  # （远门镇 王丽 供稿）: the writer after the unit
            add_authors(result, names, match.group(), "文末（…供稿）中单位后的人名")
            if not result.source:
                result.source = " ".join(words)
                result.note("source", match.group(), "文末（…供稿）")
            result.drop(match.group(), "供稿署名")
            paragraphs[-1] = last[: match.start()].rstrip()
            changed = True
        elif match := EDITOR_CREDIT.search(last):
            if not result.editor:
                result.editor = match["editor"].strip()
                result.note("editor", match.group(), "文末（责任编辑：…）")
            result.drop(match.group(), "编辑署名")
            paragraphs[-1] = last[: match.start()].rstrip()
            changed = True
        elif (match := TRAILING_CREDIT.search(last)) and (names := names_from(match["names"])):
            standalone = match.start() == 0
            if standalone or len(names) >= 2 or re.search(r"[（(]\s*(文\s*/|记者|作者)", last[match.start() :]):
                add_authors(result, names, match.group(), "文末括号中的署名")
                result.drop(match.group(), "文末署名")
                paragraphs[-1] = last[: match.start()].rstrip()
                changed = True
        elif CLOSING_CREDIT.match(last):
            add_authors(result, names_from(last), last, "文末的记者署名行")
            result.drop(last, "文末署名")
            paragraphs[-1] = ""
            changed = True
        elif match := BYLINE.match(last):
            add_authors(result, names_from(match["names"]), last, "文末的署名行")
            result.drop(last, "文末署名")
            paragraphs[-1] = ""
            changed = True
        elif credit := parse_credit_line(last, tail=True):
            apply_credit(result, credit, last, "文末的署名行")
            result.drop(last, "文末署名")
            paragraphs[-1] = ""
            changed = True
        elif CONTACT.match(last) and not last.endswith("。") and len(paragraphs) > 1:
            result.drop(last, "联系方式")  # a hotline under the credits
            paragraphs[-1] = ""
            changed = True
        if paragraphs and not paragraphs[-1].strip():
            paragraphs.pop()
            changed = True
    return paragraphs


def trim_tail(result, paragraphs):
    """After the last paragraph of prose, short lines without a sentence end are the page's (app banners,
    account names, mood widgets, headline lists, tag runs), except a notice's signature, date and attachment list
    ('附件：' and the numbered lines after it)."""
    while paragraphs and CONTACT.match(paragraphs[-1]) and not paragraphs[-1].endswith("。"):
        result.drop(paragraphs.pop(), "联系方式")
    last_prose = max((i for i, p in enumerate(paragraphs) if is_prose(p)), default=None)
    if last_prose is None:
        return paragraphs
    tail, attachments = [], False
    for p in paragraphs[last_prose + 1 :]:
        attachments = bool(ATTACHMENTS.match(p)) or (attachments and bool(NUMBERED_ITEM.match(p)))
        if attachments or is_signature(p) or re.search(f"[{TERMINAL}]$", p):
            tail.append(p)
        else:
            result.drop(p, "文末杂项（账号、标签、链接等）")
    return paragraphs[: last_prose + 1] + tail


def is_signature(text):
    return len(text) <= 30 and bool(SIGNATURE.search(text) or is_date_line(text))


def is_date_line(text):
    """A line that is only a date: '2025年5月12日', '二〇二五年五月十六日'."""
    return bool(re.fullmatch(rf"{DATE.pattern}", text) or CN_DATE.fullmatch(text))


def closing_date(paragraphs):
    """The date a notice closes with (its signature's date), when the page gives no other."""
    return next((p for p in reversed(paragraphs[-3:]) if is_date_line(p)), None)


def strip_watermarks(result, paragraphs):
    """Remove a site name + domain that a content farm stamped onto paragraphs or between them."""
    phrases = Counter()
    for paragraph in paragraphs:
        for match in WATERMARK.finditer(paragraph):
            phrases[match.group().strip()] += 1
    cleaned = []
    for paragraph in paragraphs:
        for match in sorted(WATERMARK.finditer(paragraph), key=lambda m: -m.start()):
            phrase = match.group().strip()
            before = paragraph[: match.start()].rstrip()
            standalone = not before and not paragraph[match.end() :].strip()
            glued_to_sentence_end = bool(re.search(f"[{TERMINAL}]$", before)) or not before
            if standalone or phrases[phrase] >= 2 or (glued_to_sentence_end and site_name_in(phrase)):
                result.drop(phrase, "水印")
                paragraph = paragraph[: match.start()] + paragraph[match.end() :]
        paragraph = paragraph.strip()
        if paragraph and not re.fullmatch(r"[（）()【】\[\]\s:：,，.。-]*", paragraph):
            cleaned.append(paragraph)
        elif paragraph:
            result.drop(paragraph, "水印")
    return cleaned


def site_name_in(phrase):
    return bool(re.search(f"[{CJK}]{{2,}}(网|站|资讯|新闻|在线|之窗|频道|平台|门户)", phrase)) or phrase.startswith(
        ("来源", "本文来自")
    )


def drop_captions(result, paragraphs):
    """Photo captions ('图为…', '… 张伟 摄', a bracketed phrase under a picture) are not paragraphs of the text."""
    kept = []
    for paragraph in paragraphs:
        if is_caption(paragraph) and parse_credit_line(paragraph) is None and "供稿" not in paragraph:
            result.drop(paragraph, "图片说明")
        else:
            kept.append(paragraph)
    return kept


def drop_repeated_digest(result, paragraphs):
    """A digest ('导读：…') or a cut-off copy of the next paragraph is the page's summary, not more text."""
    kept = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        bare = DIGEST_LABEL.sub("", paragraph).rstrip("…. ")
        if len(bare) >= 20 and following.startswith(bare) and (bare != paragraph or len(bare) < len(following)):
            result.drop(paragraph, "重复的导读")
            continue
        kept.append(paragraph)
    return kept
