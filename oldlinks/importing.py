"""
导入跳转: a CSV of old address → new address pairs from the previous CMS, checked row by row, written all at once.

`read_csv(data)` decodes the bytes (UTF-8 with or without BOM, UTF-16 as Excel's 「Unicode 文本」 saves it, else
GBK/GB18030, as old Chinese CMSs export) and splits the rows (comma, tab or semicolon). `plan(pairs)` checks each
pair and says what would happen to it; `apply(report)` writes the batch in one transaction, and only if no row is
in error, unless the caller asked to skip the rows in error. Either way the report lists every row.

Rows in error: an address that is not a path or http(s) URL, one too long for the table, a redirect that leads
back to itself (directly or through other redirects), a new address on this site that answers 404 or 410, the
same old address twice with different targets. Rows skipped without harm: empty rows, the header, an exact
duplicate, a redirect already stored as it is, an old address that is a working page here (the redirect would
never be used: redirects only answer 404s).
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.redirects.models import Redirect
from django.db import transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve

from . import rules

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20000
MAX_HOPS = 10

ADDRESS_STARTS = ("/", "http://", "https://", "HTTP://", "HTTPS://")

IMPORTED, UPDATED, UNCHANGED, SKIPPED, ERROR = "新增", "更新", "未变", "跳过", "有误"


class UnreadableFile(ValueError):
    """The file as a whole cannot be read: nothing was imported."""


@dataclass
class Row:
    line: int
    old: str
    new: str
    outcome: str = ""
    reason: str = ""
    key: str = ""
    target: str = ""


@dataclass
class Report:
    rows: list = field(default_factory=list)
    encoding: str = ""
    applied: bool = False
    skip_bad: bool = False

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def errors(self):
        return [row for row in self.rows if row.outcome == ERROR]

    @property
    def summary(self):
        counts = "，".join(f"{o} {self.count(o)} 行" for o in (IMPORTED, UPDATED, UNCHANGED, SKIPPED, ERROR))
        if self.applied:
            return f"已导入：{counts}。"
        if self.errors and not self.skip_bad:
            return f"没有导入任何跳转：{len(self.errors)} 行有误，请改正后重新导入（或选择跳过有误的行）。{counts}。"
        return f"未写入（仅检查）：{counts}。"


def decode(data):
    """(text, encoding name) of the file's bytes."""
    if not data.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        raise UnreadableFile("文件是空的。")
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", "UTF-8（带 BOM）")]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", "UTF-16")]
    elif b"\x00" in data[:4000]:
        # UTF-16 without a BOM: ASCII characters leave a zero byte beside them.
        even_zeros = data[0:4000:2].count(0) > data[1:4000:2].count(0)
        candidates = [("utf-16-be" if even_zeros else "utf-16-le", "UTF-16")]
    else:
        candidates = [("utf-8", "UTF-8"), ("gb18030", "GBK")]
    for encoding, name in candidates:
        try:
            return data.decode(encoding), name
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV 文件。")


def read_csv(data):
    """[(line number, old, new)] and the encoding's name; UnreadableFile for a file that is not such a CSV."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"文件太大（超过 {MAX_BYTES // 1024 // 1024} MB），请分成几个文件导入。")
    text, encoding = decode(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise UnreadableFile(f"CSV 格式有误（{error}）。") from error
    if len(rows) > MAX_ROWS:
        raise UnreadableFile(f"行数太多（超过 {MAX_ROWS} 行），请分成几个文件导入。")
    pairs = []
    for line, cells in enumerate(rows, start=1):
        cells = [cell.strip().strip("\ufeff") for cell in cells]
        pairs.append((line, cells[0] if cells else "", cells[1] if len(cells) > 1 else ""))
    return pairs, encoding


def _own_hosts():
    from urllib.parse import urlsplit

    return {urlsplit(settings.SITE_URL).netloc.lower(), *(h.lower() for h in settings.ALLOWED_HOSTS)}


def _local_target(new):
    """The path and query of a target on this site, or None for an address elsewhere."""
    host = rules.host_of(new)
    if host and host not in _own_hosts():
        return None
    path, query = rules.split(new)
    return path + (f"?{query}" if query else "")


class PageChecker:
    """Whether a path of this site answers, rendered as an anonymous reader would get it; remembered per batch."""

    def __init__(self):
        from urllib.parse import urlsplit

        self.factory = RequestFactory(HTTP_HOST=urlsplit(settings.SITE_URL).netloc or "localhost")
        self.seen = {}

    def prefetch(self, paths):
        """Article pages, most of a migration's targets, checked in one query instead of one render each."""
        from articles.models import Article

        articles = {}
        for path in paths:
            try:
                match = resolve(path.split("?", 1)[0])
            except Resolver404:
                continue
            if match.view_name == "articles:article":
                articles[path] = match.kwargs["pk"]
        public = set(Article.objects.published().filter(pk__in=set(articles.values())).values_list("pk", flat=True))
        # Articles not public are rendered: a withdrawn one answers 410, others 404.
        self.seen.update({path: 200 for path, pk in articles.items() if pk in public})

    def status(self, path):
        if path not in self.seen:
            self.seen[path] = self._status(path)
        return self.seen[path]

    def _status(self, path):
        try:
            match = resolve(path.split("?", 1)[0])
        except Resolver404:
            return 404
        request = self.factory.get(path)
        request.user = AnonymousUser()
        request.static_export = True  # a check, not a reader: no view counted, nothing cached
        try:
            response = match.func(request, *match.args, **match.kwargs)
        except Http404:
            return 404
        return response.status_code


def plan(pairs, *, skip_bad=False):
    """What importing these (line, old, new) pairs would do, row by row; writes nothing."""
    report = Report(skip_bad=skip_bad)
    stored = dict(Redirect.objects.filter(site_id=settings.SITE_ID).values_list("old_path", "new_path"))
    checker = PageChecker()
    batch = {}  # key -> row, for duplicates and chains
    header_done = False
    for line, old, new in pairs:
        row = Row(line=line, old=old, new=new)
        report.rows.append(row)
        if not old and not new:
            row.outcome, row.reason = SKIPPED, "空行"
            continue
        if not header_done and not old.startswith(ADDRESS_STARTS) and not new.startswith(ADDRESS_STARTS):
            header_done = True
            row.outcome, row.reason = SKIPPED, "表头"
            continue
        header_done = True
        if not old or not new:
            row.outcome, row.reason = ERROR, "缺少旧网址" if not old else "缺少新网址"
            continue
        try:
            row.key = rules.key(old)
        except rules.NotAPath as error:
            row.outcome, row.reason = ERROR, f"旧网址不是网址路径：{error}"
            continue
        if len(row.key) > rules.MAX_LENGTH:
            row.outcome, row.reason = ERROR, f"旧网址太长（超过 {rules.MAX_LENGTH} 个字符）"
            continue
        try:
            local = _local_target(new)
        except rules.NotAPath as error:
            row.outcome, row.reason = ERROR, f"新网址无效：{error}"
            continue
        row.target = local if local is not None else new.strip()
        if len(row.target) > rules.MAX_LENGTH:
            row.outcome, row.reason = ERROR, f"新网址太长（超过 {rules.MAX_LENGTH} 个字符）"
            continue
        if earlier := batch.get(row.key):
            same = earlier.target == row.target
            row.outcome = SKIPPED if same else ERROR
            row.reason = f"与第 {earlier.line} 行重复" + ("" if same else "，但新网址不同")
            continue
        batch[row.key] = row
    for row in batch.values():  # first: a redirect from a working page would never be used
        path, query = rules.split(row.old)
        if checker.status(path + (f"?{query}" if query else "")) == 200:
            row.outcome, row.reason = SKIPPED, "旧网址在本站是正常页面，跳转不会起作用"
    batch = {key: row for key, row in batch.items() if not row.outcome}
    mapping = {**stored, **{key: row.target for key, row in batch.items()}}
    checker.prefetch({local for row in batch.values() if (local := _local_target(row.target)) is not None})
    for row in batch.values():
        _check(row, mapping, stored, checker)
    return report


def _key_of_local(target):
    """The canonical key of a target on this site, None for one elsewhere."""
    try:
        return rules.key(target) if _local_target(target) is not None else None
    except rules.NotAPath:
        return None


def _check(row, mapping, stored, checker):
    if (local := _local_target(row.target)) is not None:
        status = checker.status(local)
        path, _, query = local.partition("?")
        if status == 404 and not path.endswith("/") and checker.status(path + "/") == 200:
            row.target = mapping[row.key] = path + "/" + (f"?{query}" if query else "")  # as the site writes it
            status = 200
        if status in (404, 410) and _key_of_local(local) not in mapping:
            row.outcome, row.reason = ERROR, f"新网址在本站打不开（{status}）"
            return
    # Through other redirects (stored or in this file), never back to where it started.
    target_key, seen = _key_of_local(row.target), {row.key}
    for _ in range(MAX_HOPS):
        if target_key is None:
            break
        if target_key in seen:
            row.outcome, row.reason = ERROR, "循环跳转：新网址最终又跳回旧网址"
            return
        if target_key not in mapping:
            break
        seen.add(target_key)
        target_key = _key_of_local(mapping[target_key])
    if row.key not in stored:
        row.outcome = IMPORTED
    elif stored[row.key] == row.target:
        row.outcome, row.reason = UNCHANGED, "已有相同的跳转"
    else:
        row.outcome, row.reason = UPDATED, f"原来跳到 {stored[row.key]}"


@transaction.atomic
def apply(report):
    """Write the report's new and changed redirects in one transaction, if it may be; returns the report."""
    if report.errors and not report.skip_bad:
        return report
    rows = [row for row in report.rows if row.outcome in (IMPORTED, UPDATED)]
    existing = {
        r.old_path: r
        for r in Redirect.objects.select_for_update().filter(
            site_id=settings.SITE_ID, old_path__in=[row.key for row in rows if row.outcome == UPDATED]
        )
    }
    changed = []
    for row in rows:
        if row.outcome == UPDATED and (redirect := existing.get(row.key)):
            redirect.new_path = row.target
            changed.append(redirect)
    Redirect.objects.bulk_update(changed, ["new_path"], batch_size=500)
    new = [
        Redirect(site_id=settings.SITE_ID, old_path=row.key, new_path=row.target)
        for row in rows
        if row.outcome == IMPORTED
    ]
    Redirect.objects.bulk_create(new, batch_size=500)
    report.applied = True
    if report.skip_bad:
        for row in report.errors:
            row.reason += "（已跳过）"
    return report


def import_csv(data, *, skip_bad=False, dry_run=False):
    """Read, check and (unless dry_run or a row is in error) write one CSV file; the report."""
    pairs, encoding = read_csv(data)
    report = plan(pairs, skip_bad=skip_bad)
    report.encoding = encoding
    if not any(row.outcome not in (SKIPPED,) for row in report.rows):
        raise UnreadableFile("文件里没有可导入的行：每行应为「旧网址,新网址」。")
    return report if dry_run else apply(report)
