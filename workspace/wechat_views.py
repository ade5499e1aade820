"""导出为公众号格式: the article as inline-styled HTML to paste into the 公众号 editor, or to download."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from accounts.decorators import staff_required
from articles.access import article_for
from articles.wechat import wechat_document, wechat_html
from siteprofile.models import SiteProfile


@staff_required
def article_wechat(request, pk):
    """Whoever may see the item in the workspace may export it (the same article_for as its page)."""
    article = article_for(request.user, pk)
    site_name = SiteProfile.current().site_name
    if request.GET.get("download"):
        response = HttpResponse(wechat_document(article, site_name), content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{article.title}-公众号.html")
        return response
    return render(
        request, "workspace/article_wechat.html", {"article": article, "exported": wechat_html(article, site_name)}
    )
