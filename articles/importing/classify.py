"""
Step 4, what each line is: named features of a line (length, punctuation, label words, dates, link-like shapes) and
the predicates and scores built on them that sort lines into title, meta, body and furniture.
"""

import re

from .dates import parse_date
from .normalise import is_mojibake
from .patterns import (
    BREADCRUMB,
    CAPTION_END,
    CAPTION_START,
    CJK,
    DATE,
    DISCLAIMER,
    DOMAIN,
    FOOTER_LINK_WORDS,
    FURNITURE,
    HEADLINE_ITEM,
    IMAGE_FILE,
    META_LABEL,
    PUBLISHER_NAME,
    SEPARATORS,
    SHORT_DATE,
    SITE_BANNER,
    TERMINAL,
)


def is_meta_line(text):
    labels = META_LABEL.findall(text)
    if not labels:
        return False
    bare = text.lstrip("【[（( ")
    starts = META_LABEL.match(bare) is not None or DATE.match(text) is not None or DOMAIN.match(text) is not None
    dated = DATE.search(text) is not None
    return len(text) <= 160 and (starts or dated or len(labels) >= 2) and not text.endswith("。")


def date_line_parts(text):
    """For a short unlabelled header line such as 'www.x.cn  某某网  2025-02-05 08:50' or
    '2025-03-06 05:59周立新': (date, [the words left beside it]); None if it is not one."""
    if len(text) > 80 or is_prose(text) or META_LABEL.search(text):
        return None
    when = parse_date(text, short_years=True)
    if not when:
        return None
    rest = SHORT_DATE.sub(" ", DATE.sub(" ", DOMAIN.sub(" ", text)))
    words = [w for w in re.split(r"[\s|｜/·]+", rest) if w]
    if sum(len(re.findall(f"[{CJK}]", w)) for w in words) > 16:
        return None
    glued = re.search(rf"\d([{CJK}]{{2,3}})$", text)  # '2025-03-06 05:59周立新': the author glued to the date
    return {"published_at": when, "sites": [w for w in words if PUBLISHER_NAME.match(w)], "author": glued and glued[1]}


def is_furniture(text):
    return furniture_reason(text) is not None


def furniture_reason(text):
    """Why `text` is the page's and not the article's (for the preview), or None when it is not furniture."""
    if is_mojibake(text):
        return "乱码"
    if IMAGE_FILE.match(text):
        return "图片文件名"
    if BREADCRUMB.match(text):
        return "导航/面包屑"
    if match := FURNITURE.search(text):
        return FURNITURE_KINDS.get(
            next((k for k in FURNITURE_KINDS if re.search(k, match.group(), re.I)), ""), "页面按钮"
        )
    if DISCLAIMER.search(text):
        return "转载/免责声明"
    if "首页" in text and len(SEPARATORS.findall(text)) >= 2 and len(text) <= 80 and "。" not in text:
        return "导航/面包屑"
    items = [i for i in re.split(r"\s*[|｜]\s*|\s{2,}|\u3000+", text) if i]
    if len(items) >= 4 and all(len(i) <= 6 for i in items) and "首页" in items:
        return "导航菜单"  # the site's menu row
    if len(items) >= 3 and all(len(i) <= 10 for i in items) and FOOTER_LINK_WORDS.search(text):
        return "页脚/备案"
    return None


# What part of FURNITURE matched → the reason the preview gives (first hit wins; else 页面按钮).
FURNITURE_KINDS = {
    "ICP|公网安备|网站标识码|版权所有|Copyright|©|技术支持|主办单位|承办单位|浏览器|分辨率|访问量": "页脚/备案",
    "分享|扫|关注|二维码|点击蓝字|点击上方|点赞|在看|转发|APP|阅读原文|查看更多": "分享/关注",
    "上一|下一": "上一篇/下一篇",
    "标签|关键词|Tag": "标签",
    "附件|投稿": "附件/投稿信息",
    "图片来源": "图片来源",
    "END|▼|▲|↓": "文末装饰",
}


def is_site_plug(text):
    """'更多资讯请访问某网 www.x.com' on a line of its own: an advertisement, not the article."""
    from ..content_checks import OFFICIAL_DOMAINS

    domains = DOMAIN.findall(text)
    return (
        bool(domains)
        and len(text) <= 60
        and not any(OFFICIAL_DOMAINS.search(d.split("/")[0]) for d in domains)
        and not is_prose(text)
    )


def is_headline_item(text):
    return bool(HEADLINE_ITEM.match(text)) and not re.search(f"[{TERMINAL[:4]}]", text) and len(text) <= 70


def is_prose(text):
    """A line a reader would call a sentence of the article."""
    return len(re.findall(f"[{CJK}]", text)) >= 12 and bool(re.search("[，。；！？]", text))


def plausible_title(text):
    """Title-like, and none of what stands above a headline on real pages: menus, breadcrumbs, labels,
    dates, app banners, runs of SEO phrases, bracketed widgets."""
    return (
        is_title_like(text)
        and not is_furniture(text)
        and not is_mojibake(text)
        and not META_LABEL.search(text)
        and not text.endswith((":", "："))
        and not DATE.search(text)
        and not re.search(r"\t|>>|＞|首页|APP|App", text)
        and (not re.search("[|｜]", text) or is_slogan_title(text))
        and not SITE_BANNER.match(text)
        and text.count(",") <= 1  # SEO runs join their phrases with ASCII commas
        and text.count("，") <= 2
        and not re.fullmatch(r"[\[【].*[\]】]", text)
        and not re.search(r"[:：]\S{0,4}$", text)  # '第03版：乡镇', a label with a short value
        and not is_menu_row(text)
    )


def is_menu_row(text):
    """'首页 新闻 视频 直播' or '云溪县人民政府 政府信息公开 政务服务 互动交流': runs of short link words."""
    items = text.split()
    if re.search("[，。；！？、“”]", text):
        return False
    return (len(items) >= 3 and all(len(i) <= 5 for i in items)) or (
        len(items) >= 4 and all(len(i) <= 8 for i in items)
    )


def is_slogan_title(text):
    """'礼赞新时代 | 城关街道多彩活动迎五一': a slogan and the headline, two long parts (a menu has many short ones)."""
    parts = [p.strip() for p in re.split("[|｜]", text)]
    return len(parts) == 2 and all(len(re.findall(f"[{CJK}]", p)) >= 4 for p in parts)


def is_title_like(text):
    return 4 <= len(text) <= 70 and not re.search("[。；！？]$", text) and text.count("，") <= 2


# ---- scored features ----------------------------------------------------------------------------
#
# Where a decision weighs several weak signals (is this short line under a picture a caption, or a one-line
# paragraph?), the signals are named features and the decision is a score over them, not a pattern per site.


def features(text):
    """Named features of one line of text, the inputs of the scores below (and handy in a debugger)."""
    cjk = len(re.findall(f"[{CJK}]", text))
    return {
        "length": len(text),
        "cjk": cjk,
        "sentences": len(re.findall("[。！？!?]", text)),
        "commas": len(re.findall("[，,；;]", text)),
        "ends_sentence": bool(re.search(f"[{TERMINAL}]$", text)),
        "bracketed": bool(re.fullmatch(r"[（(][^（）()]+[）)]", text)),
        "caption_start": bool(CAPTION_START.match(text)),
        "photo_credit": bool(CAPTION_END.search(text)),
        "label": bool(META_LABEL.search(text)),
        "date": bool(DATE.search(text)),
        "domain": bool(DOMAIN.search(text)),
        "prose": is_prose(text),
    }


# What a notice says in brackets about itself ('（此件公开发布）', '（联系人：…）'): part of the document.
DOCUMENT_NOTE = re.compile(r"此件|本件|公开|印发|附件|联系人|电话|未完|待续|续完|下转|上接")


def caption_score(text):
    """How much a paragraph looks like a photo caption (>= 1: drop it from the body).

    Strong signals: it opens like one ('图为', '▲') or ends with a photographer ('张伟 摄'). Weaker: a short
    phrase wholly in brackets with no sentence inside ('（马坊乡机关党支部集中学习）'). Against: length and more than
    one sentence, which a caption rarely has.
    """
    f = features(text)
    score = 1.0 * f["caption_start"] + 1.0 * f["photo_credit"]
    if f["bracketed"] and f["sentences"] == 0 and 4 <= f["cjk"] <= 40 and not DOCUMENT_NOTE.search(text):
        score += 1.0
    score -= 0.5 * max(0, f["sentences"] - 1) + (0.5 if f["length"] > 80 else 0)
    return score


def is_caption(text):
    return caption_score(text) >= 1
