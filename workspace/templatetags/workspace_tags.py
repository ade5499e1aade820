from django import template

from workspace import tabs

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_tabs(context):
    """The header's tabs for this person: (key, label, badge count) — 待我审核 only for reviewers."""
    user = context["request"].user
    if not user.is_authenticated:
        return []
    counts = tabs.badges_for(user)
    return [(key, label, counts.get(key, 0)) for key, label in tabs.tabs_for(user).items()]


@register.inclusion_tag("workspace/includes/status.html")
def status_tag(article):
    label = "已审定（内部）" if article.is_internal and article.status == "published" else article.get_status_display()
    return {"status": article.status, "label": label}
