"""The column tree the public sees, computed once and cached: every page's menu reads it."""

from core import pagecache

from .models import Column


def _build():
    columns = list(Column.objects.visible())
    for column in columns:  # up to three levels (专题 › 子栏目 › 孙栏目)
        column.nav_children = [c for c in columns if c.parent_id == column.pk]
    return [c for c in columns if c.parent_id is None]


def visible_columns():
    """Visible top-level columns in order, each with `.nav_children`; one query, then cached until
    the "site" tag changes. Shared by the process's requests: callers must not change it."""
    return pagecache.cached_by_tags("navigation", {"site"}, _build)


def home_columns():
    """Visible leaf columns flagged for the home page, in menu order."""
    leaves = [c for c in walk(visible_columns()) if not c.nav_children and c.kind != Column.Kind.LINK]
    return [c for c in leaves if c.show_on_home]


def walk(tree):
    """Every visible column of the tree, parents before their children."""
    for column in tree:
        yield column
        yield from walk(column.nav_children)


def node(pk):
    """The visible column `pk` from the cached tree (with `.nav_children`), or None."""
    return next((c for c in walk(visible_columns()) if c.pk == pk), None)


def _ids(tree):
    return {c.pk for c in walk(tree)}


def invalidate():
    """After an article or column changed: if that showed or hid a column, every page's menu is stale."""
    if _ids(visible_columns()) != set(Column.objects.visible().values_list("pk", flat=True)):
        pagecache.invalidate("site")
