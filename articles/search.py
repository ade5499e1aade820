"""
Chinese full-text search: one entry point, `search_articles()`; the backend details stay in here.

Chinese has no spaces, so both the articles and the query are cut into words with rjieba
(`cut_for_search`), and the words are indexed by the database's own full-text engine:
SQLite FTS5 (unicode61 over the segmented columns, kept in sync by triggers) or PostgreSQL
(a GIN index over `to_tsvector('simple', …)` of the same columns). Ranking favours the title,
ties go to the newer article. docs/decisions.md (Chinese search) says why not trigram.
"""

import re

from django.db import connection
from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

MAX_QUERY_CHARS = 100
MAX_TOKENS = 8
WORD = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")


def segment(text):
    """Space-separated words for the index: 远门镇党建引领 -> '远门 镇 党建 引领'."""
    import rjieba

    return " ".join(t for t in rjieba.cut_for_search(text or "") if WORD.fullmatch(t))


def query_words(query):
    """The words of a reader's query, safe for any backend: no operators, quotes or symbols survive."""
    import rjieba

    query = (query or "")[:MAX_QUERY_CHARS]
    words = []
    for chunk in WORD.findall(query):
        for token in rjieba.cut_for_search(chunk) if re.match("[\u4e00-\u9fff]", chunk) else [chunk.lower()]:
            if WORD.fullmatch(token) and token not in words:
                words.append(token)
    # Single characters (镇, 的) match too much and are often glued to a neighbour in the index.
    longer = [w for w in words if len(w) > 1]
    return (longer or words)[:MAX_TOKENS]


COUNT_CAP = 2000  # beyond this a reader is told "more than 2000"; counting further costs and helps nobody


def published_sql():
    """(SQL, params) of "published" on articles_article, compiled from the ORM's published_q()."""
    from .models import Article, published_q

    query = Article.objects.filter(published_q()).query
    return query.where.as_sql(query.get_compiler(connection=connection), connection)


class SearchResults:
    """Matching published articles, best first; counted and paged lazily, as Django's Paginator asks.

    SQLite ranks with FTS5's bm25 (title weighted 8×), ties broken by date. PostgreSQL ranks in two
    tiers, title matches before body matches, each newest first: exact scoring would read every
    matching vector for a common word, which is what made it slow (see bench/README.md).
    The index holds published articles only (migration 0006).
    """

    def __init__(self, words, restrict_to=None):
        self.words = words
        self.restrict_to = restrict_to
        self.match_all = True
        self._counts = None
        if words and self.count() == 0 and len(words) > 1:
            # Nothing has every word: show articles with any of them, still best first.
            self.match_all, self._counts = False, None

    @property
    def postgres(self):
        return connection.vendor == "postgresql"

    def _restriction(self, column):
        if self.restrict_to is None:
            return "", []
        subquery, params = self.restrict_to.values("id").query.sql_with_params()
        return f" AND {column} IN ({subquery})", list(params)

    def _tiers(self):
        """PostgreSQL: [(condition, params)] for title matches, then body-only matches."""
        tsquery = (" & " if self.match_all else " | ").join(self.words)
        extra, params = self._restriction("id")
        in_title = "search_title_vector @@ to_tsquery('simple', %s)"
        in_text = "search_vector @@ to_tsquery('simple', %s)"
        base, published = published_sql()
        return [
            (f"{base} AND {in_title}{extra}", [*published, tsquery, *params]),
            (f"{base} AND {in_text} AND NOT {in_title}{extra}", [*published, tsquery, tsquery, *params]),
        ]

    def _fts(self):
        """SQLite: (condition, params) on articles_fts."""
        expression = (" AND " if self.match_all else " OR ").join(f'"{w}"' for w in self.words)
        extra, params = self._restriction("rowid")
        return f"articles_fts MATCH %s{extra}", [expression, *params]

    def counts(self):
        if self._counts is None:
            if not self.words:
                self._counts = [0]
            elif self.postgres:
                self._counts = [
                    self._fetch_one(
                        f"SELECT count(*) FROM (SELECT 1 FROM articles_article WHERE {condition} LIMIT %s) AS hit",
                        [*params, COUNT_CAP],
                    )
                    for condition, params in self._tiers()
                ]
            else:
                condition, params = self._fts()
                self._counts = [self._fetch_one(f"SELECT count(*) FROM articles_fts WHERE {condition}", params)]
        return self._counts

    def count(self):
        return min(sum(self.counts()), COUNT_CAP)

    @property
    def capped(self):
        return sum(self.counts()) >= COUNT_CAP

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop if index.stop is not None else self.count(), self.count())
        if stop <= start:
            return []
        if not self.postgres:
            condition, params = self._fts()
            return self._fetch_ids(
                "SELECT hit.rowid FROM (SELECT rowid, bm25(articles_fts, 8.0, 1.0) AS score FROM articles_fts "
                f"WHERE {condition} ORDER BY score LIMIT %s OFFSET %s) AS hit "
                "JOIN articles_article AS a ON a.id = hit.rowid ORDER BY hit.score, a.published_at DESC",
                [*params, stop - start, start],
            )
        ids, offset = [], start
        for (condition, params), size in zip(self._tiers(), self.counts(), strict=True):
            wanted = stop - start - len(ids)
            if wanted <= 0:
                break
            if offset < size:
                ids += self._fetch_ids(
                    f"SELECT id FROM articles_article WHERE {condition} ORDER BY published_at DESC LIMIT %s OFFSET %s",
                    [*params, wanted, offset],
                )
            offset = max(0, offset - size)
        return ids

    @staticmethod
    def _fetch_one(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    @staticmethod
    def _fetch_ids(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


def search_articles(query, *, column=None, township=None, initiative=None, date_from=None, date_to=None):
    """Published articles matching `query`: (SearchResults of ids, best first; the words searched for).

    Filters are slugs (column, township, initiative) and dates; they narrow the matches.
    """
    from .models import Article

    words = query_words(query)
    filters = Q()
    if column:
        filters &= Q(column__slug=column) | Q(column__parent__slug=column)
    if township:
        filters &= Q(township__slug=township)
    if initiative:
        filters &= Q(initiatives__slug=initiative)
    if date_from:
        filters &= Q(published_at__date__gte=date_from)
    if date_to:
        filters &= Q(published_at__date__lte=date_to)
    restrict_to = Article.objects.published().filter(filters) if filters else None
    return SearchResults(words, restrict_to), words


def warm_up():
    """rjieba builds its dictionary on first use (~0.1 s); do it at start-up, not in a reader's request."""
    segment("党建引领乡村振兴")


def highlight(text, words):
    """Wrap each query word in <mark>, matching on the plain text and escaping each piece on its own.

    Matching the escaped text would find "lt" inside "&lt;" and split the entity; here every piece of
    `text` goes through escape() exactly once, so nothing stays unescaped and no entity is cut.
    """
    text = str(text)
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.I)
    pieces, end = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[end : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        end = match.end()
    pieces.append(escape(text[end:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def snippet(text, words, width=90):
    """A window of the body around the first matched word, for the result list."""
    text = re.sub(r"\s+", " ", text or "").strip()
    positions = [text.find(w) for w in words if w and text.find(w) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
