"""导入跳转: CSV files as old Chinese CMSs export them, checked row by row, written all at once or not at all."""

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import CommandError, call_command

from oldlinks import importing, rules
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CSV = "旧网址,新网址\r\nhttp://www.yxdj.gov.cn/news/show.asp?id=12,/columns/township-news/\r\n/新闻/通知.html,/columns/news/\r\n"


def stored():
    return dict(Redirect.objects.values_list("old_path", "new_path"))


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8（带 BOM）"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("gbk", "GBK"),
    ],
)
def test_each_encoding_old_cmss_export(county, add_articles, encoding, name):
    add_articles(4)
    data = CSV.encode(encoding)
    if encoding == "utf-16":
        data = CSV.replace(",", "\t").encode(encoding)  # Excel's 「Unicode 文本」: UTF-16 with tabs
    report = importing.import_csv(data)
    assert report.applied and report.encoding == name
    assert [row.outcome for row in report.rows] == ["跳过", "新增", "新增"]
    assert stored() == {"/news/show.asp?id=12": "/columns/township-news/", "/新闻/通知.html": "/columns/news/"}


def test_old_addresses_are_normalised():
    assert rules.key("http://old.gov.cn/News/show.asp?id=5&c=2") == "/News/show.asp?c=2&id=5"
    assert rules.key("/%D0%C2%CE%C5/") == "/新闻"  # GBK bytes, percent-encoded
    assert rules.key("/%E6%96%B0%E9%97%BB/") == "/新闻"  # the same in UTF-8
    assert rules.key("https://x.cn") == "/"
    for bad in ("mailto:a@b.cn", "javascript:void(0)", "news/1.html", "旧网址", "ftp://x.cn/a"):
        with pytest.raises(rules.NotAPath):
            rules.key(bad)


def test_bad_rows_are_reported_and_nothing_is_written(county, add_articles, write):
    add_articles(4)
    Redirect.objects.create(site_id=1, old_path="/b.asp", new_path="/a.asp")
    rows = [
        "/ok.asp,/columns/news/",
        "",
        "mailto:x@y.cn,/columns/news/",
        "/a.asp,/b.asp",  # /b.asp already leads to /a.asp: a loop
        "/gone.asp,/articles/999999/",
        "/missing-target.asp,",
        "/" + "x" * 250 + ",/columns/news/",
        "/ok.asp,/columns/news/",  # the same again: harmless
        "/ok.asp,/townships/",  # the same old address, another target
    ]
    with pytest.raises(CommandError) as failure:
        call_command("import_redirects", write("\n".join(rows)))
    assert "没有导入任何跳转" in str(failure.value) and "6 行有误" in str(failure.value)
    report = importing.import_csv("\n".join(rows).encode())
    assert not report.applied
    outcomes = [(row.line, row.outcome, row.reason) for row in report.rows]
    assert outcomes[0][:2] == (1, "新增") and outcomes[1] == (2, "跳过", "空行")
    assert outcomes[2][1] == "有误" and "不是网址路径" in outcomes[2][2]
    assert outcomes[3][1:] == ("有误", "循环跳转：新网址最终又跳回旧网址")
    assert outcomes[4][1:] == ("有误", "新网址在本站打不开（404）")
    assert outcomes[5][1:] == ("有误", "缺少新网址")
    assert outcomes[6][1] == "有误" and "太长" in outcomes[6][2]
    assert outcomes[7][1:] == ("跳过", "与第 1 行重复")
    assert outcomes[8][1:] == ("有误", "与第 1 行重复，但新网址不同")
    assert stored() == {"/b.asp": "/a.asp"}  # nothing of the batch

    report = importing.import_csv("\n".join(rows).encode(), skip_bad=True)
    assert report.applied and stored() == {"/b.asp": "/a.asp", "/ok.asp": "/columns/news/"}
    assert all(row.reason.endswith("（已跳过）") for row in report.errors)


def test_updates_unchanged_and_slash_added_to_the_target(county, add_articles):
    add_articles(4)
    Redirect.objects.create(site_id=1, old_path="/a.asp", new_path="/townships/")
    Redirect.objects.create(site_id=1, old_path="/b.asp", new_path="/columns/news/")
    report = importing.import_csv(b"/a.asp,/columns/news\n/b.asp,/columns/news/\n/columns/news/,/townships/\n")
    assert [(r.outcome, r.reason) for r in report.rows] == [
        ("更新", "原来跳到 /townships/"),
        ("未变", "已有相同的跳转"),
        ("跳过", "旧网址在本站是正常页面，跳转不会起作用"),
    ]
    assert stored() == {"/a.asp": "/columns/news/", "/b.asp": "/columns/news/"}


def test_unreadable_files_say_why(db):
    for data, message in [
        (b"", "文件是空的"),
        (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "编码"),
        (b"\n\n", "文件是空的"),
        ("旧网址,新网址\n".encode(), "没有可导入的行"),
    ]:
        with pytest.raises(importing.UnreadableFile, match=message):
            importing.import_csv(data)


def test_the_command_prints_the_report(county, capsys, write):
    article = ArticleFactory(published=True, column=county.township_news)
    call_command("import_redirects", write(f"/show.asp?id=1,{article.get_absolute_url()}\n", "gbk"))
    out = capsys.readouterr().out
    assert "文件编码：UTF-8" in out and "第 1 行\t新增" in out and "已导入" in out


@pytest.fixture
def write(tmp_path):
    def write(text, encoding="utf-8"):
        path = tmp_path / "old-links.csv"
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write


def test_a_withdrawn_article_is_no_target(county, people, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.submit(by=people.editor, confidentiality_confirmed=True)
        draft.approve(by=people.township_reviewer)
        draft.publish(by=people.county_reviewer)
        draft.withdraw(by=people.county_reviewer, reason="内容有误")
    report = importing.import_csv(f"/show.asp?id=1,{draft.get_absolute_url()}\n".encode())
    assert [(r.outcome, r.reason) for r in report.rows] == [("有误", "新网址在本站打不开（410）")]
    assert not report.applied and not Redirect.objects.exists()
