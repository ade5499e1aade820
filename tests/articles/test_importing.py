"""
The importer against the team's own fixture pages (tests/articles/import_fixtures/): each input file
has an expected JSON; fields are compared one by one and no sentence of the article may be lost.
"""

import json
import re
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "import_fixtures"
CASES = sorted(p for p in FIXTURES.glob("*.json"))
FIELDS = ["title", "subtitle", "published_at", "source", "editor", "authors", "original_url", "township", "initiatives"]

SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "path",
            "title",
            "subtitle",
            "published_at",
            "source",
            "editor",
            "authors",
            "original_url",
            "township",
            "initiatives",
            "body_text",
            "body_html",
            "warnings",
            "dropped",
            "origins",
        ],
        "properties": {
            "path": {"type": "string"},
            "title": {"type": "string"},
            "subtitle": {"type": "string"},
            "published_at": {
                "oneOf": [{"type": "null"}, {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"}]
            },
            "source": {"type": "string"},
            "editor": {"type": "string"},
            "authors": {"type": "array", "items": {"type": "string"}},
            "original_url": {"type": "string"},
            "township": {"type": "string"},
            "initiatives": {"type": "array", "items": {"type": "string", "pattern": r"^党建\+\S+$"}},
            "body_text": {"type": "string"},
            "body_html": {"type": "string"},
            "dropped": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["text", "reason", "line"],
                    "properties": {
                        "text": {"type": "string", "minLength": 1},
                        "reason": {"type": "string", "minLength": 1},
                        "line": {"type": "integer", "minimum": 0},
                    },
                },
            },
            "origins": {
                "type": "object",
                "propertyNames": {
                    "enum": ["title", "subtitle", "published_at", "source", "authors", "editor", "township"]
                },
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["text", "reason", "line"],
                    "properties": {
                        "text": {"type": "string"},
                        "reason": {"type": "string", "minLength": 1},
                        "line": {"type": "integer", "minimum": 0},
                    },
                },
            },
            "warnings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["kind", "message", "excerpt"],
                    "properties": {
                        "kind": {"type": "string"},
                        "message": {"type": "string"},
                        "excerpt": {"type": "string"},
                    },
                },
            },
        },
    },
}


def input_for(case):
    expected = json.loads(case.read_text(encoding="utf-8"))
    return FIXTURES / expected["path"], expected


def run_dry(capsys, *paths):
    call_command("import_articles", "--dry-run", "--json", *map(str, paths))
    return json.loads(capsys.readouterr().out)


def sentences(text):
    """Sentences within paragraphs (a heading or a salutation line counts as one)."""
    return [s for s in re.split(r"(?<=[。！？])|\n", text) if s and s.strip()]


@pytest.mark.django_db
def test_there_are_at_least_fifteen_fixture_pages():
    assert len(CASES) >= 15
    assert {p.suffix for p in FIXTURES.iterdir()} >= {".html", ".txt", ".docx", ".json"}


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixture_page_is_imported_field_by_field(capsys, case):
    path, expected = input_for(case)
    [result] = run_dry(capsys, path)
    for name in FIELDS:
        assert result[name] == expected[name], name
    assert {w["kind"] for w in result["warnings"]} == set(expected["warning_kinds"])
    missing = [s for s in sentences(expected["body_text"]) if s not in result["body_text"]]
    assert missing == [], "sentences lost from the body"
    assert result["body_text"] == expected["body_text"]


@pytest.mark.django_db
def test_dry_run_json_matches_the_contract_exactly(capsys):
    paths = [input_for(case)[0] for case in CASES]
    output = run_dry(capsys, *paths)
    jsonschema.validate(output, SCHEMA)
    assert [item["path"] for item in output] == [str(p) for p in paths]  # one object per PATH, in order


@pytest.mark.django_db
def test_one_bad_file_is_reported_and_the_others_go_on(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("远门镇召开党建工作会议\n　　会议总结了全年工作，部署了明年任务。\n", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip file at all")
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 4)
    output = run_dry(capsys, broken, tmp_path / "missing.txt", binary, good, tmp_path / "notes.pdf")
    assert [o["warnings"][0]["kind"] if o["warnings"] else None for o in output] == [
        "unreadable",
        "unreadable",
        "unreadable",
        None,
        "unreadable",
    ]
    assert output[3]["title"] == "远门镇召开党建工作会议"
    jsonschema.validate(output, SCHEMA)


@pytest.mark.django_db
def test_import_without_dry_run_saves_drafts_in_the_workflow(county, tmp_path):
    from articles.models import Article

    page = tmp_path / "report.txt"
    page.write_text(
        "远门镇：党建引领平安建设见实效\n发布时间：2025-03-02 09:21　来源：远门镇党委\n"
        "　　今年以来，远门镇坚持党建+平安建设，建成村级综治中心12处，安装监控点位114个。\n"
        "　　全镇矛盾纠纷调解成功率达到97%。\n",
        encoding="utf-8",
    )
    call_command("import_articles", "--column", "township-news", str(page))
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT and article.published_at is None
    assert article.title == "远门镇：党建引领平安建设见实效"
    assert article.township == county.township and article.source == "远门镇党委"
    assert list(article.initiatives.all()) == [county.initiative]
    assert article.event_date.isoformat() == "2025-03-02"  # the original date, not a backdated 发布时间
    assert article.latest_revision.note.startswith("导入自")


# ---- generalising features found on the real-structure corpus (tests/articles/import_corpus/) ----


def test_an_unlabelled_date_line_above_the_text_gives_the_date_site_and_glued_author():
    from articles.importing import import_text

    result = import_text(
        "石桥镇农家书屋读书会将办第二百期\nwww.yxnews.cn   云溪新闻网  2025-02-05 08:50\n"
        "　　本周五，石桥镇农家书屋将迎来开放第二百期读书会，十多名读者参加座谈。\n"
    )
    assert result.published_at.strftime("%Y-%m-%d %H:%M") == "2025-02-05 08:50"
    assert result.source == "云溪新闻网"
    assert result.body_text.startswith("本周五")
    glued = import_text(
        "支部领办合作社的实践与思考\n2025-03-06 05:59周立新\n"
        "　　清泉镇地处云溪县东部山区，全镇十四个行政村中有九个村集体经济收入曾长期偏低。\n"
    )
    assert glued.authors == ["周立新"] and glued.published_at.day == 6


def test_a_labelled_date_wins_over_an_unlabelled_masthead_date_and_a_closing_date_stays_in_the_text():
    from articles.importing import import_text

    result = import_text(
        "云溪日报 2025年03月14日 星期五\n柳林镇党员亮身份作表率\n发布时间：2025-03-15 08:30　来源：云溪日报\n"
        "　　近日，柳林镇组织全镇二十三个村开展“党员亮身份”活动，一千二百余名党员挂牌上岗。\n"
        "　　中共柳林镇委员会\n　　2025年3月1日\n"
    )
    assert result.published_at.strftime("%Y-%m-%d %H:%M") == "2025-03-15 08:30"
    assert result.body_text.endswith("2025年3月1日")


def test_meta_line_dates_with_two_digit_years_or_before_the_labels_are_read():
    from articles.importing import import_text

    short = import_text(
        "河湾乡农村党员走进示范园学技术\n云溪融媒 25-03-02 09:21\n"
        "　　3月1日，河湾乡组织二十名农村党员走进县农业科技示范园，学习稻渔综合种养技术。\n"
    )
    assert short.published_at.strftime("%Y-%m-%d %H:%M") == "2025-03-02 09:21" and short.source == "云溪融媒"
    first = import_text(
        "城关街道召开红色物业推进会\n2025-03-03 17:42:01 来源：云溪县融媒体中心 | 编辑：何丽\n"
        "　　3月3日，城关街道组织辖区十二个社区党组织书记召开“红色物业”推进会。\n"
    )
    assert first.published_at.strftime("%Y-%m-%d %H:%M") == "2025-03-03 17:42" and first.editor == "何丽"


def test_meta_values_stop_at_an_unknown_label_a_date_mojibake_or_a_cms_user_suffix():
    from articles.importing import parse_meta

    assert parse_meta("发布时间:2025-03-11 来源:云溪发布 发布园区:云溪县工业园")["来源"] == "云溪发布"
    assert parse_meta("来源:柳林镇人大 作者:黄士成 编辑:redcloud 2025-09-26 08:22:25")["编辑"] == "redcloud"
    assert parse_meta("發布時間:2025-01-07 ??来源:柳林镇 ??分享:")["来源"] == "柳林镇"
    assert parse_meta("来源：云溪县融媒体中心 编辑：李军-ty")["编辑"] == "李军"
    assert parse_meta("发布日期：2025/03/10　【来源：城关街道】")["来源"] == "城关街道"


def test_credits_in_brackets_after_paragraphs_supplied_by_notes_and_closing_reporter_lines_become_authors():
    from articles.importing import import_text

    inline = import_text(
        "县委组织部到马坊乡调研基层党建工作\n"
        "　　在马坊乡，调研组走进乡机关党员活动室和村集体经济项目点，了解大棚建设进度。（陈晓燕）\n"
        "　　在石桥镇，调研组听取了镇党委关于“三联三帮”工作开展情况的汇报。（吴志刚） |\n"
    )
    assert inline.authors == ["陈晓燕", "吴志刚"]
    assert inline.body_text.endswith("工作开展情况的汇报。") and "陈晓燕" not in inline.body_text
    supplied = import_text(
        "远门镇开展学雷锋志愿服务活动\n发布时间：2025-03-06来源：远门镇\n"
        "　　志愿者们走进敬老院，为老人打扫卫生、理发、测量血压，陪老人拉家常。（远门镇 王丽 供稿）\n"
    )
    assert supplied.authors == ["王丽"] and supplied.source == "远门镇"
    closing = import_text(
        "石桥镇西沟工业园区党群服务中心投用\n　　3月9日，石桥镇西沟工业园区党群服务中心正式投用，为职工提供服务。\n"
        "本报记者 王强 通讯员 刘芳 报道\n本版责编：陈静\n"
    )
    assert closing.authors == ["王强", "刘芳"] and closing.editor == "陈静"
    assert closing.body_text == "3月9日，石桥镇西沟工业园区党群服务中心正式投用，为职工提供服务。"


def test_a_bracketed_note_that_is_not_a_name_stays_in_the_text():
    from articles.importing import import_text

    result = import_text(
        "清泉镇党建工作综述\n　　清泉镇党委把抓基层打基础作为长远之计，全镇党组织标准化建设全部达标。（未完待续）\n"
    )
    assert result.authors == [] and result.body_text.endswith("（未完待续）")


def test_pasted_text_title_skips_menus_breadcrumbs_banners_and_label_cells_above_it():
    from articles.importing import import_text

    for header in (
        "首页要闻乡镇\n",
        "打开APP，体验更佳\n",
        "您当前所在位置:云溪新闻网>>新闻中心>>正文\n",
        "索引号 |\n主题分类:\n",
    ):
        result = import_text(
            header + "城关街道党员志愿者系列服务活动启动\n"
            "　　昨天上午，由县委组织部主办的党员志愿者系列服务活动在城关街道市民广场启动。\n"
        )
        assert result.title == "城关街道党员志愿者系列服务活动启动", header
        assert result.body_text.startswith("昨天上午")


def test_short_lines_after_the_last_paragraph_are_dropped_but_a_notices_signature_and_date_stay():
    from articles.importing import import_text

    page = import_text(
        "河湾乡农村党员走进示范园学技术\n　　3月1日，河湾乡组织二十名农村党员走进县农业科技示范园，学习种养技术。\n"
        "打开APP 阅读更多精彩内容\n远门镇召开春耕生产动员会\n标签：党员 培训\n云溪融媒\n"
        "ÔÆÏªÏØÈËÃñÕþ¸® | Ê×Ò³\n"
    )
    assert page.body_text == "3月1日，河湾乡组织二十名农村党员走进县农业科技示范园，学习种养技术。"
    notice = import_text(
        "关于开展党员冬训的通知\n各村党组织：\n　　经乡党委研究，决定于一月十日至二月二十八日开展党员冬训，请各村认真组织。\n"
        "　　特此通知。\n　　中共河湾乡委员会\n　　2025年1月6日\n"
    )
    assert notice.body_text.endswith("特此通知。\n中共河湾乡委员会\n2025年1月6日")


def test_a_lead_without_a_credit_is_cut_and_doubled_commas_of_a_broken_converter_are_mended():
    from articles.importing import import_text

    lead = import_text(
        "十名小记者列席柳林镇人代会\n　　云溪新闻网2月5日讯 昨日，柳林镇人代会在镇政府召开，十名小记者受邀列席会议。\n"
    )
    assert lead.body_text == "昨日，柳林镇人代会在镇政府召开，十名小记者受邀列席会议。"
    commas = import_text("马坊乡党员干部踊跃捐款\n　　3月2日,,马坊乡举行捐款仪式,,乡党委书记,、乡长带头捐款。\n")
    assert commas.body_text == "3月2日，马坊乡举行捐款仪式，乡党委书记、乡长带头捐款。"


def test_township_from_a_signature_beats_a_word_ending_in_zhen_and_two_in_the_title_mean_none():
    from articles.importing import import_text

    known = ["石桥镇", "远门镇", "河湾乡", "马坊乡"]
    notice = import_text(
        "关于开展党员冬训的通知\n各村党组织：\n　　培训结束后，各村于三月五日前将培训台账报送镇组织办。\n"
        "　　中共河湾乡委员会\n",
        known_townships=known,
    )
    assert notice.township == "河湾乡"
    both = import_text(
        "县委组织部到马坊乡石桥镇调研基层党建工作\n　　调研组走进乡机关党员活动室和村集体经济项目点，了解大棚建设进度。\n",
        known_townships=known,
    )
    assert both.township == ""


def test_a_metadata_table_copied_cell_by_cell_or_with_tabs_gives_its_date_source_and_headline():
    from articles.importing import import_text

    cells = import_text(
        "索引号 |\nYX-MFX-2025-0012 |\n发布机构 |\n马坊乡人民政府 |\n发布日期 |\n2025-03-04 |\n信息来源 |\n马坊乡纪委 |\n"
        "马坊乡开展村级财务公开专项检查\n马坊乡组织全乡十二个村开展村级财务公开专项检查，重点检查收支明细。\n"
    )
    assert (cells.title, cells.source) == ("马坊乡开展村级财务公开专项检查", "马坊乡纪委")
    assert cells.published_at.strftime("%Y-%m-%d") == "2025-03-04"
    assert cells.body_text == "马坊乡组织全乡十二个村开展村级财务公开专项检查，重点检查收支明细。"
    tabs = import_text(
        "索 引 号\tYX-LLZ-2025-0031\t信息分类\t工作动态\n发布机构\t柳林镇人民政府\t发布日期\t2025/3/2\n"
        "信息来源\t柳林镇党政办\t阅读次数\t356\n标　　题\t柳林镇开展机关干部“民情日”走访活动\n\n"
        "　　为推动党员干部下沉一线，柳林镇组织机关干部每周三到包联村开展“民情日”走访。\n"
    )
    assert (tabs.title, tabs.source) == ("柳林镇开展机关干部“民情日”走访活动", "柳林镇党政办")
    assert tabs.published_at.strftime("%Y-%m-%d") == "2025-03-02"
    assert tabs.body_text.startswith("为推动党员干部下沉一线")
    labels_alone = import_text(
        "石桥镇村级党组织活动阵地管理办法\n主题分类:\n来源:\n石桥镇人民政府\n发布日期:\n2025年02月18日 16:34\n内容概述:\n"
        "石桥镇村级党组织活动阵地管理办法\n为进一步规范村级党组织活动阵地管理，石桥镇党委结合实际制定本办法。\n"
    )
    assert labels_alone.source == "石桥镇人民政府" and labels_alone.published_at.strftime("%H:%M") == "16:34"
    assert labels_alone.body_text == "为进一步规范村级党组织活动阵地管理，石桥镇党委结合实际制定本办法。"


def test_hidden_seo_text_is_not_the_headline_and_an_author_list_under_a_papers_title_is_read(tmp_path):
    from articles.importing import import_file

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>不卡一区二区三区,天天影视综合网,最新午夜福利</title></head><body>"
        '<div style="position:absolute;top:-999px"><h1>不卡一区二区三区,天天影视综合网</h1></div>'
        "<div>柳林镇举办村党支部书记轮训班</div><div>发布时间:2025-01-07 来源:柳林镇</div>"
        "<p>陈伟东、孔娜、张大维</p>"
        "<p>柳林镇组织全镇二十三个村党支部书记开展集中轮训，围绕村级议事规则、集体资产管理等内容逐项讲解。</p>"
        "<p>培训采取专题授课与现场观摩相结合的方式，学员先后走进两个示范村，实地查看党务村务公开栏。</p>"
        "</body></html>",
        encoding="utf-8",
    )
    result = import_file(page)
    assert result.title == "柳林镇举办村党支部书记轮训班"
    assert result.authors == ["陈伟东", "孔娜", "张大维"]
    assert result.body_text.startswith("柳林镇组织全镇") and "不卡" not in result.body_text


def test_a_lead_that_only_repeats_the_headline_and_a_nameless_credit_line_are_not_the_text():
    from articles.importing import import_text

    result = import_text(
        "远门镇：走好共同富裕的每一步\n2025-08-01 10:51 来源: 新华社\n"
        "　　新华社长沙7月31日电 题：远门镇：走好共同富裕的每一步\n　　新华社记者\n"
        "　　这里是云溪县的东大门，也是全县农业人口最多的乡镇。\n"
    )
    assert result.body_text == "这里是云溪县的东大门，也是全县农业人口最多的乡镇。"


def test_a_notices_document_number_above_the_salutation_stays_in_the_text():
    from articles.importing import import_text

    result = import_text(
        "关于开展2025年度党员冬春训工作的通知\n时间:2025年01月06日 点击次数:28596\n河党发〔2025〕2号\n各村（社区）党组织：\n"
        "　　为做好二〇二五年度党员冬春训工作，经乡党委研究，现将有关事项通知如下。\n"
    )
    assert result.body_text.startswith("河党发〔2025〕2号\n各村（社区）党组织：")


@pytest.mark.django_db
def test_dry_run_json_lists_each_dropped_line_with_its_reason_and_where_each_field_came_from(capsys, tmp_path):
    page = tmp_path / "copied.txt"
    page.write_text(
        "当前位置：首页 > 乡镇动态\n柳林镇开展党员冬训\n发布时间：2025-01-06 来源：柳林镇党政办\n"
        "1月5日，柳林镇组织全镇党员开展冬训，学习党的二十届三中全会精神。\n分享到：微信 微博\n",
        encoding="utf-8",
    )
    [result] = run_dry(capsys, page)
    dropped = {d["text"]: d for d in result["dropped"]}
    assert dropped["当前位置：首页 > 乡镇动态"]["reason"] == "导航/面包屑"
    assert dropped["分享到：微信 微博"]["reason"] == "分享/关注"
    assert dropped["发布时间：2025-01-06 来源：柳林镇党政办"] == {
        "text": "发布时间：2025-01-06 来源：柳林镇党政办",
        "reason": "元信息",
        "line": 3,
    }
    assert result["origins"]["title"] == {
        "text": "柳林镇开展党员冬训",
        "reason": result["origins"]["title"]["reason"],
        "line": 2,
    }
    assert result["origins"]["source"]["text"] == "发布时间：2025-01-06 来源：柳林镇党政办"
    assert "来源" in result["origins"]["source"]["reason"]
    assert result["origins"]["published_at"]["line"] == 3
