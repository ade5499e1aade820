"""
Step 6, the headline: the best candidate among 标题 cells, <h1>, og:title, <title> and the lines above the meta line;
everything above it is header.
"""

import re

from .classify import is_meta_line, is_prose, is_title_like, plausible_title
from .dates import parse_date
from .metadata import add_authors, apply_credit, names_from, parse_credit_line
from .patterns import (
    BYLINE,
    CJK,
    DATELINE,
    DOC_NUMBER,
    HOUSE_DATELINE,
    NAME_LIST,
    SITE_BANNER,
    SITE_WORDS,
    SUBHEADING,
)
from .result import Line


def clean_title(title, site_names=()):
    title = re.sub(r"\s+", " ", title).strip()
    for separator in ("——", "—", "--"):
        if separator in title:
            head, _, tail = title.partition(separator)
            if head.strip() and len(head.strip()) <= 16 and SITE_WORDS.search(head.strip()) and len(tail.strip()) >= 6:
                title = tail.strip()
                break
    # '【云溪】…', '【转帖】…': a place or repost tag in front of the headline.
    title = re.sub(r"^[【\[]\s*[^】\]]{1,8}\s*[】\]]\s*(?=\S{6,})", "", title)
    parts = re.split(r"\s+[-_|｜]\s+|_(?=[^_]*$)", title)
    if len(parts) > 1:
        # Parts that name a site go ('标题 - 云溪新闻网'); a slogan before the headline stays ('口号 | 标题').
        keep = [p.strip() for p in parts if not is_site_part(p.strip())]
        if len(keep) == len(parts) and len(parts) == 2 and "_" not in title:
            title = " | ".join(keep) if re.search(r"\s[|｜]\s", title) else max(keep, key=len)
        else:
            title = max(keep or parts, key=lambda p: (not SITE_WORDS.search(p.strip()), len(p))).strip()
    return title


def take_title(result, lines, meta, first_meta_at, visible):
    """Choose the headline; remove it, a '——' subtitle line and anything above them from the body."""
    candidates = [meta.get("labelled_title"), meta.get("h1"), meta.get("og_title"), meta.get("title_tag")]
    kinds = ["页面的“标题”栏", "页面的 <h1> 标题", "页面的 og:title", "页面的 <title>"]
    title, why = next(
        (
            (clean_title(c), kind)
            for c, kind in zip(candidates, kinds, strict=True)
            if c and plausible_title(clean_title(c))
        ),
        ("", ""),
    )
    if title and title == clean_title(meta.get("title_tag") or ""):
        # '标题-投资中国' with no spaces round the dash: the visible line the <title> starts with.
        shown = [v for v in visible[:30] if len(v.text) >= 6 and title.startswith(v.text) and v.text != title]
        if shown:
            longest = max(shown, key=lambda v: len(v.text))
            title, why = longest.text, "页面 <title> 开头的那一行"
            result.note("title", longest, why)
    index = None
    if title:
        index = next((i for i, line in enumerate(lines[:15]) if clean_title(line.text) == title), None)
        if index is not None:
            result.note("title", lines[index], why)
        elif why == kinds[0]:
            result.note("title", Line(title, number=meta.get("labelled_title_line", 0)), why)
        else:
            result.note("title", title, why)
    elif first_meta_at:
        # Plain text: the headline is the title-like line right above the 发布时间 / 来源 line.
        for i in range(first_meta_at - 1, -1, -1):
            if plausible_title(lines[i].text) and not lines[i].text.startswith(("——", "—")):
                index, title = i, clean_title(lines[i].text)
                result.note("title", lines[i], "发布时间、来源一行上方最近的标题样式行")
                break
    if not title:
        # Above the first paragraph (a headline never stands below it: what follows is the body), the
        # title-like line that scores best: a column label ('通知公告') or a kicker is shorter than a headline.
        above = []
        for i, line in enumerate(lines[:15]):
            if is_prose(line.text):
                break
            if plausible_title(line.text) and not DATELINE.match(line.text):
                above.append((i, line))
        if above:
            index, line = max(above[:3], key=lambda pair: (title_score(pair[1].text), -pair[0]))
            title = clean_title(line.text)
            result.note("title", line, "正文前最像标题的一行（不是导航、日期、元信息或正文句子）")
    if not title and lines:
        # The headline outside the block judged to hold the text (an e-paper's title cell): the nearest
        # title-like line above the text.
        above = [v for v in visible if v.number < lines[0].number and not v.inside]
        for line in reversed(above[-6:]):
            if plausible_title(line.text) and not is_prose(line.text) and not DATELINE.match(line.text):
                title = clean_title(line.text)
                result.note("title", line, "正文区块上方最近的标题样式行")
                break
    if not title and meta.get("original_title"):
        title, line = meta["original_title"]
        result.note("title", line, "页面上“原标题：”一行（没有别的标题）")
    for line in lines[: index or 0]:
        result.drop(line, "标题上方的页眉")
    if index is not None and lines[index].text.startswith(("——", "—")) and index + 1 < len(lines):
        # A leading "——" line is a subtitle that precedes its headline.
        following = lines[index + 1].text
        if is_title_like(following):
            result.subtitle = lines[index].text.lstrip("—- ").strip()
            result.title = clean_title(following)
            result.origins.pop("title", None)
            result.note("title", lines[index + 1], "以“——”开头的副题下面一行")
            result.note("subtitle", lines[index], "以“——”开头、在标题上方")
            return lines[index + 2 :]
    result.title = title.lstrip("—- ").strip()
    result.subtitle = subtitle_after(result.title, visible)
    if result.subtitle:
        result.note("subtitle", result.subtitle, "标题下一行以“——”开头")
    if index is not None:
        lines = lines[index + 1 :]
    if result.subtitle:
        lines = [line for line in lines if line.text.lstrip("—─- ").strip() != result.subtitle]
    elif lines and lines[0].text.startswith("——") and len(lines[0].text) <= 80:
        result.subtitle = lines[0].text.lstrip("—- ").strip()
        result.note("subtitle", lines[0], "标题下一行以“——”开头")
        lines = lines[1:]
    return lines


def subtitle_after(title, lines):
    """The '——…' line that directly follows the headline, wherever on the page it sits (the headline may
    stand twice, above the meta line and again above the text: each place is looked at)."""
    for index, line in enumerate(lines[:-1]):
        if clean_title(line.text) == title or line.text == title:
            following = lines[index + 1].text
            if following.startswith(("——", "—", "──")) and len(following) <= 80:
                return following.lstrip("—─- ").strip()
    return ""


def drop_header_leftovers(result, lines):
    """Before the first real paragraph: bare dates, lone names and other short header bits."""
    for index, line in enumerate(lines):
        text = line.text
        cjk = len(re.findall(f"[{CJK}]", text))
        starts_body = (
            is_prose(text)
            or SUBHEADING.match(text)
            or DATELINE.match(text)
            or HOUSE_DATELINE.match(text)
            or DOC_NUMBER.match(text)  # a notice's 文号 is part of the document
            or (line.indented and cjk >= 6)
            or cjk >= 16
            or (text.endswith(("：", ":")) and cjk >= 4 and not is_meta_line(text))  # a notice's salutation
        )
        if starts_body:
            return lines[index:]
        if not result.published_at and (when := parse_date(text)) and len(text) <= 40:
            result.published_at = when
            result.note("published_at", line, "标题下、正文前的日期")
        elif match := BYLINE.match(text):
            add_authors(result, names_from(match["names"]), line, "标题下的署名行")
        elif credit := parse_credit_line(text):
            apply_credit(result, credit, line, "标题下的署名行")
        elif NAME_LIST.match(text):
            # '陈伟东、孔娜、张大维' under a paper's title
            add_authors(result, re.split(r"[、，,]", text), line, "标题下的人名列表")
        result.drop(line, "标题下、正文前的页眉")
    return []


def is_site_part(text):
    """A piece of a <title> that names the site rather than the article: '云溪新闻网', "YX's LAB", '美篇'."""
    return (
        bool(
            (SITE_WORDS.search(text) and len(text) <= 16)
            or SITE_BANNER.match(text)
            or re.fullmatch(r"[\x00-\x7f]+", text)
        )
        or len(text) <= 3
    )


def title_score(text):
    """How much a title-like line reads as a headline rather than a column label or a kicker: headlines on
    county pages run 8 to 40 characters; four or five characters is a label."""
    cjk = len(re.findall(f"[{CJK}]", text))
    return (1.0 if 8 <= cjk <= 40 else 0.0) - (1.0 if cjk <= 6 else 0.0)
