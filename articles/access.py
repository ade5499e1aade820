"""Which article a staff member may open: the one lookup every staff view (workspace, reports) uses."""

from django.shortcuts import get_object_or_404

from .models import Article


def article_for(user, pk):
    """The article if `user` may see it (their township, or all for county roles), else 404."""
    queryset = Article.objects.for_user(user).select_related(
        "column__parent", "township", "latest_revision__created_by", "created_by", "assigned_reviewer"
    )
    return get_object_or_404(queryset, pk=pk)
