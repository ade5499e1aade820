"""Public list paging: 20 per page, a malformed page number is a 404, an out-of-range one clamps."""

from django.core.paginator import Paginator
from django.http import Http404

PER_PAGE = 20
MAX_PAGE_DIGITS = 7


def paginate(request, queryset, per_page=PER_PAGE, allow_empty=True):
    """Return the requested page of `queryset`; 404 for a garbage number (or an empty list, if asked)."""
    raw = request.GET.get("page", "1")
    if not raw.isascii() or not raw.lstrip("-").isdigit() or len(raw) > MAX_PAGE_DIGITS:
        raise Http404("页码无效")
    paginator = Paginator(queryset, per_page)
    if not allow_empty and paginator.count == 0:
        raise Http404("暂无内容")
    number = min(max(int(raw), 1), paginator.num_pages)
    page = paginator.page(number)
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page
