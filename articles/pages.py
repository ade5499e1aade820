"""Which public pages show an article: the cache tags they depend on and their URLs (for the static export).

Both follow the article's relations (column and its parent, township, 党建+), so they belong with Article.
"""

from django.urls import reverse

from townships.models import Initiative, Township

from .models import Article, Column, Disclosure


def tags_for_article(article, previous=None):
    """Everything that shows this article: its page, its column(s), township, 党建+ pages, the home page."""
    tags = {f"article:{article.pk}", "home", "articles", *(f"column:{c.pk}" for c in article.column.lineage)}
    # 信息公开: the file this one interprets or replaces shows a link back to it.
    try:
        disclosure = article.disclosure  # joined on the public page; one query elsewhere
    except Disclosure.DoesNotExist:
        disclosure = None
    if disclosure is not None:
        tags.update(f"article:{pk}" for pk in (disclosure.interprets_id, disclosure.replaced_by_id) if pk)
    if article.township_id:
        tags.add(f"township:{article.township_id}")
    tags.update(f"initiative:{i.pk}" for i in article.initiatives.all())
    if previous:
        if previous.get("column_id") not in (None, article.column_id):
            old = Column.objects.filter(pk=previous["column_id"]).values_list("pk", "parent_id").first() or ()
            tags.update(f"column:{c}" for c in old if c)
        if previous.get("township_id"):
            tags.add(f"township:{previous['township_id']}")
        tags.update(f"initiative:{i}" for i in previous.get("initiative_ids", []))
    return tags


# What affected_paths reads of an article's previous revision (where an edit moved it from).
PREVIOUS_KEYS = ("column_id", "township_id", "initiative_ids")


def affected_paths(article, previous=None):
    """The pages that show `article`: its own, its neighbours, its lists, feeds, home, sitemap."""
    paths = {"/", "/sitemap.xml", "/feed/"}
    if article.is_public:
        paths.add(article.get_absolute_url())
        for neighbour in article.neighbours():
            if neighbour:
                paths.add(neighbour.get_absolute_url())
        paths.update(a.get_absolute_url() for a in article.related())
    previous = previous or {}
    column_ids = {*(c.pk for c in article.column.lineage), previous.get("column_id")}
    columns = list(Column.objects.filter(pk__in=[c for c in column_ids if c]))
    paths.update(c.get_absolute_url() + "feed/" for c in columns)
    if article.township:
        paths.add(article.township.get_absolute_url())
        paths.add(reverse("townships:township_feed", args=[article.township.slug]))
    for initiative in article.initiatives.all():
        paths.add(initiative.get_absolute_url())
        paths.add(reverse("townships:initiative_feed", args=[initiative.slug]))
    # Where the article used to be listed, if an edit moved it.
    for township in Township.objects.filter(pk=previous.get("township_id")):
        paths.update({township.get_absolute_url(), reverse("townships:township_feed", args=[township.slug])})
    for initiative in Initiative.objects.filter(pk__in=previous.get("initiative_ids", [])):
        paths.update({initiative.get_absolute_url(), reverse("townships:initiative_feed", args=[initiative.slug])})
    lists = [(c.get_absolute_url(), Article.objects.listed().in_column(c).count()) for c in columns]
    return paths, lists
