"""
Step 8, what the article is about: the township (known names first, then word-bounded names ending in 镇/乡/街道) and
the 党建+ initiatives.
"""

import itertools
import re
from collections import Counter

from .patterns import CJK

TOWNSHIP_SUFFIX = ("街道", "镇", "乡")


# Words the segmenter keeps glued to the suffix: "远门 / 镇党委" is still 远门镇.
TOWNSHIP_WORDS = {
    "镇": {"镇党委", "镇政府", "镇人民政府", "镇纪委", "镇人大", "镇党员", "镇干部", "镇机关", "镇卫生院", "镇派出所"},
    "乡": {"乡党委", "乡政府", "乡人民政府", "乡纪委", "乡人大", "乡干部", "乡机关", "乡卫生院"},
    "街道": {"街道办", "街道办事处", "街道党工委", "街道工委"},
}


NOT_A_TOWNSHIP = {
    "城乡",
    "村镇",
    "乡镇",
    "市镇",
    "城镇",
    "县乡",
    "乡村",
    "全乡",
    "全镇",
    "该乡",
    "该镇",
    "本镇",
    "本乡",
    "各个",
    "所在",
    "这个",
    "一个",
    "特色",
    "重点",
    "示范",
    "美丽",
    "文明",
    "卫生",
    "生态",
    "旅游",
    "历史",
    "文化",
    "中心",
    "建制",
    "边境",
    "小城",
    "集镇",
    "街镇",
    "全街",
    "各街",
    "社区",
    "辖区",
    "全县",
    "该街",
    "本街",
    "两个",
    "三个",
}


DEFAULT_THEMES = [
    "乡村振兴",
    "平安建设",
    "民族团结",
    "议事协商",
    "产业振兴",
    "人才振兴",
    "文化振兴",
    "生态振兴",
    "组织振兴",
    "政务服务",
]


def find_township(title, paragraphs, known):
    """(name, (text, reason) or None): the township and, for the preview, where it was found and why."""
    known = [k for k in known if k]
    # '大石桥镇' is another place, not 石桥镇 cut short: longer names that end in one of ours are masked first.
    title, paragraphs = mask_longer_names(title, known), [mask_longer_names(p, known) for p in paragraphs]
    if sum(name in title for name in known) >= 2:
        return "", (title, "标题中出现多个乡镇，按县级稿件处理")  # the article is the county's
    for index, text in enumerate((title, *paragraphs[:3])):
        for name in known:
            if name in text:
                return name, (text, f"{'标题' if index == 0 else f'正文第{index}段'}中出现本站乡镇“{name}”")
    candidates = []
    for index, text in enumerate([title, *paragraphs]):
        for candidate in township_candidates(text):
            candidates.append((index == 0, candidate))
    in_title = [c for from_title, c in candidates if from_title]
    if in_title:
        return in_title[0], (title, f"标题中的地名“{in_title[0]}”")
    counts = Counter(c for _, c in candidates)
    known_later = next((name for text in paragraphs for name in known if name in text), None)
    if known_later and max(counts.values(), default=0) < 2:
        # a known name (in a signature, say) beats a one-off word that ends in 镇
        return known_later, (known_later, f"正文中出现本站乡镇“{known_later}”")
    if counts and max(counts.values()) >= 2:
        counts = Counter({name: n for name, n in counts.items() if n >= 2})  # a one-off is likely noise
    if not counts:
        for text in paragraphs:
            for name in known:
                if name in text:
                    return name, (name, f"正文中出现本站乡镇“{name}”")
        return "", None
    best = max(counts.values())
    name = next(c for _, c in candidates if counts[c] == best)
    return name, (name, f"正文中出现最多的乡镇名（{best} 次）")


def township_candidates(text):
    """Township names in `text`, found on word boundaries (so 乡村 or 不出镇 are not names)."""
    import rjieba

    tokens = rjieba.cut(text)
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        suffix = next((s for s in TOWNSHIP_SUFFIX if following == s or following in TOWNSHIP_WORDS.get(s, ())), None)
        if suffix and re.fullmatch(f"[{CJK}]{{2,4}}", token) and plausible_name(token):
            yield token + suffix
        elif match := re.fullmatch(f"(?:[{CJK}]{{2,4}}[县区市])?([{CJK}]{{2,5}}(?:镇|乡|街道))", token):
            name = match.group(1)
            stem = name.removesuffix("街道").rstrip("镇乡")
            if plausible_name(stem):
                yield name


def plausible_name(stem):
    return (
        stem not in NOT_A_TOWNSHIP
        and not stem.endswith(("县", "区", "市", "村"))
        and stem[0] not in "不在到全该本各每进入回返下上赴驻离出在从向往是为和与及"
    )


def find_initiatives(text, themes):
    alternatives = "|".join(sorted(map(re.escape, themes), key=len, reverse=True))
    pattern = re.compile(
        rf"党建\s*[+＋]\s*[”\"」』]?\s*(?:[“\"「]\s*)?({alternatives})|[“\"「]党建\s*[+＋][”\"」]\s*({alternatives})|"
        rf"党建引领\s*({alternatives})"
    )
    found = []
    for match in pattern.finditer(text):
        theme = next(g for g in match.groups() if g)
        name = f"党建+{theme}"
        if name not in found:
            found.append(name)
    return found


def mask_longer_names(text, known):
    """`text` with every longer place name that contains a known township's name blanked out."""
    if not any(name in text for name in known):
        return text
    import rjieba

    longer = {c for c in township_candidates(text) if c not in known and any(c.endswith(n) for n in known)}
    tokens = rjieba.cut(text)
    for before, token in itertools.pairwise(tokens):
        # the segmenter splits '大石桥镇' into '大' + '石桥镇': a lone character that is no preposition or
        # particle, glued to a township's name, is the start of a longer name
        if token in known and re.fullmatch(f"[{CJK}]", before) and before not in BEFORE_A_NAME:
            longer.add(before + token)
    for name in longer:
        text = text.replace(name, "□" * len(name))
    return text


# Single characters that stand before a place name without being part of it ('赴石桥镇', '在远门镇').
BEFORE_A_NAME = set("在赴到从于和与及同跟对向往由把将让被经是为了的而或并县市区省全本该各每原乡镇道")
