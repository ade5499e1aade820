"""The column tree the public sees, computed once and cached: every page's menu reads it."""

from core import pagecache

from .models import Column


def _build():
    columns = list(Column.objects.visible())
    tree = [c for c in columns if c.parent_id is None]
    for top in tree:
        top.nav_children = [c for c in columns if c.parent_id == top.pk]
    return tree


def visible_columns():
    """Visible top-level columns in order, each with `.nav_children`; one query, then cached until
    the "site" tag changes. Shared by the process's requests: callers must not change it."""
    return pagecache.cached_by_tags("navigation", {"site"}, _build)


def home_columns():
    """Visible leaf columns flagged for the home page, in menu order."""
    leaves = []
    for top in visible_columns():
        leaves.extend(top.nav_children or [top])
    return [c for c in leaves if c.show_on_home]


def _ids(tree):
    return {c.pk for top in tree for c in (top, *top.nav_children)}


def invalidate():
    """After an article or column changed: if that showed or hid a column, every page's menu is stale."""
    if _ids(visible_columns()) != set(Column.objects.visible().values_list("pk", flat=True)):
        pagecache.invalidate("site")
