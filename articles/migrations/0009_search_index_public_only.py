"""Rebuild the search index so it holds public articles only: published and not internal."""

from django.db import migrations

PUBLIC_NEW = "new.status = 'published' AND new.is_internal = 0"
PUBLIC_OLD = "old.status = 'published' AND old.is_internal = 0"
COLUMNS = "search_title, search_body, published_at"

SQLITE = [
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TABLE IF EXISTS articles_fts",
    "CREATE VIRTUAL TABLE articles_fts USING fts5(search_title, search_body, published_at UNINDEXED, "
    "content='articles_article', content_rowid='id', tokenize='unicode61')",
    f"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles_article WHEN {PUBLIC_NEW} BEGIN "
    f"INSERT INTO articles_fts(rowid, {COLUMNS}) VALUES (new.id, new.search_title, new.search_body, new.published_at); END",
    f"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles_article WHEN {PUBLIC_OLD} BEGIN "
    f"INSERT INTO articles_fts(articles_fts, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.search_title, old.search_body, old.published_at); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF search_title, search_body, status, published_at, is_internal "
    "ON articles_article BEGIN "
    f"INSERT INTO articles_fts(articles_fts, rowid, {COLUMNS}) "
    f"SELECT 'delete', old.id, old.search_title, old.search_body, old.published_at WHERE {PUBLIC_OLD}; "
    f"INSERT INTO articles_fts(rowid, {COLUMNS}) "
    f"SELECT new.id, new.search_title, new.search_body, new.published_at WHERE {PUBLIC_NEW}; END",
    f"INSERT INTO articles_fts(rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM articles_article "
    "WHERE status = 'published' AND is_internal = 0",
]
POSTGRES = [
    "DROP INDEX IF EXISTS article_search_title_gin",
    "DROP INDEX IF EXISTS article_search_gin",
    "CREATE INDEX article_search_title_gin ON articles_article USING gin (search_title_vector) "
    "WHERE status = 'published' AND NOT is_internal",
    "CREATE INDEX article_search_gin ON articles_article USING gin (search_vector) "
    "WHERE status = 'published' AND NOT is_internal",
]


def rebuild(apps, schema_editor):
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_internal_items")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
