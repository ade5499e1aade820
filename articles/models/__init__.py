"""Columns, articles and their history. Split by concern; every public name is re-exported here."""

from .articles import PUBLISHED, Article, ArticleQuerySet, ContentBlocked, EditConflict, published_q
from .audit import AuditEntry
from .checks import ContentIssue, SensitiveTerm
from .columns import Column, ColumnQuerySet
from .images import UploadedImage
from .revisions import Revision

__all__ = [
    "PUBLISHED",
    "Article",
    "ArticleQuerySet",
    "AuditEntry",
    "Column",
    "ColumnQuerySet",
    "ContentBlocked",
    "ContentIssue",
    "EditConflict",
    "Revision",
    "SensitiveTerm",
    "UploadedImage",
    "published_q",
]
