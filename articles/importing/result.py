"""
What an import produces: the draft's fields, the lines dropped and why, where each field came from.
"""

import datetime
import html
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from ..content_checks import Finding


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
            # What the importer left out and why, and which line gave each field: what the preview shows.
            "dropped": [{"text": d.text, "reason": d.reason, "line": d.line} for d in self.dropped],
            "origins": {
                name: {"text": origin.text, "reason": origin.reason, "line": origin.line}
                for name, origin in self.origins.items()
            },
        }


class UnreadableError(Exception):
    pass


def unreadable(name, message):
    return ImportResult(path=name, warnings=[Finding("unreadable", message, Path(name).name)])
