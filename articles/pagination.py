"""List paging: 20 per page; one parser reads ?page= for every list, public and workspace."""

import re

from django.core.paginator import Paginator
from django.http import Http404

PER_PAGE = 20
MAX_PAGE_DIGITS = 7
# An optional single minus (clamped to page 1) and ASCII digits only: "--1", "１", "1e3" are garbage.
PAGE_NUMBER = re.compile(rf"-?[0-9]{{1,{MAX_PAGE_DIGITS}}}")


def page_number(raw):
    """The page asked for as an int (at least 1); Http404 for anything that is not a plain number."""
    if raw is None:
        return 1
    if not PAGE_NUMBER.fullmatch(raw):
        raise Http404("页码无效")
    return max(int(raw), 1)


def paginate(request, queryset, per_page=PER_PAGE, allow_empty=True):
    """Return the requested page of `queryset`; 404 for a garbage number (or an empty list, if asked)."""
    number = page_number(request.GET.get("page"))
    paginator = Paginator(queryset, per_page)
    if not allow_empty and paginator.count == 0:
        raise Http404("暂无内容")
    number = min(number, paginator.num_pages)
    page = paginator.page(number)
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page
