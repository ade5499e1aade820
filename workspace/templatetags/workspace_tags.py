from django import template

from articles.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def queue_count(context):
    """The badge on 待我审核: how many items wait for this user's decision."""
    user = context["request"].user
    return Article.objects.awaiting(user).count() if user.is_authenticated else 0


@register.inclusion_tag("workspace/includes/status.html")
def status_tag(article):
    label = "已审定（内部）" if article.is_internal and article.status == "published" else article.get_status_display()
    return {"status": article.status, "label": label}
