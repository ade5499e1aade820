"""The column page of each kind that is not a plain list (单页, 外链, 专题), and the 信息公开 document list.

column_detail (views.py) hands a column of another kind to render(); each page keeps to a fixed
number of queries, like every public page (tests/articles/test_column_kinds.py pins them).
"""

from django import forms
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from . import navigation
from .models import Article, Column, Disclosure
from .models.disclosure import normalise_document_number
from .pagination import paginate

TOPIC_ITEMS_PER_COLUMN = 6
YEARS_OFFERED = 20  # the year filter offers this year and the 19 before


def render_kind(request, column):
    """The page of a 单页, 外链 or 专题 column."""
    context = {"column": column, "nav_current": column.lineage[0].pk}
    if column.kind == Column.Kind.LINK:
        return render(request, "articles/column_link.html", context)
    if column.kind == Column.Kind.PAGE:
        # The column's one page: its latest published item (an update replaces the text in place).
        article = Article.objects.listed().filter(column=column).defer("search_title", "search_body")
        context["article"] = article.latest_first().first()
        if context["article"] is None:
            raise Http404("暂无内容")
        return render(request, "articles/column_page.html", context)
    return _topic(request, column, context)


def _topic(request, column, context):
    """专题: the banner, the introduction, then each sub-column with its latest items (one query for all)."""
    node = navigation.node(column.pk)
    children = node.nav_children if node else []
    listed = Article.objects.listed()
    blocks = []
    if children:
        latest = Q()
        for child in children:
            ids = [c.pk for c in navigation.walk([child])]
            newest = listed.filter(column_id__in=ids).order_by("-is_pinned", "-published_at", "-id")
            latest |= Q(pk__in=newest.values("pk")[:TOPIC_ITEMS_PER_COLUMN])
        owner = {c.pk: child.pk for child in children for c in navigation.walk([child])}
        by_child = {child.pk: [] for child in children}
        ranked = listed.filter(latest).only("id", "title", "published_at", "is_pinned", "column_id", "ended_at")
        for article in ranked.order_by("-is_pinned", "-published_at", "-id"):
            by_child[owner[article.column_id]].append(article)
        blocks = [(child, by_child[child.pk]) for child in children]
    own = list(listed.filter(column=column).for_listing()[:TOPIC_ITEMS_PER_COLUMN])
    if not blocks and not own:
        raise Http404("暂无内容")
    context.update(blocks=blocks, own=own)
    return render(request, "articles/column_topic.html", context)


class DocumentFilter(forms.Form):
    """信息公开 list filters: 成文年份, 发文字号 (any part of it) and 主题分类; odd input just matches nothing."""

    year = forms.TypedChoiceField(label="成文年份", required=False, coerce=int, empty_value=None)
    wenhao = forms.CharField(label="发文字号", required=False, max_length=60)
    topic = forms.ChoiceField(label="主题分类", required=False, choices=[("", "全部主题"), *Disclosure.Topic.choices])

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = range(this_year, this_year - YEARS_OFFERED, -1)
        self.fields["year"].choices = [("", "全部年份"), *((y, f"{y}年") for y in years)]

    def apply(self, articles):
        if not self.is_valid():
            return articles.none()
        data = self.cleaned_data
        if data["year"]:
            articles = articles.filter(disclosure__written_on__year=data["year"])
        if data["wenhao"].strip():
            articles = articles.filter(disclosure__document_number__icontains=normalise_document_number(data["wenhao"]))
        if data["topic"]:
            articles = articles.filter(disclosure__topic=data["topic"])
        return articles


def documents(request, slug):
    """A disclosure column's files as the 信息公开 table, filtered by year, 文号 and topic."""
    column = get_object_or_404(Column.objects.select_related("parent__parent"), slug=slug, disclosure=True)
    articles = Article.objects.listed().in_column(column)
    form = DocumentFilter(request.GET)
    rows = (
        form.apply(articles)
        .select_related("disclosure")
        .only(
            "id",
            "title",
            "published_at",
            "ended_at",
            "is_pinned",
            "disclosure__index_number",
            "disclosure__document_number",
            "disclosure__written_on",
            "disclosure__validity",
            "disclosure__issuer",
        )
        .order_by("-published_at", "-id")
    )
    page = paginate(request, rows)
    filtered = any(request.GET.get(name) for name in form.fields)
    return render(
        request,
        "articles/column_documents.html",
        {"column": column, "form": form, "page": page, "filtered": filtered, "nav_current": column.lineage[0].pk},
    )


def disclosure_links(article):
    """(解读 of this file, files it replaced): one query, only for items that carry 信息公开 metadata."""
    linked = (
        Article.objects.listed()
        .filter(Q(disclosure__interprets=article.pk) | Q(disclosure__replaced_by=article.pk))
        .select_related("disclosure")
        .only("id", "title", "published_at", "ended_at", "disclosure__interprets", "disclosure__replaced_by")
        .latest_first()
    )
    interpretations, replaced = [], []
    for other in linked:
        (interpretations if other.disclosure.interprets_id == article.pk else replaced).append(other)
    return interpretations, replaced
