"""
Demo work reports: two years of half-year and annual reports for every township, with realistic
submission times (most on time, some late, one missing), reported figures and a few adoptions,
so the 报送情况 table and the county dashboard show real contrasts.

Report text is assembled from each township's own practices and figures plus the team's own
stock phrasing for problems and measures.
"""

import datetime
import random

from django.utils import timezone
from django.utils.html import escape

from articles.models import Article, AuditEntry, Column
from reports.models import Adoption, Outlet, ReportPeriod, WorkReport
from townships.models import Figure

ZONE = timezone.get_default_timezone()

# (year, span, number, deadline "YYYY-MM-DD HH:MM" Asia/Shanghai)
PERIODS = [
    (2024, "half", 1, "2024-07-10 18:00"),
    (2024, "year", 1, "2025-01-15 18:00"),
    (2025, "half", 1, "2025-07-10 18:00"),
    (2025, "year", 1, "2026-01-15 18:00"),
    (2026, "half", 1, "2026-07-10 18:00"),
    (2026, "year", 1, "2027-01-15 18:00"),
]

# Hours before (negative: after) the deadline each township first submitted, per period index.
# None = never submitted (the missing report). The last period is still open.
TIMING = {
    "chengguan": [96, 120, 72, 150, 48],
    "yuanmen": [30, 6, 54, 26, 12],
    "shiqiao": [200, -20, 80, 100, 60],
    "liulin": [-52, 40, -30, 8, -75],
    "qingquan": [70, 90, 2, 64, 30],
    "mafang": [18, 44, -8, 20, 96],
    "hewan": [120, 12, 36, None, 20],
}

PROBLEMS = [
    "部分村党组织书记年龄偏大，带头致富和推动发展的能力有待提升，后备力量储备不足。",
    "党员教育管理方式还比较传统，对外出务工党员的联系和管理存在薄弱环节。",
    "村级集体经济收入来源单一，发展后劲不足，个别村对上级项目资金依赖较大。",
    "“党建+”工作在部分村还停留在挂牌、建台账层面，与产业发展、基层治理结合不够紧密。",
    "基层党建信息报送数量不均衡，个别村（社区）报送意识不强、报送质量不高。",
]
MEASURES = [
    "实施村级后备力量培育计划，每村储备2至3名35岁以下后备干部，开展结对帮带和实践锻炼。",
    "建立流动党员“线上党支部”，通过微信群定期推送学习内容、收集思想动态，确保管理不断线。",
    "因村制宜发展特色产业、物业经济和服务创收，力争村集体经济收入全部达到10万元以上。",
    "推动“党建+”与中心工作深度融合，每季度开展一次观摩交流，推广可复制的经验做法。",
    "把信息报送纳入村（社区）党组织书记述职评议内容，每月通报报送和采用情况。",
    "严格落实“三会一课”、主题党日等制度，每季度开展一次党支部规范化建设督查。",
]


def aware(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text), ZONE)


def report_body(township, period, rng):
    """一、主要工作及成效 / 二、存在问题 / 三、下一步工作措施, written from the township's own data."""
    practices = list(township.practices.select_related("initiative").prefetch_related("figures"))
    html = ["<h2>一、主要工作及成效</h2>"]
    html.append(
        f"<p>{period.title}，{township.name}党委坚持以党建引领各项工作，全{township.kind}{township.party_branch_count}个"
        f"党组织、{township.party_member_count}名党员围绕中心、服务大局，基层党建工作取得新进展。</p>"
    )
    for index, practice in enumerate(practices[:3]):
        figures = "，".join(f"{f.label}{f.display_value}{f.unit}" for f in list(practice.figures.all())[:3])
        html.append(f"<h3>（{'一二三'[index]}）深化{escape(practice.initiative.name)}</h3>")
        html.append(f"<p>{escape(practice.summary)}{'截至目前，' + escape(figures) + '。' if figures else ''}</p>")
    html.append("<h2>二、存在问题</h2>")
    html += [f"<p>{escape(p)}</p>" for p in rng.sample(PROBLEMS, 2)]
    html.append("<h2>三、下一步工作措施</h2>")
    html += [f"<p>（{'一二三'[i]}）{escape(m)}</p>" for i, m in enumerate(rng.sample(MEASURES, 3))]
    return "".join(html)


def load(people, townships, column):
    """Create the periods, the demo townships' missing reports with their review trail, figures'
    sources and adoptions (idempotent). `townships` maps the demo's slugs to their townships."""
    from reports.defaults import install

    install()
    rng = random.Random(20260101)  # noqa: S311 - demo text choice, not security
    periods = []
    for year, span, number, deadline in PERIODS:
        period, _ = ReportPeriod.objects.get_or_create(
            year=year, span=span, number=number, defaults={"deadline": aware(deadline)}
        )
        periods.append(period)
    county = people["county_reviewer"]
    created = 0
    for slug, township in townships.items():
        for index, period in enumerate(periods[:-1]):
            hours = TIMING.get(slug, [48] * 5)[index]
            if hours is None:
                continue  # the one report that never came
            if WorkReport.objects.filter(township=township, period=period).exists():
                continue
            title = f"{township.name}{period.title}党建工作总结"
            orphan = Article.objects.filter(title=title, column=column, township=township, work_report__isnull=True)
            if article := orphan.first():  # its report row was lost: attach it again, do not write it twice
                WorkReport.objects.create(article=article, township=township, period=period)
                created += 1
                continue
            submitted_at = period.deadline - datetime.timedelta(hours=hours)
            article = Article(
                title=title,
                column=column,
                township=township,
                source=f"{township.name}党委",
                body=report_body(township, period, rng),
                is_internal=index % 2 == 0,  # half-year reports stay internal, annual ones are published
                status=Article.Status.PUBLISHED,
                published_at=submitted_at + datetime.timedelta(days=3, hours=2),
            )
            article.save()
            article.record_revision(by=None, note="演示数据", action=AuditEntry.Action.CREATED)
            trail = [
                (AuditEntry.Action.SUBMITTED, Article.Status.DRAFT, Article.Status.TOWNSHIP_REVIEW, 0, "通讯员"),
                (
                    AuditEntry.Action.APPROVED,
                    Article.Status.TOWNSHIP_REVIEW,
                    Article.Status.COUNTY_REVIEW,
                    26,
                    "乡镇审核",
                ),
                (AuditEntry.Action.PUBLISHED, Article.Status.COUNTY_REVIEW, Article.Status.PUBLISHED, 74, "县级终审"),
            ]
            for action, before, after, hours_later, role in trail:
                entry = article.log(
                    action,
                    by=county if action == AuditEntry.Action.PUBLISHED else None,
                    from_status=before,
                    to_status=after,
                    actor_name=str(county) if action == AuditEntry.Action.PUBLISHED else f"{township.name}{role}",
                    role=role,
                )
                AuditEntry.objects.filter(pk=entry.pk).update(
                    created_at=submitted_at + datetime.timedelta(hours=hours_later)
                )
            article.audit.filter(action=AuditEntry.Action.CREATED).update(
                created_at=submitted_at - datetime.timedelta(days=2)
            )
            WorkReport.objects.create(article=article, township=township, period=period)
            if period.span == "year" and period.year == 2025:
                Figure.objects.filter(practice__township=township, as_of__year=2025).update(source_article=article)
            created += 1
    load_adoptions(county)
    return created


def load_adoptions(county):
    """Some township news adopted by the county site and by outside media, spread over the months."""
    site_outlet = Outlet.objects.order_by("sort_order").first()
    party_news = Column.objects.filter(slug="party-news").first()
    if site_outlet and party_news and not site_outlet.column_id:
        site_outlet.column = party_news
        site_outlet.save()
    outlets = list(Outlet.objects.order_by("sort_order"))
    township_news = Article.objects.published().filter(township__isnull=False, column__slug="township-news")
    for index, article in enumerate(township_news.order_by("-published_at")[:14]):
        outlet = outlets[0] if index % 3 else outlets[min(len(outlets) - 1, 1 + index % 2)]
        Adoption.objects.get_or_create(
            article=article,
            outlet=outlet,
            defaults={
                "points": outlet.points,
                "adopted_by": county,
                "adopted_at": article.published_at + datetime.timedelta(days=1),
            },
        )
