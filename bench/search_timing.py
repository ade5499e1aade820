"""
Time Chinese search over a large corpus: 20 queries, each run several times; median and p95 (ms).

    DATABASE_URL=... python bench/search_timing.py [--runs 15]

Run against a database loaded with `manage.py load_corpus` (bench/run.sh loads 10,000 articles).
Prints numbers only; nothing here passes or fails.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangjian.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.search import search_articles  # noqa: E402

QUERIES = [
    "乡村振兴 党建",
    "河长制",
    "人居环境",
    "防汛抗旱",
    "集体经济",
    "网格化 服务",
    "移风易俗",
    "高标准农田",
    "厕所革命",
    "电商服务站",
    "留守老人",
    "扫黑除恶",
    "春耕备耕",
    "冷链物流",
    "志愿服务",
    "乡村旅游",
    "森林防火",
    "饮水安全",
    "村干部 队伍建设",
    "青山镇 防汛",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    total = Article.objects.published().count()
    print(f"## search over {total} published articles on {connection.vendor} ({args.runs} runs per query)\n")
    print("| query | hits | median ms | p95 ms |")
    print("|---|---:|---:|---:|")
    medians, everything = [], []
    for query in QUERIES:
        timings, hits = [], 0
        for _ in range(args.runs):
            started = time.perf_counter()
            results, _ = search_articles(query)
            hits = results.count()
            list(Article.objects.in_bulk(results[0:20]).values())  # the first page, as the view loads it
            timings.append((time.perf_counter() - started) * 1000)
        median, p95 = statistics.median(timings), percentile(timings, 0.95)
        medians.append(median)
        everything += timings
        print(f"| {query} | {hits}{'+' if results.capped else ''} | {median:.1f} | {p95:.1f} |")
    print(
        f"\nall queries: median {statistics.median(everything):.1f} ms, p95 {percentile(everything, 0.95):.1f} ms; "
        f"worst query median {max(medians):.1f} ms"
    )


if __name__ == "__main__":
    main()
