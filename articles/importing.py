"""
Turn a pasted or scraped township report into a clean, unsaved draft and a list of warnings.

The order matters (docs/decisions.md, Importing content): read the bytes (UTF-8, GB18030, .docx),
strip pinyin annotations, convert traditional to simplified (OpenCC), split the page into lines
(BeautifulSoup, preferring the block that holds the article), then sort the lines into metadata,
furniture and body, rebuild the paragraphs, strip watermarks and credits, and finally run the
content checks on what is left. Nothing here raises on bad input: an unreadable file becomes a
result with an `unreadable` warning.
"""

import datetime
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from core.textutil import to_simplified

from . import content_checks
from .content_checks import Finding

# ---- patterns ---------------------------------------------------------------------------------

CJK = "\u4e00-\u9fff"
TERMINAL = "。！？!?；;…”’」』）)"
PINYIN = re.compile(
    rf"(?<=[{CJK}])\s*[（(]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+"
    r"(?:[\s'’-][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)*\s*[)）]"
)
META_LABELS = (
    "发布时间|发布日期|发表时间|发稿时间|更新时间|时间|日期|信息来源|稿件来源|文章来源|来源|作者|撰稿|"
    "责任编辑|本版责编|责编|编辑|审核|校对|浏览次数|浏览量|预览次数|点击数|点击量|点击次数|阅读数|阅读次数|阅读量|访问量|"
    "字体|字号|打印|关闭|分享"
)
# Labels of 信息公开 metadata tables that say nothing the article keeps (标题 excepted: the headline).
TABLE_LABELS = (
    "索引号|主题分类|信息分类|发文机构|发布机构|发文字号|文号|发文日期|成文日期|生效日期|有效性|内容概述|"
    "公开方式|公开范围|所属主题|标题"
)
# How long a value on the line after its label can be: a category is a word, 内容概述 is never followed by its value
# (what follows it is the headline).
CELL_VALUE_LIMITS = {
    "主题分类": 8,
    "信息分类": 8,
    "有效性": 8,
    "所属主题": 8,
    "公开方式": 8,
    "公开范围": 8,
    "内容概述": 0,
}
CELL_LABEL = re.compile(rf"^(?P<label>{TABLE_LABELS}|{META_LABELS})$")
META_LABEL = re.compile(rf"(?P<label>{META_LABELS})\s*[:：]\s*")
DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*\d{1,2}\s*秒?)?)?"
)
# Two-digit years (25-03-02 09:21) only where a line is already known to be metadata.
SHORT_DATE = re.compile(r"(?<![\d-])(?P<y>\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?")
SITE_NAME = re.compile(rf"^[{CJK}A-Za-z]{{2,12}}(?:网|报|台|融媒|发布|中心|政府|客户端|频道)$")
UNKNOWN_LABEL = re.compile(rf"\s+[{CJK}]{{2,6}}\s*[:：]")
BREADCRUMB = re.compile(r"^(您现在的位置|您的位置|当前位置|所在位置|现在位置|位置)\s*[:：]")
SEPARATORS = re.compile(r"\s*(?:>|＞|›|»|→|/|&gt;)\s*")
FURNITURE = re.compile(
    r"【\s*(字体|字号|打印|关闭|收藏|大\s*中\s*小)|^\s*[\[【]?\s*(打印本页|关闭窗口|打印|关闭|返回顶部|返回首页)\s*[\]】]?\s*$|"
    r"^(分享到|扫一扫|微信扫一扫|手机扫码|上一篇|下一篇|上一条|下一条|相关附件|附件下载|投稿邮箱|投稿热线|"
    r"标签|关键词|Tags?|打开APP|下载APP|点击查看更多|阅读原文|"
    r"点击蓝字|点击上方|关注我们|长按(识别|扫描)?二维码|长按二维码|预览时标签不可点|图片来源|部分图片来源于网络|"
    r"分享\s*收藏|点赞|在看|转发)[:：]?|^[-—\s]*END[-—\s]*$|^[▼▲↓]+$|"
    r"(ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|©|技术支持[:：]|主办单位[:：]|承办单位[:：]|"
    r"建议使用.{0,20}浏览器|最佳分辨率|网站访问量)",
    re.IGNORECASE,
)
FOOTER_LINK_WORDS = re.compile(
    r"关于我们|联系我们|网站地图|隐私|法律声明|使用帮助|网站声明|版权声明|设为首页|加入收藏|网站纠错"
)
CONTACT = re.compile(
    r"^(服务热线|热线电话|监督电话|举报电话|咨询电话|联系电话|电话|传真|邮箱|电子邮箱|E-?mail|邮编|地址)\s*[:：]", re.I
)
SIGNATURE = re.compile(r"(委员会|人民政府|政府|党委|党工委|党总支|党支部|支部|办公室|办事处|委|局|办|所|站|队|会)$")
DISCLAIMER = re.compile(
    r"免责声明|本文转自|仅供学习交流|本网转载|转载请注明|版权归原作者|版权归原|如有侵权|不代表本网|仅供参考，|联系删除"
)
RELATED_HEADING = re.compile(
    r"^[【\[]?(推荐阅读|相关阅读|相关新闻|相关文章|相关链接|延伸阅读|热点推荐|热门文章|最新文章|精彩推荐|猜你喜欢|往期回顾|"
    r"往期推荐|往期精彩|热点新闻|图片新闻|今日推荐|热门推荐)[】\]]?[:：]?$"
)
HEADLINE_ITEM = re.compile(
    r"^[-·•●▪◆>※\s\d.、]*[^。！？]{4,60}?\s*[\[(（]?(?:\d{2,4}[-/.])?\d{1,2}[-/.]\d{1,2}[\])）]?$"
)
ORIGINAL_URL = re.compile(r"^(原文链接|阅读原文|原文地址|本文链接|原文网址)\s*[:：]?\s*(?P<url>https?://\S+)")
DATELINE = re.compile(
    rf"^(?P<agency>[{CJK}A-Za-z]{{2,12}}?(?:网|社|台|报|频道|客户端|融媒|新闻))?\s*"
    r"(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:电|讯)\s*[（(](?P<credit>[^（）()]{2,40})[）)]\s*"
)
# '云溪新闻网2月5日讯 ' / '湖南日报消息 ': a lead with no credit in brackets, cut before the first sentence.
BARE_DATELINE = re.compile(
    rf"^(?:[{CJK}A-Za-z]{{2,10}}?(?:网|报|台|社|风|客户端|融媒|新闻)\s*(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯|消息|电)"
    rf"|[{CJK}]{{2,10}}?\d{{1,2}}月\d{{1,2}}日(?:讯|电))[\s　:：]+(?=\S)"
)
HOUSE_DATELINE = re.compile(r"^(?:本报|本台|本网|本刊|本站)讯\s*[（(](?P<credit>[^（）()]{2,40})[）)]\s*")
NAME = rf"[{CJK}·]{{2,5}}"
ROLE_WORDS = re.compile(
    r"本报|本台|本网|报道|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|摄影|摄像|撰稿|作者|文\s*/|图\s*/|文：|图："
)
TRAILING_CREDIT = re.compile(
    rf"[（(]\s*(?:文\s*/\s*|记者\s*|作者[:：]\s*)?(?P<names>{NAME}(?:[\s、，,/]+{NAME})*)\s*[）)]\s*$"
)
# '。（陈晓燕）' closing any paragraph: the reporter of that part (county media put one after each).
INLINE_CREDIT = re.compile(rf"(?<=[。！？”])\s*[（(](?P<names>[{CJK}]{{2,3}}(?:[、\s][{CJK}]{{2,3}})*)[）)]\s*$")
NOT_A_CREDIT = {"完", "待续", "未完", "未完待续", "续完", "图文", "原创", "转载", "上", "中", "下", "全文"}
CLOSING_CREDIT = re.compile(
    rf"^(?:(?:本报|本台|本网)?(?:特约|见习|实习|首席)?(?:记者|通讯员)\s*{NAME}(?:[\s、]+{NAME})*\s*)+(?:报道|采写)?$"
)
DOC_NUMBER = re.compile(rf"^[{CJK}]{{1,10}}[〔\[［(（]\d{{4}}[〕\]］)）]\s*\d{{1,4}}\s*号$")
NAME_LIST = re.compile(rf"^[{CJK}]{{2,3}}(?:[、，,][{CJK}]{{2,3}}){{1,7}}$")
# '新华社记者' alone: a credit whose names were left out.
NAMELESS_CREDIT = re.compile(rf"^(?:本报|本台|本网|[{CJK}]{{2,6}}(?:社|台|网|报))?(?:特约|见习)?(?:记者|通讯员)$")
SUPPLIED_BY = re.compile(r"[（(]\s*(?P<source>[^（）()]{2,30}?)\s*供稿\s*[）)]\s*$")
EDITOR_CREDIT = re.compile(r"[（(【\[]\s*(?:责任编辑|编辑)\s*[:：]\s*(?P<editor>[^）)】\]]{2,10})\s*[）)】\]]\s*$")
BYLINE = re.compile(
    rf"^(?:文\s*/\s*|文[:：]\s*|作者[:：]\s*|记者\s+)(?P<names>{NAME}(?:[\s、，,]+{NAME})*)(?:\s+图\s*/\s*{NAME})?$"
)
SUBHEADING = re.compile(
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．]|第[一二三四五六七八九十]+[，、])"
)
SITE_WORDS = re.compile(r"(政府|门户|网站|网|委|部|局|中心|办|县|区|市|镇|乡|街道|新闻|频道|之窗)$")
DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,62}(?:\.[A-Za-z0-9-]{1,62})*"
    r"\.(?:com|cn|net|org|info|cc|top|xyz|vip|site|tv|me|co|club|wang|ink)(?:\.cn)?(?:/[\w./?=&%-]*)?",
    re.IGNORECASE,
)
WATERMARK = re.compile(
    rf"[（(【\[]?\s*(?:来源[:：]|本文来自|转自|转载自|摘自)?\s*[{CJK}A-Za-z]{{0,12}}(?:网|站|资讯|新闻|在线|之窗|频道|平台|门户)?\s*"
    rf"[（(]?\s*{DOMAIN.pattern}\s*[）)]?\s*[）)】\]]?",
    re.IGNORECASE,
)
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
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")


@dataclass
class Line:
    text: str
    inside: bool = True  # inside the block judged to hold the article
    indented: bool = False
    block_start: bool = False  # first line of an HTML block (<p>, <div> …) or after a blank line
    number: int = 0  # 1-based: the line of the pasted text, or the visible line of a page


@dataclass
class Dropped:
    """A line (or the part of one) the importer left out of the body, and the rule's reason."""

    text: str
    reason: str
    line: int = 0  # 0 once lines are joined into paragraphs


@dataclass
class Origin:
    """Which line gave a field, and why that line."""

    text: str
    reason: str
    line: int = 0


# The fields the preview explains, in the order the form shows them.
EXPLAINED_FIELDS = {
    "title": "标题",
    "subtitle": "副标题",
    "published_at": "发布时间",
    "source": "来源",
    "authors": "作者",
    "editor": "责任编辑",
    "township": "乡镇",
}


@dataclass
class ImportResult:
    """An imported article, not yet saved. `as_json()` is the command's --json contract."""

    path: str = ""
    title: str = ""
    subtitle: str = ""
    published_at: datetime.datetime | None = None
    source: str = ""
    editor: str = ""
    authors: list = field(default_factory=list)
    original_url: str = ""
    township: str = ""
    initiatives: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    images_skipped: int = 0
    shaped_html: str = ""  # a Word file's body with its headings, lists, tables and pictures (docx_shape)
    dropped: list = field(default_factory=list)  # [Dropped], in the order the rules met them
    origins: dict = field(default_factory=dict)  # {field: Origin}, the first line that set the field

    def drop(self, line, reason):
        """Record what a rule left out; `line` is a Line or the text cut from a paragraph."""
        text, number = (line.text, line.number) if isinstance(line, Line) else (line, 0)
        if text.strip():
            self.dropped.append(Dropped(text.strip(), reason, number))

    def note(self, name, line, reason):
        """Record where a field came from, where the rule sets it (the first setter wins, as in the rules)."""
        text, number = (line.text, line.number) if isinstance(line, Line) else (line or "", 0)
        self.origins.setdefault(name, Origin(text.strip(), reason, number))

    @property
    def explanations(self):
        """[(label, Origin)] for the fields that were found, in the form's order."""
        return [(label, self.origins[name]) for name, label in EXPLAINED_FIELDS.items() if name in self.origins]

    @property
    def body_text(self):
        return "\n".join(self.paragraphs)

    @property
    def body_html(self):
        if self.shaped_html:
            return self.shaped_html
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs)

    @property
    def readable(self):
        return not any(w.kind == "unreadable" for w in self.warnings)

    def as_json(self):
        published = timezone.localtime(self.published_at).strftime("%Y-%m-%dT%H:%M") if self.published_at else None
        return {
            "path": self.path,
            "title": self.title,
            "subtitle": self.subtitle,
            "published_at": published,
            "source": self.source,
            "editor": self.editor,
            "authors": list(self.authors),
            "original_url": self.original_url,
            "township": self.township,
            "initiatives": list(self.initiatives),
            "body_text": self.body_text,
            "body_html": self.body_html,
            "warnings": [w.as_json() for w in self.warnings],
        }


# ---- entry points -----------------------------------------------------------------------------


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


class UnreadableError(Exception):
    pass


def unreadable(name, message):
    return ImportResult(path=name, warnings=[Finding("unreadable", message, Path(name).name)])


# ---- reading ----------------------------------------------------------------------------------


def decode(data, html_page=False):
    """UTF-8 (with or without BOM), else the page's declared charset, else GB18030 (a superset of GBK)."""
    if not data.strip():
        raise UnreadableError("文件是空的。")
    if b"\x00" in data[:2000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableError("这不是文本文件（含有二进制内容）。")
    candidates = ["utf-8-sig"]
    if html_page and (declared := re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4000], re.I)):
        candidates.append(declared.group(1).decode("ascii", "ignore").lower())
    candidates += ["gb18030", "utf-16"]
    for encoding in candidates:
        if encoding in ("gb2312", "gbk"):
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableError("无法识别文件编码（不是 UTF-8 或 GB18030）。")


def docx_to_html(data, store_pictures=True):
    """Sizes, ratios, XML and time are checked by archive_safety; mammoth runs there, time-bounded.
    Pictures are checked and stored like the editor's uploads; their <img> point at the stored files."""
    from .archive_safety import IMAGE_SRC, UnsafeArchive, convert_docx

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

    from .images import clean_image
    from .models import UploadedImage

    try:
        content, extension = clean_image(ContentFile(data))
    except ValidationError:
        return ""
    content.name = f"image.{extension}"
    image = UploadedImage(file=content, alt_text="")
    image.save()
    return image.file.url


# ---- a Word file's structure ------------------------------------------------------------------

# '一、…' and '（一）…' on a line of their own: the section headings of a report or notice.
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBSECTION_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
SENTENCE_END = re.compile(r"[。！？!?；;…]")
ATTACHMENTS = re.compile(r"^附\s*件\s*[:：]\s*(?P<rest>.*)$")
NUMBERED_ITEM = re.compile(r"(?:^|\s+)\d{1,2}\s*[.．、]\s*")


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
        from .content_checks import check_image_alt, check_text

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


def normalise(text):
    text = ZERO_WIDTH.sub("", html.unescape(text)).replace("\xa0", " ")
    text = to_simplified(PINYIN.sub("", text))
    # A broken converter's doubled punctuation between Chinese characters: ',,' and ',、'.
    return re.sub(rf"(?<=[{CJK}])(?:,,|，，)(?=[{CJK}“])", "，", re.sub(rf"(?<=[{CJK}]),、", "、", text))


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
    covered, total = Counter(), 0
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
            covered[ancestor] += weight
            if ancestor is body:
                break
    if total < 60:
        return None
    holders = [element for element, weight in covered.items() if weight >= 0.75 * total]
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


# ---- field parsing ----------------------------------------------------------------------------


def parse_date(text, short_years=False):
    match = DATE.search(text or "")
    if not match and short_years and (match := SHORT_DATE.search(text or "")):
        return make_date(2000 + int(match["y"]), match)
    if not match:
        return None
    return make_date(int(match["y"]), match)


def make_date(year, match):
    try:
        moment = datetime.datetime(year, int(match["m"]), int(match["d"]), int(match["H"] or 0), int(match["M"] or 0))
    except ValueError:
        return None
    return timezone.make_aware(moment, timezone.get_default_timezone())


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
        fields.setdefault(match["label"], value.strip(" ：:|　"))
    return fields


def names_from(credit):
    """'记者 张三 通讯员 李四' -> ['张三', '李四']."""
    cleaned = ROLE_WORDS.sub(" ", credit)
    return [n for n in re.split(r"[\s、，,/；;]+", cleaned) if re.fullmatch(NAME, n)]


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
    return {"published_at": when, "sites": [w for w in words if SITE_NAME.match(w)], "author": glued and glued[1]}


def is_furniture(text):
    return furniture_reason(text) is not None


def furniture_reason(text):
    """Why `text` is the page's and not the article's (for the preview), or None when it is not furniture."""
    if is_mojibake(text):
        return "乱码"
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
    from .content_checks import OFFICIAL_DOMAINS

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


# ---- the extraction ---------------------------------------------------------------------------


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
            if label == "标题" and value:
                meta.setdefault("labelled_title", value)
                meta.setdefault("labelled_title_line", line.number)
        kept = [f"{label}：{value}" for label, value in pairs if re.fullmatch(META_LABELS, label) and value]
        if kept:
            rows.append(Line("\u3000".join(kept), inside=line.inside, block_start=True, number=line.number))
        else:
            result.drop(
                Line(" ".join(f"{label}：{value}" for label, value in pairs), number=line.number), "信息公开表格"
            )
    return rows


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
    for line in lines:
        text = line.text
        if match := ORIGINAL_URL.match(text):
            explicit_url = match["url"].rstrip("。，")
            result.drop(line, "原文链接（已填入“原文链接”）")
            continue
        if is_meta_line(text) and not is_prose(text):
            apply_meta(result, parse_meta(text), line)
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
            if not result.published_at and len(text) <= 40 and (when := parse_date(text)) and not is_prose(text):
                result.published_at = when
                result.note("published_at", line, "正文区块外的日期行")
            result.drop(line, "正文区块之外（侧栏、页眉或页脚）")
            continue
        kept.append(line)
    result.original_url = explicit_url or result.original_url
    for parts, line in loose:
        apply_date_line(result, parts, line)

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
    paragraphs = trim_tail(result, paragraphs)
    paragraphs = strip_watermarks(result, paragraphs)
    result.paragraphs = [p for p in paragraphs if p.strip()]

    # 4. What the article is about: township and 党建+ initiatives.
    result.township, where = find_township(result.title, result.paragraphs, known_townships)
    if where:
        result.note("township", *where)
    result.initiatives = find_initiatives(" ".join([result.title, result.subtitle, *result.paragraphs]), themes)
    result.warnings = content_checks.check_text(result.body_text, sensitive=False)
    return result


def apply_meta(result, fields, line):
    why = "元信息行中的“{}”".format
    for label, value in fields.items():
        if not value:
            continue
        if (
            label in ("发布时间", "发布日期", "发表时间", "发稿时间", "时间", "日期", "更新时间")
            and not result.published_at
        ):
            result.published_at = parse_date(value)
            if result.published_at:
                result.note("published_at", line, why(label))
        elif label in ("来源", "信息来源", "稿件来源", "文章来源") and not result.source:
            result.source = value
            result.note("source", line, why(label))
        elif label in ("作者", "撰稿"):
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
    if not result.published_at:
        result.published_at = parts["published_at"]
        result.note("published_at", line, "页眉中没有标签的日期行")
    if parts["sites"] and not result.source:
        result.source = parts["sites"][0]
        result.note("source", line, "日期旁的网站名")
    if parts["author"] and not result.authors and not SITE_WORDS.search(parts["author"]):
        add_authors(result, [parts["author"]], line, "紧接在日期后的人名")


def clean_title(title, site_names=()):
    title = re.sub(r"\s+", " ", title).strip()
    for separator in ("——", "—", "--"):
        if separator in title:
            head, _, tail = title.partition(separator)
            if head.strip() and len(head.strip()) <= 16 and SITE_WORDS.search(head.strip()) and len(tail.strip()) >= 6:
                title = tail.strip()
                break
    parts = re.split(r"\s+[-_|｜]\s+|_(?=[^_]*$)", title)
    if len(parts) > 1:
        title = max(parts, key=lambda p: (not SITE_WORDS.search(p.strip()), len(p))).strip()
    return title


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
        and not re.search(r"[|｜\t]|>>|＞|首页|APP|App", text)
        and text.count(",") <= 1  # SEO runs join their phrases with ASCII commas
        and text.count("，") <= 2
        and not re.fullmatch(r"[\[【].*[\]】]", text)
        and not re.search(r"[:：]\S{0,4}$", text)  # '第03版：乡镇', a label with a short value
        and not is_menu_row(text)
    )


def is_menu_row(text):
    items = text.split()
    return len(items) >= 3 and all(len(i) <= 5 for i in items)


def is_mojibake(text):
    """What a wrong decoding leaves: replacement characters or runs of Latin-1 letters in Chinese text."""
    return text.count("\ufffd") >= 2 or len(re.findall("[\u00c0-\u00ff]", text)) >= max(3, len(text) // 4)


def is_title_like(text):
    return 4 <= len(text) <= 70 and not re.search("[。；！？]$", text) and text.count("，") <= 2


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
        for i, line in enumerate(lines[:15]):
            if plausible_title(line.text) and not DATELINE.match(line.text) and not is_prose(line.text):
                index, title = i, clean_title(line.text)
                result.note("title", line, "开头第一条像标题的行（不是导航、日期、元信息或正文句子）")
                break
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
        elif NAME_LIST.match(text):
            # '陈伟东、孔娜、张大维' under a paper's title
            add_authors(result, re.split(r"[、，,]", text), line, "标题下的人名列表")
        result.drop(line, "标题下、正文前的页眉")
    return []


def add_authors(result, names, line=None, reason=""):
    for name in names:
        if name not in result.authors:
            result.authors.append(name)
    if names and reason:
        result.note("authors", line, reason)


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
    # Trailing credit lines, 供稿 notes and editor notes; the last paragraph may carry one at its end.
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
    return len(text) <= 30 and bool(SIGNATURE.search(text) or re.fullmatch(rf"{DATE.pattern}", text))


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


def find_township(title, paragraphs, known):
    """(name, (text, reason) or None): the township and, for the preview, where it was found and why."""
    known = [k for k in known if k]
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
