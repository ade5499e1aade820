"""The public side of the channel: the list of answers, the form, the 查询码 page. Thin views over services."""

from axes.helpers import get_client_ip_address
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from articles.pagination import paginate
from siteprofile.models import SiteProfile

from . import services
from .clock import Calendar
from .forms import LetterForm, LookupForm
from .models import Letter


def letter_list(request):
    letters = (
        Letter.objects.public()
        .select_related("township")
        .only("subject", "body", "kind", "received_at", "answered_at", "answer", "answer_unit", "township__name")
        .order_by("-answered_at", "-id")
    )
    page = paginate(request, letters)
    return render(request, "letters/list.html", {"page": page, "months": services.monthly_counts(months=6)})


@never_cache
def write(request):
    profile = SiteProfile.current()
    if not profile.letters_open:
        return render(request, "letters/closed.html", status=503)
    if request.method == "POST":
        form = LetterForm(request.POST)
        address = get_client_ip_address(request) or "unknown"
        # Letters stored count, not attempts: a reader who mistypes the sum a few times is not shut out.
        if services.limit_reached("write", address, services.WRITE_LIMIT):
            form.is_valid()
            form.add_error(None, "您提交得太频繁了，请一小时后再试，或拨打页面下方的联系电话。")
        elif form.is_valid():
            if form.is_robot:  # the honeypot was filled: answer as if received, keep nothing
                return render(request, "letters/received.html", {"letter": None})
            data = form.cleaned_data
            services.over_limit("write", address, services.WRITE_LIMIT, 3600)
            letter = services.receive(
                kind=data["kind"],
                subject=data["subject"],
                body=data["body"],
                township=data["township"],
                name=data["name"],
                phone=data["phone"],
                publish_consent=data["publish_consent"],
            )
            return render(request, "letters/received.html", {"letter": letter, "due": Calendar().due_date(letter)})
    else:
        form = LetterForm()
    return render(request, "letters/write.html", {"form": form})


@never_cache
def status(request):
    """The writer's own page: POST the 查询码 (never in a URL, where logs and history would keep it)."""
    letter, calendar = None, None
    if request.method == "POST":
        form = LookupForm(request.POST)
        address = get_client_ip_address(request) or "unknown"
        if services.over_limit("lookup", address, services.LOOKUP_LIMIT, 600):
            form.is_valid()
            form.add_error(None, "查询次数过多，请十分钟后再试。")
        elif form.is_valid():
            letter = services.lookup(form.cleaned_data["code"])
            if letter is None:
                form.add_error("code", "没有找到这个查询码对应的留言，请核对后重新输入。")
            else:
                calendar = Calendar()
    else:
        form = LookupForm()
    context = {"form": form, "letter": letter}
    if letter is not None and letter.is_open:
        context["due"] = calendar.due_date(letter)
        context["days_left"] = calendar.days_left(letter)
    return render(request, "letters/status.html", context, status=200)
