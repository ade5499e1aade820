"""
The county dashboard's numbers: township reporting (信息报送) per month, quarter or year.

Every figure comes from grouped queries (a handful per table, whatever the number of townships
or articles): submissions, returns and publications from the audit trail, points from adoptions.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from articles.models import Article, AuditEntry
from townships.models import Initiative, Township, figure_series

from .models import Adoption

PERIOD = re.compile(r"^(?P<year>20\d{2})(?:-(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4])))?$")


@dataclass(frozen=True)
class Span:
    """A calendar span in Asia/Shanghai: a month (2025-11), a quarter (2025-Q4) or a year (2025)."""

    key: str
    label: str
    start: datetime.datetime
    end: datetime.datetime  # exclusive

    @classmethod
    def parse(cls, key, today=None):
        today = today or timezone.localdate()
        match = PERIOD.match(key or "")
        if not match:
            return cls.month(today.year, today.month)
        year = int(match["year"])
        if match["month"]:
            return cls.month(year, int(match["month"]))
        if match["quarter"]:
            quarter = int(match["quarter"])
            return cls._make(f"{year}-Q{quarter}", f"{year}年第{'一二三四'[quarter - 1]}季度", year, 3 * quarter - 2, 3)
        return cls._make(str(year), f"{year}年", year, 1, 12)

    @classmethod
    def month(cls, year, month):
        return cls._make(f"{year}-{month:02d}", f"{year}年{month}月", year, month, 1)

    @classmethod
    def _make(cls, key, label, year, first_month, months):
        start = datetime.datetime(year, first_month, 1)
        last = first_month + months
        end = datetime.datetime(year + (last - 1) // 12, (last - 1) % 12 + 1, 1)
        zone = timezone.get_default_timezone()
        return cls(key, label, timezone.make_aware(start, zone), timezone.make_aware(end, zone))


def recent_spans(today=None, months=12):
    today = today or timezone.localdate()
    spans, year, month = [], today.year, today.month
    for _ in range(months):
        spans.append(Span.month(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    quarter = (today.month - 1) // 3 + 1
    spans += [Span.parse(f"{today.year}-Q{q}") for q in range(quarter, 0, -1)]
    spans += [Span.parse(str(today.year)), Span.parse(str(today.year - 1))]
    return spans


@dataclass
class TownshipStats:
    township: Township
    submitted: int = 0
    returned: int = 0
    published: int = 0
    adopted: int = 0
    points: int = 0
    days_to_publish: list = field(default_factory=list)
    rank: int = 0

    @property
    def average_days(self):
        return round(sum(self.days_to_publish) / len(self.days_to_publish), 1) if self.days_to_publish else None

    @property
    def adoption_rate(self):
        """采用率: adopted items per submitted item; None ("—") when nothing was submitted, never 0 % or 100 %."""
        return self.adopted / self.submitted if self.submitted else None

    @property
    def adoption_rate_text(self):
        """The rate as the page shows it; the Excel sheet shows the same figure (format 0.0%)."""
        return "—" if self.adoption_rate is None else f"{self.adoption_rate * 100:.1f}%"

    @property
    def zero(self):
        """零报送: nothing submitted, published or adopted in the span (a township with 5 分 has reported)."""
        return not (self.submitted or self.published or self.adopted or self.points)


def township_stats(span):
    """The one computation behind the dashboard's table and its Excel export. Per township: articles
    submitted, returns, published, average days from submission to publication, adopted items, 信息报送
    points and 采用率, ranked by points (then by what was published)."""
    stats = {t.pk: TownshipStats(t) for t in Township.objects.all()}
    in_span = Q(created_at__gte=span.start, created_at__lt=span.end, article__township__isnull=False)
    moves = (
        AuditEntry.objects.filter(in_span)
        .values("article__township_id")
        .annotate(
            # 报送篇数: articles submitted (a resubmission after a return is the same article).
            submitted=Count("article", distinct=True, filter=Q(action=AuditEntry.Action.SUBMITTED)),
            returned=Count("id", filter=Q(action=AuditEntry.Action.RETURNED)),
            published=Count(
                "id", filter=Q(action__in=[AuditEntry.Action.PUBLISHED, AuditEntry.Action.FORCE_PUBLISHED])
            ),
        )
    )
    for row in moves:
        entry = stats.get(row["article__township_id"])
        if entry:
            entry.submitted, entry.returned, entry.published = row["submitted"], row["returned"], row["published"]
    first_submit = Subquery(
        AuditEntry.objects.filter(article=OuterRef("pk"), action=AuditEntry.Action.SUBMITTED)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    published = (
        Article.objects.filter(published_at__gte=span.start, published_at__lt=span.end, township__isnull=False)
        .annotate(first_submit=first_submit)
        .values_list("township_id", "published_at", "first_submit")
    )
    for township_id, published_at, submitted_at in published:
        if submitted_at and township_id in stats:
            stats[township_id].days_to_publish.append((published_at - submitted_at).total_seconds() / 86400)
    adoptions = (
        Adoption.objects.filter(adopted_at__gte=span.start, adopted_at__lt=span.end)
        .values("article__township_id")
        .annotate(adopted=Count("article", distinct=True), points=Sum("points"))
    )
    for row in adoptions:
        entry = stats.get(row["article__township_id"])
        if entry:
            entry.adopted, entry.points = row["adopted"], row["points"] or 0
    ranked = sorted(stats.values(), key=lambda s: (-s.points, -s.published, -s.submitted, s.township.sort_order))
    for position, entry in enumerate(ranked, start=1):
        entry.rank = position
    return ranked


def zero_reporters(stats):
    """零报送 (TownshipStats.zero), for the dashboard and its Excel sheet alike."""
    return [s.township for s in stats if s.zero]


def initiative_overview():
    """Per 党建+ initiative: the townships practising it and their latest figures (two queries)."""
    from django.db.models import Prefetch

    from townships.models import Figure, Practice

    practices = Practice.objects.select_related("township").prefetch_related(
        Prefetch("figures", queryset=Figure.objects.order_by("id"))
    )
    initiatives = list(Initiative.objects.prefetch_related(Prefetch("practices", queryset=practices)))
    for initiative in initiatives:
        for practice in initiative.practices.all():
            practice.series = figure_series(practice.figures.all())
    return initiatives
