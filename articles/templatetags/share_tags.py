"""Share cards on every public page (og:* and itemprop meta) and the 分享 block of an article."""

from django import template
from django.utils.safestring import mark_safe

from articles import share

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered once (blocks inside still inherit); the output is already escaped for HTML.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: render once, keep as `name` (e.g. the title for <title> and og:title)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% capture name %} takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


def page_url(context):
    request = context.get("request")
    return share.absolute(request.path if request is not None else "/")


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context, title, description, article=None):
    """og:title/description/image/url/type/site_name and their itemprop twins, from data already loaded."""
    site = context.get("site")
    return {
        "title": title,
        "description": description,
        "url": share.absolute(article.get_absolute_url()) if article else page_url(context),
        "type": "article" if article else "website",
        # Django's login views put their own `site` (a RequestSite) in the context, without site_name.
        "site_name": getattr(site, "site_name", None) or getattr(site, "name", ""),
        "image": share.article_image(article) if article else share.default_image(),
    }


@register.inclusion_tag("includes/share_block.html")
def share_block(article):
    """分享 on an article: the link to copy and its QR code; the same for every reader (page cache)."""
    url = share.absolute(article.get_absolute_url())
    return {"url": url, "qr": share.qr_svg(url, label="本文网址的二维码")}
