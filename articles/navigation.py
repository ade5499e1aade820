"""The column tree the public sees, computed once and cached: every page's menu reads it."""

from django.core.cache import cache

from .models import Column

CACHE_KEY = "articles:navigation"


def visible_columns():
    """Visible top-level columns in order, each with `.nav_children`; one query, then cached."""
    tree = cache.get(CACHE_KEY)
    if tree is None:
        columns = list(Column.objects.visible())
        tree = [c for c in columns if c.parent_id is None]
        for top in tree:
            top.nav_children = [c for c in columns if c.parent_id == top.pk]
        cache.set(CACHE_KEY, tree, timeout=None)
    return tree


def home_columns():
    """Visible leaf columns flagged for the home page, in menu order."""
    leaves = []
    for top in visible_columns():
        leaves.extend(top.nav_children or [top])
    return [c for c in leaves if c.show_on_home]


def invalidate():
    cache.delete(CACHE_KEY)
