"""
The national government-website indicators' single-veto rules (单项否决), applied to this site.

Each rule says whether it passes, why, and how many days are left before it fails (a countdown
for the idle-column rules). One failed veto rule fails the site. Dates are Asia/Shanghai days.

Most rules read the database as it is now. Those that read the results of a separate check (links,
tamper, the re-scan of published text) are 「尚未检查」 until that check has run once (CheckRun):
no results is not the same as no problems, so they neither pass nor fail, and the light is amber.
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.db.models import Count, Max, Q
from django.utils import timezone

from articles.models import Article, Column, ContentIssue, published_q, running_q
from letters.services import UNANSWERED_LIMIT_MONTHS, oldest_open
from siteprofile.models import SiteProfile

from .models import CheckRun, LinkCheck, TamperAlert

HOME_LIMIT = 14
NEWS_CLASSES = ("news",)
NOTICE_CLASSES = ("notice", "policy")
STALE_NEWS_VETO = 5
STALE_NOTICE_VETO = 5
NOT_UPDATING_VETO = 10
EMPTY_VETO = 5
HOME_DEAD_LINK_VETO = 5
SOON = 3  # days: amber on the dashboard


@dataclass
class ColumnState:
    name: str
    slug: str
    update_class: str
    limit: int | None
    last_published: datetime.datetime | None
    idle_days: int | None
    published: int

    @property
    def update_class_label(self):
        """动态要闻, 通知公告 …: the column's class as the admin names it (the code for an unknown class)."""
        return (
            Column.UpdateClass(self.update_class).label
            if self.update_class in Column.UpdateClass
            else self.update_class
        )

    @property
    def empty(self):
        return self.published == 0

    @property
    def days_left(self):
        if self.limit is None:
            return None
        if self.idle_days is None:
            return 0
        return self.limit - self.idle_days

    @property
    def stale(self):
        return self.limit is not None and (self.empty or self.days_left < 0)


STATE_LABELS = {"pass": "通过", "fail": "不通过", "unchecked": "尚未检查"}
# How to run each separate check (what a 「尚未检查」 rule tells the admin to do).
RUN_HINTS = {
    CheckRun.Check.LINKS: "inspect_site --check-links",
    CheckRun.Check.TAMPER: "inspect_site --check-tamper",
    CheckRun.Check.CONTENT: "inspect_site --check-content",
}


@dataclass
class Rule:
    id: str
    title: str
    passed: bool | None  # None: 尚未检查 (the check it reads has never run)
    detail: str
    days_left: int | None = None
    veto: bool = True
    needs: str | None = None  # the separate check whose results it reads (CheckRun.Check), if any
    checked_at: datetime.datetime | None = None  # when that check last ran; the inspection time for live rules

    @property
    def state(self):
        return "unchecked" if self.passed is None else "pass" if self.passed else "fail"

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


@dataclass
class Inspection:
    rules: list
    columns: list
    checked_at: datetime.datetime
    extra: dict = field(default_factory=dict)

    @property
    def verdict(self):
        """fail when a veto rule fails; a rule not yet checked fails nothing (the light says it is missing)."""
        return "fail" if any(r.passed is False for r in self.rules if r.veto) else "pass"

    @property
    def unchecked(self):
        return [r for r in self.rules if r.passed is None]

    @property
    def light(self):
        """red / amber / green for the county dashboard: green only when every rule was checked and passes."""
        if self.verdict == "fail":
            return "red"
        soon = [r for r in self.rules if r.passed and r.days_left is not None and r.days_left <= SOON]
        return "amber" if soon or not all(r.passed for r in self.rules) else "green"

    @property
    def light_label(self):
        if self.light == "red":
            return "红灯（有单项否决项）"
        if self.light == "amber":
            return "黄灯（尚未完成检查）" if self.unchecked else "黄灯（临近失分）"
        return "绿灯（正常）"

    def as_json(self):
        return {
            "verdict": self.verdict,
            "light": self.light,
            "checked_at": timezone.localtime(self.checked_at).isoformat(timespec="seconds"),
            "unchecked": [r.id for r in self.unchecked],
            "rules": [
                {
                    "id": r.id,
                    "state": r.state,
                    "checked_at": timezone.localtime(r.checked_at).isoformat(timespec="seconds")
                    if r.checked_at
                    else None,
                    "passed": r.passed,
                    "detail": r.detail,
                    "days_left": r.days_left,
                    "title": r.title,
                    "veto": r.veto,
                }
                for r in self.rules
            ],
            "columns": [
                {
                    **asdict(c),
                    "last_published": c.last_published.isoformat() if c.last_published else None,
                    "days_left": c.days_left,
                    "stale": c.stale,
                }
                for c in self.columns
            ],
            **self.extra,
        }


def days_between(earlier, now):
    return (timezone.localdate(now) - timezone.localdate(earlier)).days


def column_states(now):
    """Every column that holds articles itself (leaf columns), with its idle days.

    An external link (外链) is another site's page: no freshness or emptiness of ours to judge. A 单页
    has no idle limit (Column.idle_limit) and counts only when empty; a 专题 is judged by its sub-columns.
    """
    leaves = Column.objects.filter(children__isnull=True).exclude(kind=Column.Kind.LINK)
    columns = leaves.annotate(
        # An ended item (公示期 over) is no longer current content: it does not keep the column fresh.
        last=Max("articles__published_at", filter=running_q("articles__")),
        published=Count("articles", filter=published_q("articles__")),
    )
    return [
        ColumnState(
            name=str(c),
            slug=c.slug,
            update_class=c.update_class,
            limit=c.idle_limit,
            last_published=c.last,
            idle_days=days_between(c.last, now) if c.last else None,
            published=c.published,
        )
        for c in columns
    ]


def countdown(states, veto):
    """Days until `veto` columns are stale, given some already are (0 when the rule already fails)."""
    stale = [s for s in states if s.stale]
    if len(stale) >= veto:
        return 0
    waiting = sorted(s.days_left for s in states if not s.stale and s.days_left is not None)
    needed = veto - len(stale)
    return waiting[needed - 1] + 1 if len(waiting) >= needed else None


def idle_rule(rule_id, title, states, veto, limit_text):
    stale = [s for s in states if s.stale]
    names = "、".join(s.name for s in stale) or "无"
    return Rule(
        rule_id,
        title,
        len(stale) < veto,
        f"{limit_text}的栏目 {len(stale)} 个（达到 {veto} 个即单项否决）：{names}",
        countdown(states, veto),
    )


@dataclass
class Context:
    """What every rule may read: the time of the inspection and the columns' states at that time."""

    now: datetime.datetime
    columns: list


# The rules in the order the dashboard shows them; `@rule` adds one (as django.core.checks.register does),
# `@rule(needs=CheckRun.Check.LINKS)` one that reads a separate check's results.
RULES = []


def rule(func=None, *, needs=None):
    def register(func):
        func.needs = needs
        RULES.append(func)
        return func

    return register(func) if func else register


def inspect(now=None):
    now = now or timezone.now()
    context = Context(now=now, columns=column_states(now))
    runs = CheckRun.last_runs()
    results = []
    for check in RULES:
        result = check(context)
        result.needs, result.checked_at = check.needs, now
        if check.needs:
            result.checked_at = runs.get(check.needs)
            if result.checked_at is None:
                name = CheckRun.Check(check.needs).label
                result.passed, result.days_left = None, None
                result.detail = f"尚未检查：{name}还没有运行过（请运行 {RUN_HINTS[check.needs]}，或等待每日自动检查）"
        results.append(result)
    return Inspection(rules=results, columns=context.columns, checked_at=now)


@rule
def home_updated(context):
    home = [c.pk for c in Column.objects.filter(show_on_home=True)]
    latest = (
        Article.objects.running()
        .filter(Q(column__in=home) | Q(column__parent__in=home))
        .aggregate(last=Max("published_at"))["last"]
    )
    idle = days_between(latest, context.now) if latest else None
    return Rule(
        "home_updated",
        "首页栏目信息2周内有更新",
        idle is not None and idle <= HOME_LIMIT,
        f"首页最近一次更新：{timezone.localtime(latest):%Y-%m-%d}（{idle} 天前）" if latest else "首页栏目没有任何信息",
        HOME_LIMIT - idle if idle is not None else 0,
    )


@rule
def news_columns(context):
    news = [s for s in context.columns if s.update_class in NEWS_CLASSES]
    return idle_rule("news_columns", "动态、要闻类栏目2周内有更新", news, STALE_NEWS_VETO, "超过2周未更新")


@rule
def notice_columns(context):
    notices = [s for s in context.columns if s.update_class in NOTICE_CLASSES]
    return idle_rule(
        "notice_columns", "通知公告、政策文件类栏目6个月内有更新", notices, STALE_NOTICE_VETO, "超过6个月未更新"
    )


@rule
def columns_updating(context):
    updating = [s for s in context.columns if s.limit is not None]
    return idle_rule("columns_updating", "应更新栏目均按时更新", updating, NOT_UPDATING_VETO, "应更新而未更新")


@rule
def empty_columns(context):
    empty = [s for s in context.columns if s.empty]
    return Rule(
        "empty_columns",
        "空白栏目少于5个",
        len(empty) < EMPTY_VETO,
        f"空白栏目 {len(empty)} 个：{'、'.join(s.name for s in empty) or '无'}",
    )


@rule
def dated_items(context):
    undated = Article.objects.published().filter(published_at__isnull=True).count()
    return Rule("dated_items", "所有信息均有发布时间", undated == 0, f"缺少发布时间的已发布信息 {undated} 条")


@rule(needs=CheckRun.Check.LINKS)
def home_links(context):
    dead_home = LinkCheck.objects.filter(ok=False, on_home=True).count()
    return Rule(
        "home_links",
        "首页链接可用",
        dead_home < HOME_DEAD_LINK_VETO,
        f"首页不可用链接 {dead_home} 个",
    )


@rule(needs=CheckRun.Check.LINKS)
def dead_links(context):
    dead = LinkCheck.objects.filter(ok=False).count()
    return Rule("dead_links", "全站链接可用", dead == 0, f"不可用链接共 {dead} 个", veto=False)


@rule(needs=CheckRun.Check.CONTENT)
def content_errors(context):
    serious = ContentIssue.objects.filter(published_q("article__"), kind__in=["placeholder", "sensitive"])
    other = ContentIssue.objects.filter(published_q("article__")).exclude(kind__in=["placeholder", "sensitive"])
    return Rule(
        "content_errors",
        "已发布信息无严重表述错误",
        not serious.exists(),
        f"占位符、错敏词等严重问题 {serious.count()} 处；其他内容检查提示 {other.count()} 处",
    )


@rule
def footer_ids(context):
    profile = SiteProfile.current()
    missing = [
        label
        for label, value in [
            ("网站标识码", profile.website_code),
            ("ICP备案号", profile.icp_number),
            ("公安备案号", profile.police_record_number),
            ("党政机关标识", profile.government_mark_url),
        ]
        if not value
    ]
    return Rule(
        "footer_ids",
        "页脚标识齐全",
        not missing,
        "缺少：" + "、".join(missing) if missing else "网站标识码、ICP备案号、公安备案号、党政机关标识齐全",
    )


@rule(needs=CheckRun.Check.TAMPER)
def tamper(context):
    alerts = TamperAlert.objects.filter(resolved=False).count()
    return Rule("tamper", "页面与审定内容一致", alerts == 0, f"未处理的篡改告警 {alerts} 条")


@rule
def letters_answered(context):
    """19号: the message channel works, and no letter has waited over 3 months (its last day still passes)."""
    profile = SiteProfile.current()
    oldest = oldest_open(context.now)
    if not profile.letters_open:
        return Rule(
            "letters_answered",
            "互动交流渠道可用、留言3个月内答复",
            False,
            f"{profile.letters_name}已关闭，不能提交留言",
            0,
        )
    if oldest is None:
        return Rule(
            "letters_answered", "互动交流渠道可用、留言3个月内答复", True, f"{profile.letters_name}没有待答复的留言"
        )
    late = oldest.days_to_limit < 0
    return Rule(
        "letters_answered",
        "互动交流渠道可用、留言3个月内答复",
        not late,
        f"最早的待答复留言“{oldest.subject}”{timezone.localtime(oldest.received_at):%Y-%m-%d}收到"
        f"（超过{UNANSWERED_LIMIT_MONTHS}个月未答复即单项否决，期限 {oldest.limit_date:%Y-%m-%d}）",
        max(oldest.days_to_limit, 0),
    )


def annual_figures(year):
    """年度工作报表: items published per column in `year` (what a county must post each January)."""
    zone = timezone.get_default_timezone()
    start = timezone.make_aware(datetime.datetime(year, 1, 1), zone)
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1), zone)
    rows = (
        Article.objects.published()
        .filter(published_at__gte=start, published_at__lt=end)
        .values("column__name", "column__parent__name")
        .annotate(items=Count("id"))
        .order_by("column__parent__name", "column__name")
    )
    return [
        {
            "column": f"{r['column__parent__name']} › {r['column__name']}"
            if r["column__parent__name"]
            else r["column__name"],
            "items": r["items"],
        }
        for r in rows
    ]
