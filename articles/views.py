import copy
from urllib.parse import quote

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core import pagecache
from core.pagecache import cache_public_page, depends_on
from core.textutil import html_paragraphs
from townships.models import Initiative, Township

from . import column_kinds, navigation, pages, viewcounts
from .forms import SearchForm
from .models import Article, Column
from .pagination import paginate
from .search import highlight, search_articles, snippet

HOME_ITEMS_PER_COLUMN = 7
HOME_HEADLINES = 5


@cache_public_page
def home(request):
    depends_on(request, "home", "townships")
    columns = navigation.home_columns()
    published = Article.objects.listed()
    headlines = list(
        published.filter(is_headline=True)
        .exclude(cover="")
        .only("id", "title", "cover", "published_at")[:HOME_HEADLINES]
    )
    # Each column's latest items through its listing index, all in one query (a subquery per column).
    latest = Q()
    for column in columns:
        newest = published.filter(column_id=column.pk).order_by("-is_pinned", "-published_at", "-id")
        latest |= Q(pk__in=newest.values("pk")[:HOME_ITEMS_PER_COLUMN])
    ranked = (
        published.filter(latest).only("id", "title", "published_at", "is_pinned", "column_id", "ended_at")
        if columns
        else Article.objects.none()
    ).order_by("-is_pinned", "-published_at", "-id")
    by_column = {c.pk: [] for c in columns}
    for article in ranked:
        by_column[article.column_id].append(article)
    blocks = [(column, by_column[column.pk]) for column in columns if by_column[column.pk]]
    townships = Township.objects.with_village_counts()
    initiatives = Initiative.objects.annotate(township_count=Count("practices"))
    return render(
        request,
        "articles/home.html",
        {"headlines": headlines, "blocks": blocks, "townships": townships, "initiatives": initiatives},
    )


@cache_public_page
def column_detail(request, slug):
    column = get_object_or_404(Column.objects.select_related("parent__parent"), slug=slug)
    depends_on(request, f"column:{column.pk}")
    if column.kind != Column.Kind.LIST:  # 单页, 外链, 专题
        return column_kinds.render_kind(request, column)
    articles = Article.objects.listed().in_column(column).for_listing()
    page = paginate(request, articles, allow_empty=False)  # nothing published: hidden, so 404
    pagecache.paginated(request, page)
    parent, node = navigation.node(column.parent_id), navigation.node(column.pk)
    siblings = parent.nav_children if parent else []
    children = node.nav_children if node else []
    return render(
        request,
        "articles/column.html",
        {
            "column": column,
            "page": page,
            "children": children,
            "siblings": siblings,
            "nav_current": column.lineage[0].pk,
            "document_filter": column_kinds.DocumentFilter() if column.disclosure else None,
        },
    )


@cache_public_page
def site_map(request):
    """网站地图 for people: every visible column (with its sub-columns), township and 党建+ topic, linked."""
    depends_on(request, "townships")  # the column tree is under "site", which every page depends on
    return render(
        request,
        "articles/site_map.html",
        {
            "columns": navigation.visible_columns(),
            "townships": Township.objects.only("id", "name", "slug"),
            "initiatives": Initiative.objects.only("id", "name", "slug"),
        },
    )


def _count_view(request, pk):
    # Pages rendered for static publishing or the tamper check are not readers' views.
    if not getattr(request, "static_export", False):
        viewcounts.record(pk)


# A cache hit (never a static export) sends the view with its tag versions, in one round trip.
_count_view.queue = lambda pipeline, backend, request, pk: viewcounts.queue(pipeline, backend, pk)
DISCLOSURE_LINKS = ("replaced_by", "interprets")
SEARCH_FIELDS = ("search_title", "search_body")


def _load_article(pk):
    """The article with its column, township and 党建+ tags, or None."""
    return (
        Article.objects.select_related(
            "column__parent__parent", "township", "disclosure__replaced_by", "disclosure__interprets"
        )
        .prefetch_related("initiatives", "attachments")
        .defer(
            "search_title",
            "search_body",
            *(f"disclosure__{link}__{field}" for link in DISCLOSURE_LINKS for field in ("body", *SEARCH_FIELDS)),
        )
        .filter(pk=pk)
        .first()
    )


@cache_public_page(on_serve=_count_view)
def article_detail(request, pk):
    # The article itself is kept in the cache until it changes (tag article:<pk>); only its view
    # count is read fresh, since views are written behind the page's back.
    loaded = []  # whether this request read the article itself (then its view count is fresh too)

    def load():
        loaded.append(True)
        return _load_article(pk) or "missing"

    # Exports and the tamper check read the database itself.
    exporting = getattr(request, "static_export", False)
    article = load() if exporting else pagecache.cached_by_tags(f"article:{pk}", {f"article:{pk}"}, load)
    if article == "missing":
        raise Http404("文章不存在")
    if article.status == Article.Status.WITHDRAWN and article.published_at and not article.is_internal:
        # 410, not 404: the page existed and was taken down on purpose; crawlers drop it for good.
        return render(request, "articles/withdrawn.html", {"article": article}, status=410)
    if not article.is_public:
        raise Http404("文章不存在或尚未发布")
    tags = pages.tags_for_article(article)
    depends_on(request, *tags)
    fresh = Article.objects.filter(pk=pk).values_list("view_count", flat=True)
    stored = article.view_count if loaded else (fresh.first() or 0)
    article = copy.copy(article)  # the cached one is shared by this process's requests
    article.view_count = stored + viewcounts.pending(article.pk) + 1  # this view, counted once it is served
    # 上一篇 / 下一篇 and 相关新闻 change only when the column, township or 党建+ pages change.
    disclosure = getattr(article, "disclosure", None)  # 信息公开 metadata, joined in _load_article
    newer, older, related, (interpretations, replaced) = pagecache.cached_by_tags(
        f"article-links:{article.pk}",
        tags - {"home", "articles"},
        lambda: (
            *article.neighbours(),
            article.related(),
            column_kinds.disclosure_links(article) if disclosure else ([], []),
        ),
    )
    return render(
        request,
        "articles/article.html",
        {
            "article": article,
            "newer": newer,
            "older": older,
            "related": related,
            "disclosure": disclosure,
            "interpretations": interpretations,
            "replaced": replaced,
            "nav_current": article.column.lineage[0].pk,
        },
    )


def search(request):
    """站内搜索: Chinese full text, filters by column, township, 党建+ and dates; odd input is just no match."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "page": None, "words": []}
    terms = form.search_terms() if form.is_bound else {"q": ""}
    if terms["q"]:
        results, words = search_articles(
            terms["q"],
            column=terms["column"],
            township=terms["township"],
            initiative=terms["initiative"],
            date_from=terms["date_from"],
            date_to=terms["date_to"],
        )
        page = paginate(request, results)
        found = Article.objects.published().select_related("column", "township").in_bulk(page.object_list)
        page.results = [
            {
                "article": found[pk],
                "title": highlight(found[pk].title, words),
                "excerpt": highlight(snippet(" ".join(html_paragraphs(found[pk].body)), words), words),
            }
            for pk in page.object_list
            if pk in found
        ]
        context.update(query=terms["q"], page=page, words=words)
    return render(request, "articles/search.html", context)


@csrf_exempt
@require_POST
def record_view(request, pk):
    """浏览次数 for pages served as static files: the page's script reports the view here."""
    views = Article.objects.published().filter(pk=pk).values_list("view_count", flat=True).first()
    if views is None:
        raise Http404
    if viewcounts.within_limit(get_client_ip_address(request) or "unknown", pk):
        viewcounts.record(pk)
        response = JsonResponse({"views": views + viewcounts.pending(pk)})
    else:  # the same address reporting the same article again and again: not counted
        response = JsonResponse({"views": views + viewcounts.pending(pk)}, status=429)
        response["Retry-After"] = str(viewcounts.REPORT_WINDOW)
    response["Cache-Control"] = "no-store"
    return response


def attachment_download(request, article, pk, filename):
    """附件 download: only while its article is published and public (a withdrawn or deleted item's files stop)."""
    from .models import Attachment

    attachment = Attachment.objects.served().filter(pk=pk, article_id=article).first()
    if attachment is None:
        raise Http404("附件不存在或所属信息已下线")
    return attachment_response(attachment)


def attachment_response(attachment):
    """The file as a download under its Chinese name (also the workspace's, for reviewers)."""
    from .attachments import content_disposition

    accel = getattr(settings, "ATTACHMENT_ACCEL_PREFIX", "")
    if accel and settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        # nginx sends the bytes (an `internal` location over MEDIA_ROOT); Django only decides.
        response = HttpResponse(content_type=attachment.content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(attachment.file.name)
    else:
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404("附件文件缺失") from error
        response = FileResponse(handle, content_type=attachment.content_type)
        response["Content-Length"] = str(attachment.size)
    response["Content-Disposition"] = content_disposition(attachment)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"  # revalidated each time: a withdrawal takes effect at once
    return response
