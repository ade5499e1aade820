"""
The workspace's 留言办理: the letters of one's township (or all, for county roles), answering and review.
Every rule is in letters.workflow; the writer's name and phone are masked unless letters.view_letter_contact.
"""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles.pagination import paginate
from letters import services, workflow
from letters.clock import Calendar
from letters.forms import AnswerForm, RouteForm
from letters.models import Letter

FILTERS = {"open": "待办", "review": "待审核", "answered": "已答复", "all": "全部"}


def letters_staff(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("letters.view_letter"):
            raise PermissionDenied("您的账号不能办理留言。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _filtered(user, key):
    letters = Letter.objects.for_user(user).select_related("township")
    if key == "open":
        return letters.open()
    if key == "review":
        return letters.filter(status=Letter.Status.REVIEW)
    if key == "answered":
        return letters.filter(status=Letter.Status.ANSWERED)
    return letters


@letters_staff
def letter_list(request):
    key = request.GET.get("show", "open")
    if key not in FILTERS:
        raise Http404("没有这个分类")
    letters = _filtered(request.user, key).order_by("received_at", "id")
    page = paginate(request, letters)
    calendar = Calendar()
    for letter in page.object_list:
        letter.days_left = calendar.days_left(letter) if letter.is_open else None
        letter.contact_name, letter.contact_phone = services.contact_for(request.user, letter)
    return render(
        request,
        "workspace/letters/list.html",
        {"page": page, "show": key, "filters": FILTERS, "tab": "letters"},
    )


def _letter_for(user, pk):
    letter = get_object_or_404(Letter.objects.for_user(user).select_related("township"), pk=pk)
    return letter


@letters_staff
def letter_detail(request, pk):
    letter = _letter_for(request.user, pk)
    calendar = Calendar()
    name, phone = services.contact_for(request.user, letter)
    return render(
        request,
        "workspace/letters/detail.html",
        {
            "letter": letter,
            "contact_name": name,
            "contact_phone": phone,
            "due": calendar.due_date(letter),
            "days_left": calendar.days_left(letter) if letter.is_open else None,
            "days_taken": calendar.days_taken(letter),
            "actions": [(a, workflow.TRANSITIONS[a]) for a in workflow.allowed_actions(request.user, letter)],
            "can_edit": workflow.can_edit_answer(request.user, letter),
            "answer_form": AnswerForm(
                initial={"answer": letter.answer, "answer_unit": letter.answer_unit or letter.unit_name}
            ),
            "route_form": RouteForm(initial={"township": letter.township_id}),
            "can_route": letter.is_open and request.user.has_perm("letters.act_for_all_townships"),
            "events": letter.events.select_related("by"),
            "tab": "letters",
        },
    )


@require_POST
@letters_staff
def letter_action(request, pk, action):
    letter = _letter_for(request.user, pk)
    comment = request.POST.get("comment", "")
    try:
        if action in ("save", "submit"):
            form = AnswerForm(request.POST)
            if not form.is_valid():
                raise ValidationError("；".join(e for errors in form.errors.values() for e in errors))
            answer, unit = form.cleaned_data["answer"], form.cleaned_data["answer_unit"]
            if action == "save":
                workflow.save_answer(letter, request.user, answer, unit)
                messages.success(request, "答复已保存。")
            else:
                workflow.submit(letter, request.user, answer, unit)
                messages.success(request, "答复已提交审核。")
        elif action == "route":
            form = RouteForm(request.POST)
            if not form.is_valid():
                raise ValidationError("请选择转交的单位。")
            workflow.route(letter, form.cleaned_data["township"], request.user, comment)
            messages.success(request, f"已转交{letter.unit_name}办理。")
        else:
            workflow.run(action, letter, request.user, comment)
            messages.success(request, f"已{workflow.TRANSITIONS[action][0]}。")
    except (ValidationError, workflow.TransitionNotAllowed) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    except PermissionDenied as error:
        messages.error(request, str(error) or "您没有权限执行这个操作。")
    if letter.pk and Letter.objects.for_user(request.user).filter(pk=letter.pk).exists():
        return redirect("workspace:letter", pk=letter.pk)
    return redirect("workspace:letters")


@letters_staff
def letter_export(request):
    """CSV of the letters one may see; names and phones only for those allowed to see them."""
    if not request.user.has_perm("letters.export_letter"):
        raise PermissionDenied("您没有导出留言的权限。")
    with_contact = request.user.has_perm("letters.view_letter_contact")
    calendar = Calendar()
    out = io.StringIO()
    writer = csv.writer(out)
    header = [
        "查询码后四位",
        "类型",
        "标题",
        "涉及乡镇",
        "状态",
        "受理日期",
        "答复日期",
        "答复单位",
        "用时（工作日）",
        "同意公开",
    ]
    writer.writerow(header + (["姓名", "联系电话"] if with_contact else []))
    for letter in Letter.objects.for_user(request.user).select_related("township").order_by("received_at"):
        row = [
            letter.query_code[-4:],
            letter.get_kind_display(),
            letter.subject,
            letter.unit_name,
            letter.get_status_display(),
            f"{timezone.localtime(letter.received_at):%Y-%m-%d}",
            f"{timezone.localtime(letter.answered_at):%Y-%m-%d}" if letter.answered_at else "",
            letter.answer_unit,
            calendar.days_taken(letter) if letter.answered_at else "",
            "是" if letter.publish_consent else "否",
        ]
        writer.writerow(row + ([letter.name, letter.phone] if with_contact else []))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''letters.csv"
    return response
