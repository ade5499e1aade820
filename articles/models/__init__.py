"""Columns, articles and their history. Split by concern; every public name is re-exported here."""

from .articles import (
    PUBLISHED,
    Article,
    ArticleQuerySet,
    ContentBlocked,
    EditConflict,
    listed_q,
    published_q,
    running_q,
)
from .attachments import Attachment
from .audit import AuditEntry
from .checks import ContentIssue, SensitiveTerm
from .columns import Column, ColumnQuerySet
from .deletions import ArticleDeletion
from .disclosure import Disclosure, IndexCounter
from .images import UploadedImage
from .revisions import Revision

__all__ = [
    "PUBLISHED",
    "Article",
    "ArticleDeletion",
    "ArticleQuerySet",
    "Attachment",
    "AuditEntry",
    "Column",
    "ColumnQuerySet",
    "ContentBlocked",
    "ContentIssue",
    "Disclosure",
    "EditConflict",
    "IndexCounter",
    "Revision",
    "SensitiveTerm",
    "UploadedImage",
    "listed_q",
    "published_q",
    "running_q",
]
