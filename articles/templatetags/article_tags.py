from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles import navigation
from articles.models import Column
from core.pagecache import cached_by_tags

from .datetimes import machine_datetime

register = template.Library()

SECTIONS = {
    "townships": ("乡镇风采", "townships:township_list"),
    "initiatives": ("党建+", "townships:initiative_list"),
}


def _current(context):
    """Which menu item is current: `nav_current` (a top-level column id) or the section of the path."""
    current = context.get("nav_current")
    if current is None:
        path = context["request"].path if "request" in context else ""
        current = "home" if path == "/" else next((s for s in SECTIONS if path.startswith(f"/{s}/")), None)
    return current


@register.inclusion_tag("includes/nav.html", takes_context=True)
def site_nav(context):
    """The main menu, with the current item marked."""
    return {"columns": navigation.visible_columns(), "current": _current(context)}


@register.simple_tag(takes_context=True)
def site_chrome(context, part):
    """The header (with its menu) or the footer, rendered once and reused until the site or its
    columns change: every public page shows them, and rendering them each time is most of a page's cost.
    """
    current = _current(context)
    site = context.get("site")

    def render():
        context_data = {"site": site, "nav_current": current, "request": context.get("request")}
        return render_to_string(f"includes/{part}.html", context_data)

    # "articles" is bumped whenever something is published or withdrawn, which can show or hide a column.
    return mark_safe(cached_by_tags(f"chrome:{part}:{current}", {"site", "articles"}, render))  # noqa: S308


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*items, section=None):
    """您现在的位置：首页 > …; columns expand to their parent, plain strings end the trail unlinked."""
    trail = []
    if section:
        label, url_name = SECTIONS[section]
        trail.append({"name": label, "url": reverse(url_name)})
    for item in items:
        if not item:
            continue
        if isinstance(item, Column):
            trail.extend({"name": c.name, "url": c.get_absolute_url()} for c in item.lineage)
        elif isinstance(item, str):
            trail.append({"name": item, "url": None})
        else:
            trail.append({"name": str(item), "url": item.get_absolute_url()})
    return {"trail": trail}


@register.simple_tag
def news_list(articles, show_pins=False):
    """The title-and-date list of news every column, township and 党建+ page shows.

    Written in Python rather than as an include: a list page has twenty rows, and the template
    language's per-variable cost made this list the largest part of rendering such a page.
    """
    pin = format_html('<span class="tag tag--pin">{}</span>', "置顶")
    # Only columns that keep ended items list them (ArticleQuerySet.listed), so the mark is all a row needs.
    ended = format_html('<span class="tag tag--ended">{}</span>', "已结束")

    def row(article):
        published = timezone.localtime(article.published_at)
        return (
            article.get_absolute_url(),
            pin if show_pins and article.is_pinned else "",
            ended if article.ended_at else "",
            article.title,
            machine_datetime(published),
            published.strftime("%Y-%m-%d"),
        )

    rows = format_html_join(
        "\n",
        '    <li class="news-list__item">\n      <a href="{}">{}{}{}</a>\n      <time datetime="{}">{}</time>\n    </li>',
        (row(article) for article in articles),
    )
    return format_html('<ul class="news-list">\n{}\n</ul>', rows)
