"""What people do with reports and assessments: start a report, adopt an item, attach a figure."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.html import escape

from articles import workflow
from articles.models import Article, AuditEntry, Column
from townships.models import Figure, Practice

from .models import Adoption, ReportedFigure, ReportTemplate, WorkReport


def report_column():
    column = Column.objects.filter(update_class=Column.UpdateClass.REPORT).order_by("sort_order").first()
    if column is None:
        raise ValidationError("还没有“工作报告”类的栏目，请管理员先在栏目管理中添加。")
    return column


def body_from_import(result, template):
    """Pour imported paragraphs into the template's sections: a paragraph that names a section starts it."""
    titles = {title.split("、", 1)[-1]: title for title in template.section_titles}
    html = []
    for paragraph in result.paragraphs:
        key = paragraph.split("、", 1)[-1].strip("：: ")
        if key in titles or paragraph in template.section_titles:
            html.append(f"<h2>{escape(titles.get(key, paragraph))}</h2>")
        elif (
            paragraph.startswith(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）")) and len(paragraph) <= 30
        ):
            html.append(f"<h3>{escape(paragraph)}</h3>")
        else:
            html.append(f"<p>{escape(paragraph)}</p>")
    return "".join(html)


@transaction.atomic
def start_report(*, township, period, kind, by, internal=True, imported=None):
    """Create the report's article (in the 工作报告 column, from the template) and the report record."""
    if WorkReport.objects.filter(township=township, period=period, kind=kind).exists():
        raise ValidationError(f"{township}{period}的{WorkReport.Kind(kind).label}已经存在。")
    template = ReportTemplate.objects.default()
    body = body_from_import(imported, template) if imported and imported.paragraphs else template.blank_body()
    article = Article(
        title=f"{township.name}{period.title}{WorkReport.Kind(kind).label}",
        column=report_column(),
        township=township,
        source=f"{township.name}党委",
        body=body,
        is_internal=internal,
    )
    article.save_revision(by=by, note="新建工作报告" + (f"（导入自 {imported.path}）" if imported else ""))
    return WorkReport.objects.create(article=article, township=township, period=period, kind=kind, template=template)


@transaction.atomic
def adopt(article, outlet, *, by, note=""):
    """采用: record the points; for the county site, republish the item in the outlet's column (转载)."""
    if not by.has_perm("reports.add_adoption"):
        raise PermissionDenied("只有县级审核人员可以采用稿件。")
    # Lock the original: two reviewers adopting it at the same moment queue here, and the second
    # then finds the first one's adoption instead of failing on the unique constraint.
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not article.is_public or article.township_id is None:
        raise ValidationError("只能采用已发布的乡镇稿件。")
    already = f"这篇稿件已经被“{outlet.name}”采用过。"
    if Adoption.objects.filter(article=article, outlet=outlet).exists():
        raise ValidationError(already)
    copy = article.republish(column=outlet.column, by=by) if outlet.column_id else None
    try:
        with transaction.atomic():
            return Adoption.objects.create(
                article=article, outlet=outlet, points=outlet.points, copy=copy, adopted_by=by, note=note
            )
    except IntegrityError as error:  # a writer the lock did not queue (e.g. the row was adopted elsewhere)
        raise ValidationError(already) from error


def attach_figure(article, *, initiative, label, value, unit, as_of, by):
    """A figure reported in an article or report: it follows the item's review.

    Reported while the item is being written or reviewed, it waits (ReportedFigure) and goes public
    only when the item is published; a reviewer who may correct the live item sets it at once.
    Returns the Figure or the ReportedFigure.
    """
    if article.township_id is None:
        raise ValidationError("县级稿件没有所属乡镇，不能登记乡镇数据。")
    if not workflow.can_edit(article, by):
        raise ValidationError(f"“{article.get_status_display()}”状态的稿件您不能再登记数据，请联系审核人员。")
    with transaction.atomic():
        if article.status == Article.Status.PUBLISHED:
            figure = _publish_figure(article, initiative, label=label, value=value, unit=unit, as_of=as_of)
            comment = f"登记数据：{figure}（{initiative.name}，截至{as_of}），随已发布稿件公开"
        else:
            figure, _ = ReportedFigure.objects.update_or_create(
                article=article,
                initiative=initiative,
                label=label,
                as_of=as_of,
                defaults={"value": value, "unit": unit, "reported_by": by},
            )
            comment = f"登记数据：{figure}（{initiative.name}，截至{as_of}），稿件发布后公开"
        article.log(AuditEntry.Action.EDITED, by=by, comment=comment)
    return figure


def _publish_figure(article, initiative, **data):
    """Make a reviewed figure public: it joins (or updates) its township's practice of the initiative."""
    practice, _ = Practice.objects.get_or_create(
        township_id=article.township_id,
        initiative=initiative,
        defaults={"summary": f"据《{article.title}》报送。", "started_on": data["as_of"]},
    )
    figure, _ = Figure.objects.update_or_create(
        practice=practice,
        label=data["label"],
        as_of=data["as_of"],
        defaults={"value": data["value"], "unit": data["unit"], "source_article": article},
    )
    return figure


def publish_reported_figures(article):
    """The item was published: its waiting figures become the township's figures (called on article_changed)."""
    if article.status != Article.Status.PUBLISHED or article.township_id is None:
        return []
    with transaction.atomic():
        waiting = list(
            ReportedFigure.objects.select_for_update().filter(article_id=article.pk).select_related("initiative")
        )
        published = [
            _publish_figure(
                article,
                reported.initiative,
                label=reported.label,
                value=reported.value,
                unit=reported.unit,
                as_of=reported.as_of,
            )
            for reported in waiting
        ]
        ReportedFigure.objects.filter(pk__in=[r.pk for r in waiting]).delete()
    return published
