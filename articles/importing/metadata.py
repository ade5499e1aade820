"""
Step 5, the fields: 'label：value' lines and tables, unlabelled date lines, names out of credits.
"""

import re

from .classify import is_prose
from .dates import parse_date
from .patterns import (
    CELL_LABEL,
    CELL_VALUE_LIMITS,
    CJK,
    CREDIT_ROLE,
    DATE,
    META_LABEL,
    META_LABELS,
    NAME,
    NOT_A_SOURCE,
    PUBLISHER_NAME,
    ROLE_WORDS,
    SITE_WORDS,
    SURNAMES,
    UNKNOWN_LABEL,
)
from .result import Line


def parse_meta(text):
    """{label: value} for a line such as '发布时间：… 来源：… 浏览次数：…'."""
    matches = list(META_LABEL.finditer(text))
    fields = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end]
        value = re.split(r"\s{2,}|\u3000|【|】|\[|\]|\||\?{2,}|\ufffd", value.strip())[0].strip(" ：:|　")
        value = UNKNOWN_LABEL.split(value)[0]  # 发布园区：… after the source is not part of it
        if "时间" not in match["label"] and "日期" not in match["label"] and (date := DATE.search(value)):
            value = value[: date.start()]  # 编辑：redcloud 2025-09-26 08:22:25
        if re.search(f"[{CJK}]", value):
            value = re.sub(r"-[A-Za-z0-9]{1,4}$", "", value)  # a CMS user suffix: 李军-ty
        value = value.strip(" ：:|　")
        if value.endswith(("）", ")")) and not re.search("[（(]", value):
            value = value[:-1].strip()  # '（来源：）': the bracket closes the line, not the value
        fields.setdefault(match["label"], value)
    return fields


def names_from(credit):
    """'记者 张三 通讯员 李四' -> ['张三', '李四']."""
    cleaned = ROLE_WORDS.sub(" ", credit)
    return [n for n in re.split(r"[\s、，,/；;]+", cleaned) if re.fullmatch(NAME, n)]


def cell_label(text):
    """'索 引 号', '来源:', '发布日期 |' → the label; None for anything else."""
    match = CELL_LABEL.match(re.sub(r"[\s\u3000]+", "", text).rstrip(":：|｜"))
    return match and match["label"]


def join_label_cells(lines, meta, result):
    """A metadata table as a copy or a layout leaves it, one cell per line or cells split by tabs, back into
    'label：value' lines; rows of table-only labels are dropped, a 标题 cell is the headline."""
    rows, index = [], 0
    while index < len(lines):
        line = lines[index]
        cells = [c.strip() for c in re.split(r"\t+", line.text) if c.strip()]
        pairs = []
        if len(cells) >= 2 and cell_label(cells[0]):
            pairs = [(cell_label(cells[i]), cells[i + 1].rstrip(" |｜")) for i in range(0, len(cells) - 1, 2)]
            if not all(label for label, _ in pairs):
                pairs = []
        elif (label := cell_label(line.text)) and index + 1 < len(lines):
            following = lines[index + 1].text
            longest = CELL_VALUE_LIMITS.get(label, 40)
            if cell_label(following) or len(following) > longest or is_prose(following):
                index += 1  # a label whose value is empty
                result.drop(line, "信息公开表格")
                continue
            pairs, index = [(label, following.rstrip(" |｜"))], index + 1
        index += 1
        if not pairs:
            rows.append(line)
            continue
        for label, value in pairs:
            if label in ("标题", "名称") and value:
                meta.setdefault("labelled_title", value)
                meta.setdefault("labelled_title_line", line.number)
            if label in ("发布机构", "发文机构") and value:
                meta.setdefault("publisher", (value, line))  # the source when no 来源 is given
        kept = [f"{label}：{value}" for label, value in pairs if re.fullmatch(META_LABELS, label) and value]
        if kept:
            rows.append(Line("\u3000".join(kept), inside=line.inside, block_start=True, number=line.number))
        else:
            result.drop(
                Line(" ".join(f"{label}：{value}" for label, value in pairs), number=line.number), "信息公开表格"
            )
    return rows


def apply_meta(result, fields, line):
    why = "元信息行中的“{}”".format
    for label, value in fields.items():
        if not value:
            continue
        if (
            label in ("发布时间", "发布日期", "发表时间", "发稿时间", "时间", "日期", "更新时间", "生成日期", "发布")
            and not result.published_at
        ):
            result.published_at = parse_date(value, short_years=True)  # labelled: '发布：25/04/28' is a date
            if result.published_at:
                result.note("published_at", line, why(label))
        elif label in ("来源", "信息来源", "稿件来源", "文章来源") and not result.source and value not in NOT_A_SOURCE:
            result.source = value
            result.note("source", line, why(label))
        elif label in ("作者", "撰稿", "撰稿人", "供稿人"):
            for author in names_from(value) or [value]:
                if author not in result.authors:
                    result.authors.append(author)
            result.note("authors", line, why(label))
        elif label in ("责任编辑", "本版责编", "责编", "编辑") and not result.editor:
            result.editor = value
            result.note("editor", line, why(label))


def apply_date_line(result, parts, line):
    """An unlabelled header date line fills what labelled metadata left empty: beside the date, a site
    name is the source and a name glued to it the author."""
    if not result.published_at and parts["published_at"]:
        result.published_at = parts["published_at"]
        result.note("published_at", line, "页眉中没有标签的日期行")
    if parts["sites"] and not result.source:
        result.source = parts["sites"][0]
        result.note("source", line, "日期旁的网站名")
    if parts["author"] and not result.authors and not SITE_WORDS.search(parts["author"]):
        add_authors(result, [parts["author"]], line, "紧接在日期后的人名")


def add_authors(result, names, line=None, reason=""):
    for name in names:
        if name not in result.authors:
            result.authors.append(name)
    if names and reason:
        result.note("authors", line, reason)


EDITOR_ROLES = {"责任编辑", "本版责编", "责编", "编辑"}
CHECKER_ROLES = {
    "一审",
    "二审",
    "三审",
    "初审",
    "复审",
    "终审",
    "审核",
    "审校",
    "校对",
    "监制",
    "总监制",
    "出品",
    "统筹",
    "策划",
    "制作",
}
HOUSE = {"本报", "本台", "本网", "本刊", "本站"}


INVERTED_ROLES = r"文字|文|图片|图|摄影|摄|编辑|责编|审核|校对"
INVERTED_CREDIT = re.compile(rf"([{CJK}]{{2,3}})\s*({INVERTED_ROLES})(?=[\s\u3000/|｜]|$)")
INVERTED_LINE = re.compile(rf"(?:[{CJK}]{{2,3}}\s*(?:{INVERTED_ROLES})(?:[\s\u3000/|｜]+|$))+")


def account_line(text):
    """'周敏 柳林发布' above a WeChat post's date: (author, account), else None."""
    words = text.split()
    if len(words) != 2:
        return None
    for name, account in (words, words[::-1]):
        if (
            re.fullmatch(f"[{CJK}]{{2,3}}", name)
            and name[0] in SURNAMES
            and not SITE_WORDS.search(name)
            and PUBLISHER_NAME.match(account)
        ):
            return name, account
    return None


def parse_credit_line(text, tail=False):
    """A line made only of credits: {'authors': [...], 'editor': str, 'source': str}, else None.

    '记者：周敏   李想（实习） 编辑：陈红', '编 辑：刘 洋' (a two-character name padded to three), '记者赵云通讯员王刚 李婷'
    (run together), '（记者 钟林 通讯员 邓慧）'. Reviewers (一审, 监制 …) are read and left out. With `tail` (after the
    last paragraph) also 'media name  name  name', the closing credit of county media.
    """
    if len(text) > 80 or re.search("[。！？，；]", text):
        return None
    t = re.sub(r"[（(](?:实习|见习|实习生)[）)]", " ", text).strip("（()）【】[] \u3000")
    t = re.sub(rf"(?<![{CJK}])([{CJK}])[ \u3000]([{CJK}])(?=\s*[:：])", r"\1\2", t)  # '编 辑：'
    t = re.sub(rf"([:：]\s*)([{CJK}])[ \u3000]([{CJK}])(?![{CJK}])", r"\1\2\3", t)  # '：刘 洋'
    inverted = INVERTED_CREDIT.findall(t)
    if inverted and INVERTED_LINE.fullmatch(t):
        # '张丽 文　刘军 图　王强 编辑': each name before its role
        found = {"authors": [], "editor": "", "source": ""}
        for name, role in inverted:
            if role in EDITOR_ROLES:
                found["editor"] = found["editor"] or name
            elif role not in CHECKER_ROLES:
                found["authors"].append(name)
        return found
    roles = [
        m
        for m in CREDIT_ROLE.finditer(t)
        if m["role"] not in ("文", "图", "图片", "文字") or t[m.end() :].lstrip()[:1] in ":：/"
    ]
    if not roles:
        words = t.split()
        media = tail and len(words) >= 2 and (PUBLISHER_NAME.match(words[0]) or words[0].endswith("融媒"))
        if media and all(re.fullmatch(f"[{CJK}]{{2,3}}", w) for w in words[1:]):
            return {"authors": words[1:], "editor": "", "source": words[0]}
        return None
    head = t[: roles[0].start()].strip(" ：:")
    if head and head not in HOUSE and not PUBLISHER_NAME.match(head) and not SITE_WORDS.search(head):
        return None
    found, named = {"authors": [], "editor": "", "source": ""}, False
    for index, match in enumerate(roles):
        end = roles[index + 1].start() if index + 1 < len(roles) else len(t)
        value = t[match.end() : end].strip(" ：:/|\u3000")
        names = [n for n in re.split(r"[\s、，,/|]+", value) if n and n not in HOUSE]
        if not all(re.fullmatch(NAME, n) for n in names):
            return None
        named = named or bool(names)
        if match["role"] in EDITOR_ROLES:
            found["editor"] = found["editor"] or (names[0] if names else "")
        elif match["role"] not in CHECKER_ROLES:
            found["authors"] += [n for n in names if n not in found["authors"]]
    return found if named else None


def apply_credit(result, credit, line, reason):
    """Fill authors, editor and (a closing 'media  names' line) the source from a parsed credit line."""
    add_authors(result, credit["authors"], line, reason)
    if credit["editor"] and not result.editor:
        result.editor = credit["editor"]
        result.note("editor", line, reason)
    if credit["source"] and not result.source:
        result.source = credit["source"]
        result.note("source", line, reason)
