from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from articles.models import Article
from articles.pagination import paginate
from core.pagecache import cache_public_page, depends_on, paginated
from townships.models import Figure, Initiative, Township, figure_series

LATEST_ARTICLES = 10


def public_figures():
    """Figures the public sees: entered by an admin, or reported in an item that is still published. A withdrawn
    item takes its figures down with it (they stood on its review) and republishing brings them back. Internal
    work reports count: their figures are public once the report is published, though the report is not."""
    return Figure.objects.filter(Q(source_article__isnull=True) | Q(source_article__status=Article.Status.PUBLISHED))


def _practices_with_figures(queryset):
    """Practices with their figures fetched in one extra query, grouped into series per label."""
    practices = list(queryset.prefetch_related(Prefetch("figures", queryset=public_figures().order_by("id"))))
    for practice in practices:
        practice.series = figure_series(practice.figures.all())
    return practices


@cache_public_page
def township_list(request):
    depends_on(request, "townships")
    townships = Township.objects.with_village_counts()
    return render(request, "townships/township_list.html", {"townships": townships})


@cache_public_page
def township_detail(request, slug):
    township = get_object_or_404(Township.objects.with_village_counts(), slug=slug)
    depends_on(request, f"township:{township.pk}")
    practices = _practices_with_figures(township.practices.select_related("initiative"))
    articles = Article.objects.listed().filter(township=township).for_listing()[:LATEST_ARTICLES]
    return render(
        request,
        "townships/township_detail.html",
        {
            "township": township,
            "villages": township.villages.all(),
            "practices": practices,
            "articles": articles,
        },
    )


@cache_public_page
def initiative_list(request):
    depends_on(request, "townships")
    initiatives = Initiative.objects.annotate(township_count=Count("practices"))
    return render(request, "townships/initiative_list.html", {"initiatives": initiatives})


@cache_public_page
def initiative_detail(request, slug):
    initiative = get_object_or_404(Initiative, slug=slug)
    depends_on(request, f"initiative:{initiative.pk}")
    practices = _practices_with_figures(initiative.practices.select_related("township"))
    # Side by side: one row per township, one column per figure label, the latest value in each cell.
    labels = list(dict.fromkeys(s.label for p in practices for s in p.series))
    comparison = [(p, [next((s for s in p.series if s.label == label), None) for label in labels]) for p in practices]
    page = paginate(request, Article.objects.listed().filter(initiatives=initiative).for_listing())
    paginated(request, page)
    return render(
        request,
        "townships/initiative_detail.html",
        {"initiative": initiative, "practices": practices, "labels": labels, "comparison": comparison, "page": page},
    )
