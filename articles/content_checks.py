"""
Editorial checks on an article's text: what must never reach the public site.

Each finding has a stable kind, a message in Chinese, an excerpt showing where, and whether it
blocks submission (placeholder and sensitive do; a reviewer may override with a recorded reason).
They run on import, are shown on every save, and run again on submit.
"""

import re
from dataclasses import dataclass

from core.textutil import html_paragraphs, traditional_spans

from . import titles

CJK = "\u4e00-\u9fff"
BLOCKING_KINDS = {"placeholder", "sensitive"}
LABELS = {
    "placeholder": "未填写的占位符",
    "duplicate": "重复段落",
    "traditional": "繁体字",
    "pinyin": "拼音注音",
    "chrome": "网页残留内容",
    "sensitive": "错敏词",
    "unreadable": "无法读取",
    "image_alt": "图片缺少说明",
    "title_html": "标题含网页代码",
    "title_long": "标题过长",
}

PLACEHOLDERS = [
    (re.compile(r"[*＊]+"), "星号占位符"),
    (re.compile(r"[×╳]{2,}|(?<=[" + CJK + r"])[×╳](?=[" + CJK + r"])"), "“×”占位符"),
    (re.compile(r"(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])"), "“XX”占位符"),
    (re.compile(r"(?<![A-Za-z])[XＸ](?=[年月日号期个名人户处项次村镇乡])"), "“X”占位符"),
    (re.compile(r"某某|某年某月|某月某日"), "“某某”占位符"),
    (re.compile(r"[□■○]{2,}|_{3,}|＿{2,}"), "空白待填"),
    (re.compile(r"[（(【\[]?\s*(待补充|待填写|此处填写|请填写|待核实)\s*[）)】\]]?"), "待补充内容"),
]
PINYIN_NOTE = re.compile(
    rf"(?<=[{CJK}])\s*[（(]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+(?:[\s'’-][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)*\s*[)）]"
)
TONED_WORD = re.compile(r"\b[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]*\b")
DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,62}(?:\.[A-Za-z0-9-]{1,62})*"
    r"\.(?:com|cn|net|org|info|cc|top|xyz|vip|site|tv|me|co|club|wang|ink)(?:\.cn)?\b",
    re.IGNORECASE,
)
# Official sites an article may legitimately cite.
OFFICIAL_DOMAINS = re.compile(
    r"(gov\.cn|12371\.cn|people\.com\.cn|xinhuanet\.com|news\.cn|qstheory\.cn|cctv\.com)$", re.I
)
CHROME = re.compile(
    r"ICP备|ICP证|公网安备|网站标识码|版权所有|您现在的位置|当前位置[:：]|浏览次数|点击数[:：]|阅读次数[:：]|"
    r"【\s*字体|【\s*打印|【\s*关闭|上一篇[:：]|下一篇[:：]|扫一扫|分享到|返回顶部|免责声明|原文链接[:：]"
)


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    excerpt: str = ""

    @property
    def blocking(self):
        return self.kind in BLOCKING_KINDS

    @property
    def label(self):
        return LABELS.get(self.kind, self.kind)

    def as_json(self):
        return {"kind": self.kind, "message": self.message, "excerpt": self.excerpt}


def excerpt(text, start, end, context=12):
    return text[max(0, start - context) : end + context].replace("\n", " ").strip()


def check_placeholders(text):
    findings, seen = [], set()
    for pattern, name in PLACEHOLDERS:
        for match in pattern.finditer(text):
            snippet = excerpt(text, match.start(), match.end())
            if snippet in seen:
                continue
            seen.add(snippet)
            findings.append(
                Finding("placeholder", f"正文中有{name}“{match.group().strip()}”，请填写实际内容。", snippet)
            )
    return findings


def check_duplicates(text, run=30):
    """A run of `run` or more characters (spaces ignored) that appears twice."""
    compact = re.sub(r"\s+", "", text)
    first_seen, findings, covered_until = {}, [], -1
    for index in range(len(compact) - run + 1):
        window = compact[index : index + run]
        earlier = first_seen.setdefault(window, index)
        if earlier == index or earlier + run > index or index <= covered_until:
            continue
        length = run
        while index + length < len(compact) and compact[earlier + length] == compact[index + length]:
            length += 1
        covered_until = index + length
        findings.append(
            Finding("duplicate", f"有一段 {length} 字的内容重复出现，可能是粘贴了两次。", compact[index : index + 40])
        )
    return findings


def check_traditional(text):
    pairs = traditional_spans(text)
    if not pairs:
        return []
    shown = "、".join(f"{a}→{b}" for a, b in pairs)
    first = pairs[0][0]
    position = max(text.find(first), 0)
    return [
        Finding(
            "traditional", f"正文含有繁体字（{shown}），请转换为简体。", excerpt(text, position, position + len(first))
        )
    ]


def check_pinyin(text):
    findings = []
    for match in list(PINYIN_NOTE.finditer(text))[:3] + list(TONED_WORD.finditer(text))[:3]:
        findings.append(
            Finding("pinyin", f"正文中残留拼音“{match.group().strip()}”。", excerpt(text, match.start(), match.end()))
        )
    return findings


def check_chrome(text):
    findings = []
    for match in CHROME.finditer(text):
        findings.append(
            Finding("chrome", f"正文中残留网页内容“{match.group()}”。", excerpt(text, match.start(), match.end()))
        )
    for match in DOMAIN.finditer(text):
        if not OFFICIAL_DOMAINS.search(match.group()):
            findings.append(
                Finding(
                    "chrome",
                    f"正文中有网址“{match.group()}”，可能是转载网站的水印。",
                    excerpt(text, match.start(), match.end()),
                )
            )
    return findings[:5]


def check_sensitive(text):
    from .models import SensitiveTerm

    findings = []
    for term in SensitiveTerm.objects.cached_active():
        start = text.find(term.wrong)
        if start >= 0:
            findings.append(
                Finding(
                    "sensitive",
                    f"“{term.wrong}”应为“{term.correct}”（{term.get_category_display()}，{term.get_severity_display()}）。",
                    excerpt(text, start, start + len(term.wrong)),
                )
            )
    return findings


def check_text(text, *, sensitive=True):
    """All checks on plain text, in a stable order."""
    if not text.strip():
        return []
    findings = [
        *check_placeholders(text),
        *check_duplicates(text),
        *check_traditional(text),
        *check_pinyin(text),
        *check_chrome(text),
    ]
    if sensitive:
        findings += check_sensitive(text)
    return findings


def check_article(article):
    """Title, subtitle, summary and body of an article (as saved or as edited)."""
    parts = [article.title, article.subtitle, article.summary, *html_paragraphs(article.body)]
    return check_text("\n".join(p for p in parts if p)) + check_title(article.title) + check_image_alt(article.body)


def check_title(title):
    """An imported or older title holding markup (the forms refuse it; see articles/titles.py)."""
    tags = titles.tags_in(title)
    if not tags:
        return []
    return [Finding("title_html", f"标题中有网页代码“{tags[0]}”，读者会看到这些符号，请改为纯文字。", title[:60])]


def check_image_alt(body):
    """Pictures without alt text (an imported Word file's, say): a screen reader has nothing to read."""
    from bs4 import BeautifulSoup

    images = BeautifulSoup(body or "", "lxml").find_all("img")
    missing = [image for image in images if not image.get("alt", "").strip()]
    if not missing:
        return []
    return [
        Finding(
            "image_alt",
            f"正文中有 {len(missing)} 张图片没有图片说明，请在编辑器中点击图片填写（供读屏软件朗读）。",
            missing[0].get("src", ""),
        )
    ]


def blocking(findings):
    return [f for f in findings if f.blocking]


# ---- re-scanning what is already published -----------------------------------------------------


def rescan_published():
    """Check every published article again (e.g. after the 错敏词 list changed); keep the findings."""
    from .models import Article, ContentIssue

    issues = []
    published = Article.objects.published().only("id", "title", "subtitle", "summary", "body")
    for article in published.iterator(chunk_size=500):
        for finding in check_article(article):
            issues.append(
                ContentIssue(
                    article=article, kind=finding.kind, message=finding.message[:300], excerpt=finding.excerpt[:200]
                )
            )
    ContentIssue.objects.all().delete()
    ContentIssue.objects.bulk_create(issues, batch_size=500)
    from .signals import published_rescanned

    published_rescanned.send(sender=ContentIssue, issues=issues)
    return issues


def report_to_admins(issues):
    """E-mail the scan's findings to the site's admins (superusers and the 管理员 role)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail
    from django.db.models import Q
    from django.urls import reverse

    admins = get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__name="管理员"), is_active=True)
    recipients = sorted({u.email for u in admins if u.email})
    if not recipients:
        return 0
    if issues:
        lines = [f"已发布文章中发现 {len(issues)} 处问题：", ""]
        lines += [f"·《{i.article.title}》{i.message}（“{i.excerpt}”）" for i in issues[:100]]
        if len(issues) > 100:
            lines.append(f"…… 另有 {len(issues) - 100} 处，请在管理后台查看。")
    else:
        lines = ["已发布文章重新检查完毕，未发现问题。"]
    lines += ["", "管理后台：" + settings.SITE_URL.rstrip("/") + reverse("admin:articles_contentissue_changelist")]
    send_mail(
        f"【内容检查】已发布文章发现 {len(issues)} 处问题", "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients
    )
    return len(recipients)
