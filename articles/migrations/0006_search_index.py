"""
The full-text index over the segmented text, holding published articles only.

SQLite: an FTS5 table over articles_article (external content), kept in step by triggers on
insert, delete and on updates of the text, status or publication time; `published_at` rides
along unindexed so results sort by relevance, then date, without touching the main table.
PostgreSQL: stored generated tsvector columns (title; title + body) with partial GIN indexes.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(search_title, search_body, published_at UNINDEXED, "
    "content='articles_article', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles_article WHEN new.status = 'published' BEGIN "
    "INSERT INTO articles_fts(rowid, search_title, search_body, published_at) "
    "VALUES (new.id, new.search_title, new.search_body, new.published_at); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles_article WHEN old.status = 'published' BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, search_title, search_body, published_at) "
    "VALUES ('delete', old.id, old.search_title, old.search_body, old.published_at); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF search_title, search_body, status, published_at "
    "ON articles_article BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, search_title, search_body, published_at) "
    "SELECT 'delete', old.id, old.search_title, old.search_body, old.published_at WHERE old.status = 'published'; "
    "INSERT INTO articles_fts(rowid, search_title, search_body, published_at) "
    "SELECT new.id, new.search_title, new.search_body, new.published_at WHERE new.status = 'published'; END",
    "INSERT INTO articles_fts(rowid, search_title, search_body, published_at) "
    "SELECT id, search_title, search_body, published_at FROM articles_article WHERE status = 'published'",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TABLE IF EXISTS articles_fts",
]
POSTGRES_CREATE = [
    "ALTER TABLE articles_article ADD COLUMN search_title_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_title, ''))) STORED",
    # Positions are not needed to match the body, and stripping them makes the vectors much smaller.
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "strip(to_tsvector('simple', coalesce(search_title, '') || ' ' || coalesce(search_body, '')))) STORED",
    "CREATE INDEX article_search_title_gin ON articles_article USING gin (search_title_vector) "
    "WHERE status = 'published'",
    "CREATE INDEX article_search_gin ON articles_article USING gin (search_vector) WHERE status = 'published'",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS article_search_gin",
    "DROP INDEX IF EXISTS article_search_title_gin",
    "ALTER TABLE articles_article DROP COLUMN search_vector",
    "ALTER TABLE articles_article DROP COLUMN search_title_vector",
]


def fill_search_text(apps, schema_editor):
    from articles.search import segment
    from core.textutil import html_paragraphs

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("id", "title", "subtitle", "summary", "body").iterator():
        Article.objects.filter(pk=article.pk).update(
            search_title=segment(article.title),
            search_body=segment(" ".join([article.subtitle, article.summary, *html_paragraphs(article.body)])),
        )


def create_index(apps, schema_editor):
    # Fill the text first: on SQLite the update trigger must never see rows the index lacks.
    fill_search_text(apps, schema_editor)
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor, []):
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_search_text")]

    operations = [migrations.RunPython(create_index, drop_index)]
