"""
Side-by-side, character-level differences between two revisions.

Chinese has no spaces, so words cannot be the unit: paragraphs are aligned first, then the
characters of each changed pair are compared. Every piece of text is escaped here, so the
result may be marked safe.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.textutil import html_paragraphs

from .models import Article
from .models.articles import EDITABLE_FIELDS

# The article's editable fields under the names the editor sees in the form (their verbose names).
FIELD_LABELS = {name: str(Article._meta.get_field(name).verbose_name) for name in EDITABLE_FIELDS}
# Chinese is compared character by character, but a number or a Latin word changes as a whole:
# "1260" -> "1302" reads as one replaced figure, not as a scatter of digits.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+|\s+|.", re.DOTALL)


@dataclass
class FieldDiff:
    label: str
    rows: list  # [(left_html, right_html)], one per paragraph
    changed: bool


def char_diff(old, new):
    """Return (left, right) HTML with deletions in <del> on the left and insertions in <ins> on the right."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    left, right = [], []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(escape("".join(a[a1:a2])))
            right.append(escape("".join(b[b1:b2])))
            continue
        if a2 > a1:
            left.append(f"<del>{escape(''.join(a[a1:a2]))}</del>")
        if b2 > b1:
            right.append(f"<ins>{escape(''.join(b[b1:b2]))}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - every piece escaped above


def paragraph_diff(old_paragraphs, new_paragraphs):
    rows = []
    matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            rows += [(escape(p), escape(p)) for p in old_paragraphs[a1:a2]]
            continue
        olds, news = old_paragraphs[a1:a2], new_paragraphs[b1:b2]
        for index in range(max(len(olds), len(news))):
            rows.append(char_diff(olds[index] if index < len(olds) else "", news[index] if index < len(news) else ""))
    return rows


def compare(old, new, names):
    """Diff two revision snapshots field by field; `names` turns ids (column, township …) into text."""
    diffs = []
    for field, label in FIELD_LABELS.items():
        if field == "body":
            before, after = html_paragraphs(old.get("body")), html_paragraphs(new.get("body"))
            rows = paragraph_diff(before, after)
            diffs.append(FieldDiff(label, rows, before != after))
            continue
        before, after = names(field, old), names(field, new)
        diffs.append(FieldDiff(label, [char_diff(before, after)], before != after))
    if "attachments" in old or "attachments" in new:
        before, after = attachment_lines(old), attachment_lines(new)
        diffs.append(FieldDiff("附件", paragraph_diff(before, after) or [("", "")], before != after))
    return diffs


def attachment_lines(data):
    """附件1：报名表（DOCX，36 KB，SHA-256 1a2b3c4d）: a replaced file shows even under the same name."""
    from .attachments import size_label

    return [
        f"附件{number}：{item['name']}（{item['kind'].upper()}，{size_label(item['size'])}，SHA-256 {item['sha256'][:8]}）"
        for number, item in enumerate(data.get("attachments") or [], start=1)
    ]
