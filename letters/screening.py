"""Screening of what the public writes, before anyone may publish it: 错敏词 and signs of spam.

The 错敏词 list is the articles' one (articles.content_checks): one list, kept in the admin."""

import re

from articles.content_checks import check_sensitive

LINK = re.compile(r"https?://|www\.|\.(?:com|net|top|xyz|vip)\b", re.IGNORECASE)
REPEATED = re.compile(r"(.)\1{9,}")
SPAM_WORDS = ("代开发票", "贷款", "博彩", "加微信", "刷单", "兼职日结")


def spam_signs(text):
    signs = []
    if len(LINK.findall(text)) >= 2:
        signs.append("含有多个网址")
    if REPEATED.search(text):
        signs.append("同一字符连续重复")
    signs += [f"含有广告用语“{word}”" for word in SPAM_WORDS if word in text]
    return signs


def screen(*parts):
    """Findings for the given texts: a list of {"kind", "message"} (kind: sensitive or spam)."""
    text = "\n".join(p for p in parts if p)
    findings = [{"kind": "sensitive", "message": f.message} for f in check_sensitive(text)]
    findings += [{"kind": "spam", "message": sign} for sign in spam_signs(text)]
    return findings


def has_sensitive(findings):
    return any(f["kind"] == "sensitive" for f in findings)
