from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import staff_required
from articles import importing, workflow
from articles.access import article_for
from articles.models import Article
from inspection.rules import inspect as inspect_site
from letters.services import oldest_open
from townships.models import Figure

from . import dashboard, exports, services
from .charts import bar_chart
from .forms import AdoptForm, FigureForm, NewReportForm
from .models import ReportPeriod, WorkReport
from .submission import submission_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def county_only(view):
    @staff_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("reports.view_dashboard"):
            raise PermissionDenied("考核看板仅供县级审核人员和管理员查看。")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


@county_only
def dashboard_view(request):
    span = dashboard.Span.parse(request.GET.get("period", ""))
    stats = dashboard.township_stats(span)
    periods = list(ReportPeriod.objects.all())
    period = _chosen_period(request, periods)
    rows = submission_table(period) if period else []
    return render(
        request,
        "reports/dashboard.html",
        {
            "span": span,
            "spans": dashboard.recent_spans(),
            "stats": stats,
            "zero": dashboard.zero_reporters(stats),
            "chart": bar_chart(
                [(s.township.name, s.points) for s in stats], title=f"{span.label}信息报送得分", unit="分"
            ),
            "periods": periods,
            "period": period,
            "rows": rows,
            "initiatives": dashboard.initiative_overview(),
            "inspection": inspect_site(),
            "oldest_letter": oldest_open(),
            "tab": "dashboard",
        },
    )


def _chosen_period(request, periods):
    wanted = request.GET.get("report_period", "")
    chosen = next((p for p in periods if str(p.pk) == wanted), None)
    if chosen is None:  # the latest period whose deadline has passed, else the next one
        now = timezone.now()
        chosen = next((p for p in periods if p.deadline <= now), periods[0] if periods else None)
    return chosen


@county_only
def export(request, table):
    span = dashboard.Span.parse(request.GET.get("period", ""))
    if table == "townships":
        data, name = exports.township_stats_workbook(span, dashboard.township_stats(span)), f"信息报送统计-{span.key}"
    elif table == "submissions":
        period = _chosen_period(request, list(ReportPeriod.objects.all()))
        if period is None:
            raise Http404("还没有报告周期")
        data, name = exports.submission_workbook(period, submission_table(period)), f"报送情况-{period.title}"
    elif table == "initiatives":
        data, name = exports.initiatives_workbook(dashboard.initiative_overview()), "党建+数据"
    else:
        raise Http404("没有这张表")
    response = HttpResponse(data, content_type=XLSX)
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.xlsx"
    return response


@staff_required
def report_list(request):
    reports = (
        WorkReport.objects.filter(article__in=Article.objects.for_user(request.user))
        .select_related("township", "period", "article")
        .order_by("-period__deadline", "township__sort_order")
    )
    periods = list(ReportPeriod.objects.all())
    period = _chosen_period(request, periods)
    rows = submission_table(period) if period and request.user.has_perm("reports.view_dashboard") else []
    return render(
        request,
        "reports/report_list.html",
        {"reports": reports, "periods": periods, "period": period, "rows": rows, "tab": "reports"},
    )


@staff_required
def report_new(request):
    if not request.user.has_perm("reports.add_workreport"):
        raise PermissionDenied("您没有撰写工作报告的权限。")
    form = NewReportForm(request.POST if request.method == "POST" else None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        imported = None
        if data["file"]:
            imported = importing.import_bytes(data["file"].read(), data["file"].name)
        elif data["text"].strip():
            imported = importing.import_text(data["text"])
        if imported is not None and not imported.readable:
            form.add_error("file", imported.warnings[0].message)
        else:
            try:
                report = services.start_report(
                    township=data["township"],
                    period=data["period"],
                    kind=data["kind"],
                    by=request.user,
                    internal=data["internal"],
                    imported=imported,
                )
            except ValidationError as error:
                form.add_error(None, error.messages[0])
            else:
                messages.success(request, "工作报告已创建，请按章节填写后提交审核。")
                return redirect("workspace:article_edit", report.article.pk)
    return render(request, "reports/report_new.html", {"form": form, "tab": "reports"})


@staff_required
def report_print(request, pk):
    report = get_object_or_404(WorkReport.objects.select_related("township", "period", "article"), pk=pk)
    if not workflow.can_view(report.article, request.user):
        raise Http404("报告不存在")
    figures = Figure.objects.filter(source_article=report.article).select_related("practice__initiative")
    reported = report.article.reported_figures.select_related("initiative")
    return render(
        request,
        "reports/report_print.html",
        {"report": report, "article": report.article, "figures": figures, "reported_figures": reported},
    )


@require_POST
@staff_required
def adopt(request, pk):
    article = article_for(request.user, pk)
    form = AdoptForm(request.POST)
    if form.is_valid():
        try:
            adoption = services.adopt(
                article, form.cleaned_data["outlet"], by=request.user, note=form.cleaned_data["note"]
            )
        except (ValidationError, workflow.TransitionNotAllowed) as error:
            messages.error(request, getattr(error, "messages", [str(error)])[0])
        else:
            messages.success(request, f"已采用：{adoption.outlet.name}，计 {adoption.points} 分。")
    return redirect(article.get_workspace_url())


@require_POST
@staff_required
def add_figure(request, pk):
    article = article_for(request.user, pk)
    if not request.user.has_perm("townships.add_figure") or not workflow.in_scope(article, request.user):
        raise PermissionDenied("您不能为这篇稿件登记数据。")
    form = FigureForm(request.POST)
    if form.is_valid():
        try:
            figure = services.attach_figure(article, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"已登记数据：{figure}")
    else:
        for errors in form.errors.values():
            messages.error(request, "数据未登记：" + "；".join(errors))
    return redirect(article.get_workspace_url())
