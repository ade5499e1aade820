from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def staff_required(view):
    """Logged in, and holding at least one role that lets them see articles."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("articles.view_article"):
            raise PermissionDenied("您的账号还没有分配角色，请联系管理员。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped
