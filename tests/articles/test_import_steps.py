"""
Each step of the import pipeline (articles/importing/) on its own: what it is given, what it returns. The
corpus tests and the bench measure the whole; these pin down the rule each step is responsible for.
"""

import datetime

import pytest

from articles.importing import blocks, classify, dates, decode, headline, metadata, normalise, paragraphs, township
from articles.importing.pipeline import import_bytes, import_text
from articles.importing.result import ImportResult, Line, UnreadableError

TOWNSHIPS = ["城关街道", "石桥镇", "远门镇", "柳林镇", "清泉镇", "河湾乡", "马坊乡"]


# ---- decode -------------------------------------------------------------------------------------


def test_decode_reads_utf8_with_a_bom_and_gbk_pages_by_their_declared_charset():
    assert decode.decode("\ufeff柳林镇".encode()) == "柳林镇"
    page = '<meta charset="gbk"><p>远门镇</p>'.encode("gbk")
    assert "远门镇" in decode.decode(page, html_page=True)


def test_decode_refuses_empty_and_binary_input_with_a_chinese_message():
    with pytest.raises(UnreadableError, match="空"):
        decode.decode(b"   ")
    with pytest.raises(UnreadableError, match="二进制"):
        decode.decode(b"PK\x03\x04\x00\x00binary")


# ---- normalise ----------------------------------------------------------------------------------


def test_normalise_strips_pinyin_readings_and_converts_traditional_characters():
    assert normalise.normalise("黨(dǎng)建引領") == "党建引领"


def test_normalise_mends_a_converters_doubled_commas_and_tells_mojibake():
    assert normalise.normalise("會議,,強調") == "会议，强调"
    assert normalise.is_mojibake("ÔÆÏªÏØ°ì")
    assert not normalise.is_mojibake("云溪县石桥镇")


# ---- blocks -------------------------------------------------------------------------------------


def test_blocks_mark_lines_outside_the_article_block():
    page = (
        "<html><body><div class=side><a>更多》党员之家</a></div><div class=main>"
        "<p>四月以来，马坊乡各党支部围绕主题开展形式多样的主题党日活动，党员参与踊跃。</p>"
        "<p>全乡共有三百一十名党员参加活动，为群众办实事四十五件，群众满意度较高。</p></div></body></html>"
    )
    lines, _meta = blocks.html_lines(page)
    inside = {line.text: line.inside for line in lines}
    assert inside["更多》党员之家"] is False
    assert all(inside[t] for t in inside if t.startswith(("四月", "全乡")))


def test_blocks_drop_text_hidden_by_inline_style():
    lines, _meta = blocks.html_lines('<body><p style="display:none">博彩 赌场</p><p>石桥镇新闻</p></body>')
    assert [line.text for line in lines] == ["石桥镇新闻"]


# ---- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "short", "expected"),
    [
        ("2025-04-08 09:12:40", False, (2025, 4, 8, 9, 12)),
        ("2025/4/24", False, (2025, 4, 24, 0, 0)),
        ("2025年05月12日", False, (2025, 5, 12, 0, 0)),
        ("25-04-20 20:15:57", True, (2025, 4, 20, 20, 15)),
        ("25/04/28", True, (2025, 4, 28, 0, 0)),
    ],
)
def test_dates_read_the_shapes_pages_print(text, short, expected):
    when = dates.parse_date(text, short_years=short)
    assert (when.year, when.month, when.day, when.hour, when.minute) == expected


def test_two_digit_years_are_read_only_where_a_line_is_known_to_be_metadata():
    assert dates.parse_date("25/04/28") is None


# ---- classify -----------------------------------------------------------------------------------


def test_site_banners_and_long_menu_rows_are_not_headlines():
    assert not classify.plausible_title("云溪县人民政府门户网站")
    assert not classify.plausible_title("云溪县人民政府 政府信息公开 政务服务 互动交流")
    assert classify.plausible_title("石桥镇召开村（社区）党组织书记述职评议会")


def test_a_slogan_and_headline_split_by_a_pipe_is_a_headline_but_a_pipe_menu_is_not():
    assert classify.plausible_title("礼赞新时代 | 城关街道多彩活动迎五一")
    assert not classify.plausible_title("首页 | 新闻 | 专题 | 联系我们")


@pytest.mark.parametrize(
    "text",
    ["图为党员志愿者在坪上村帮助茶农采茶 张伟 摄", "（马坊乡机关党支部集中学习）", "▲党员志愿者清理河道"],
)
def test_photo_captions_score_as_captions(text):
    assert classify.caption_score(text) >= 1


@pytest.mark.parametrize(
    "text",
    [
        "全乡共有三百一十名党员参加活动，为群众办实事四十五件。",
        "集中学习",
        "（一）组织建设",
        "（此件公开发布）",
        "（联系人：王丽，电话：0743-5320000）",
    ],
)
def test_paragraphs_and_subheads_do_not_score_as_captions(text):
    assert classify.caption_score(text) < 1


def test_a_picture_file_name_left_as_text_is_furniture():
    assert classify.furniture_reason("1_8c3e51d07a2b4f61b9e0d4a7c2f18e55.jpg") == "图片文件名"


def test_features_name_what_a_line_shows():
    f = classify.features("图为志愿者在河边清理垃圾 李想 摄")
    assert f["caption_start"] and f["photo_credit"] and not f["label"] and f["sentences"] == 0


# ---- metadata -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "authors", "editor"),
    [
        ("记者：周敏   李想（实习） 编辑：陈红", ["周敏", "李想"], "陈红"),
        ("编 辑：刘 洋", [], "刘洋"),
        ("县融媒体中心记者：王 芳", ["王芳"], ""),
        ("记者赵云通讯员王刚 李婷", ["赵云", "王刚", "李婷"], ""),
        ("（记者 钟林 通讯员 邓慧）", ["钟林", "邓慧"], ""),
        ("二 审：孙明亮", [], ""),
    ],
)
def test_credit_lines_give_authors_and_editor_and_leave_reviewers_out(text, authors, editor):
    credit = metadata.parse_credit_line(text)
    assert credit is not None
    assert (credit["authors"], credit["editor"]) == (authors, editor)


def test_a_closing_media_name_and_names_line_gives_source_and_authors_only_at_the_tail():
    assert metadata.parse_credit_line("云溪融媒 常启慧 朱青") is None
    assert metadata.parse_credit_line("云溪融媒 常启慧 朱青", tail=True) == {
        "authors": ["常启慧", "朱青"],
        "editor": "",
        "source": "云溪融媒",
    }


@pytest.mark.parametrize(
    "text", ["4月7日，柳林镇组织党员志愿者清理河道。", "本报讯 记者从县委组织部获悉", "首页 新闻 视频"]
)
def test_sentences_and_menus_are_not_credit_lines(text):
    assert metadata.parse_credit_line(text, tail=True) is None


def test_parse_meta_keeps_an_empty_bracketed_source_empty_and_reads_glued_labels():
    assert metadata.parse_meta("（来源：）") == {"来源": ""}
    fields = metadata.parse_meta("发布：25/04/28来源：柳林镇党政办")
    assert fields == {"发布": "25/04/28", "来源": "柳林镇党政办"}


def test_a_catalogue_tables_publisher_is_the_source_when_no_source_is_given():
    result = import_text(
        "发布机构：\t远门镇人民政府\n名称：\t远门镇党建工作情况通报\n一季度，远门镇党委扎实推进各项党建工作，成效明显。"
    )
    assert result.source == "远门镇人民政府"
    assert result.title == "远门镇党建工作情况通报"
    assert result.origins["source"].reason == "信息公开表格中的“发布机构”"


# ---- headline -----------------------------------------------------------------------------------


def test_clean_title_takes_a_tag_in_brackets_and_a_site_name_off_but_keeps_a_slogan():
    assert headline.clean_title("【转帖】远门镇“板凳会”开到村民家门口") == "远门镇“板凳会”开到村民家门口"
    assert headline.clean_title("【云溪】柳林镇人大行使重大事项决定权") == "柳林镇人大行使重大事项决定权"
    assert headline.clean_title("石桥镇召开述职评议会 - 云溪新闻网") == "石桥镇召开述职评议会"
    assert headline.clean_title("礼赞新时代 | 城关街道多彩活动迎五一") == "礼赞新时代 | 城关街道多彩活动迎五一"


def test_a_headline_is_never_taken_from_below_the_first_paragraph_so_the_body_survives():
    result = import_text(
        "云溪县人民政府门户网站\n2025-04-26 10:30:00\n"
        "4月25日，城关街道新华社区党委组织三家物业企业召开联席会，商量加装电梯的事。\n"
        "会上，社区党委通报了居民意见征集情况。\n原标题：新华社区联席会解决加装电梯难题\n",
        known_townships=TOWNSHIPS,
    )
    assert result.title == "新华社区联席会解决加装电梯难题"
    assert result.paragraphs == [
        "4月25日，城关街道新华社区党委组织三家物业企业召开联席会，商量加装电梯的事。",
        "会上，社区党委通报了居民意见征集情况。",
    ]


def test_a_title_outside_the_article_block_is_found_above_it():
    page = (
        "<html><head><title>云溪报</title></head><body><table><tr><td>2025年04月15日</td></tr></table>"
        "<div class=bt><strong>河湾乡建起“田间党校”</strong></div><div class=zw>"
        "<p>本报讯 4月13日，河湾乡“田间党校”在下湾村蔬菜基地开课，四十多名党员和种植户围坐在大棚里听课。</p>"
        "<p>乡党委今年计划在六个村开设“田间党校”，把党课和技术课放在一起上。</p></div></body></html>"
    )
    result = import_bytes(page.encode(), "page.html", known_townships=TOWNSHIPS)
    assert result.title == "河湾乡建起“田间党校”"
    assert result.source == "云溪报"  # a <title> that is the publisher alone
    assert result.paragraphs[0].startswith("4月13日")  # 本报讯 is a dateline, not text


# ---- paragraphs ---------------------------------------------------------------------------------


def test_closing_credit_chain_is_read_and_removed_even_under_a_hotline():
    result = ImportResult()
    kept = paragraphs.strip_credits(
        result,
        [
            "结对党员每周至少上门一次，帮助老人代购药品、代办社保认证。",
            "县融媒体中心记者：王 芳",
            "编 辑：刘 洋",
            "一 审：赵 婷",
            "联系电话：0743-5320123",
        ],
    )
    assert kept == ["结对党员每周至少上门一次，帮助老人代购药品、代办社保认证。"]
    assert (result.authors, result.editor) == (["王芳"], "刘洋")


def test_captions_leave_the_body_and_are_listed_as_dropped():
    result = ImportResult()
    kept = paragraphs.drop_captions(
        result, ["各党支部组织党员集中学习。", "图为党员志愿者帮助茶农采茶 张伟 摄", "（通讯员 李娜）"]
    )
    assert kept == ["各党支部组织党员集中学习。", "（通讯员 李娜）"]
    assert [(d.text, d.reason) for d in result.dropped] == [("图为党员志愿者帮助茶农采茶 张伟 摄", "图片说明")]


def test_a_caption_above_the_dateline_is_not_the_first_paragraph():
    result = ImportResult()
    kept = paragraphs.strip_credits(
        result, ["刘晨在合作社大棚内查看菌棒长势。", "湖南日报消息 马坊乡地处云溪县西北部。"]
    )
    assert kept == ["马坊乡地处云溪县西北部。"]


def test_a_forum_threads_signature_and_replies_are_not_the_article():
    result = import_text(
        "远门镇“板凳会”开到村民家门口\n发表于 2025-4-30 10:12 | 只看该作者\n记者赵云通讯员王刚 李婷\n"
        "4月29日晚，远门镇大坪村的晒谷坪上摆满了板凳，村民围坐在一起拉家常。\n"
        "----------------------------\n山清水秀大坪村，欢迎来玩！\n沙发 云溪老李 发表于 2025-4-30 11:05\n这个好，实实在在。\n",
        known_townships=TOWNSHIPS,
    )
    assert result.paragraphs == ["4月29日晚，远门镇大坪村的晒谷坪上摆满了板凳，村民围坐在一起拉家常。"]
    assert result.authors == ["赵云", "王刚", "李婷"]
    assert result.published_at == datetime.datetime(2025, 4, 30, 10, 12, tzinfo=result.published_at.tzinfo)


def test_a_date_outside_the_article_block_loses_to_the_header_date_line():
    page = (
        "<html><body><div class=t><h1>远门镇“板凳会”开到村民家门口</h1><div>发表于 2025-4-30 10:12</div>"
        "<div class=post><p>4月29日晚，远门镇大坪村的晒谷坪上摆满了板凳，三十多位村民围坐在一起拉家常。</p>"
        "<p>这是远门镇推行的“板凳会”，镇村干部每月进村开会，当场记录村民提出的问题。</p></div></div>"
        "<div class=floor>云溪老李 2025-4-30 11:05</div></body></html>"
    )
    result = import_bytes(page.encode(), "page.html")
    assert (result.published_at.hour, result.published_at.minute) == (10, 12)


# ---- township -----------------------------------------------------------------------------------


def test_township_found_in_the_body_when_the_title_names_none_and_a_phrase_ending_in_zhen_is_no_name():
    name, _where = township.find_township(
        "产业党建让山里的茶叶走出去",
        ["作为全县的商贸重镇，石桥镇近年来发展茶叶。", "在城镇化进程中，石桥镇茶叶销售额翻番。"],
        TOWNSHIPS,
    )
    assert name == "石桥镇"
    assert list(township.township_candidates("作为全县的商贸重镇，这里发展很快")) == []


def test_township_step_reads_党建_plus_initiatives():
    assert township.find_initiatives("推进“党建+乡村振兴”工作", township.DEFAULT_THEMES) == ["党建+乡村振兴"]


def test_a_line_type_records_its_number_for_the_preview():
    assert Line("x", number=3).number == 3


def test_inverted_name_then_role_credits_are_read():
    assert metadata.parse_credit_line("张丽 文　刘军 图　王强 编辑") == {
        "authors": ["张丽", "刘军"],
        "editor": "王强",
        "source": "",
    }


def test_an_authors_name_beside_an_account_name_is_read_but_a_button_beside_it_is_not():
    assert metadata.account_line("周敏 柳林发布") == ("周敏", "柳林发布")
    assert metadata.account_line("云溪融媒 打开") is None


def test_a_source_that_names_no_source_is_left_empty():
    result = import_text(
        "远门镇推行村干部坐班走访工作法\n发布时间:2025-05-05 10:27 来源:互联网\n"
        "今年以来，远门镇在十九个村推行村干部坐班走访工作法，群众办事不再扑空。"
    )
    assert result.source == ""
    assert result.published_at is not None


def test_a_digest_repeating_the_first_paragraph_is_dropped_as_a_repeat():
    result = ImportResult()
    first = "今年以来，远门镇在全镇十九个村推行村干部“坐班+走访”工作法，因此群众办事不再“扑空”。"
    kept = paragraphs.drop_repeated_digest(
        result, ["导读:今年以来，远门镇在全镇十九个村推行村干部“坐班+走访”工作法，因此", first]
    )
    assert kept == [first]
    assert result.dropped[0].reason == "重复的导读"


def test_a_keyword_line_in_angle_brackets_is_furniture():
    assert classify.furniture_reason("〔关键词〕党员管理；积分制；马坊乡") == "标签"


def test_chinese_numeral_dates_are_read():
    assert dates.parse_date("二〇二五年五月十六日").date() == datetime.date(2025, 5, 16)
    assert dates.parse_date("二〇二四年十二月三十一日").date() == datetime.date(2024, 12, 31)
    assert dates.parse_date("二〇二五年二月三十日") is None


def test_a_notice_without_meta_keeps_its_salutation_and_signature_and_is_dated_by_its_closing_date():
    result = import_text(
        "通知公告\n远门镇关于开展“七一”走访慰问困难党员的通知\n各村（社区）党组织、镇直各支部：\n"
        "经镇党委研究，决定在“七一”前夕开展走访慰问困难党员活动。\n中共远门镇委员会\n二〇二五年五月十六日\n",
        known_townships=TOWNSHIPS,
    )
    assert result.title == "远门镇关于开展“七一”走访慰问困难党员的通知"  # not the column label above it
    assert result.paragraphs == [
        "各村（社区）党组织、镇直各支部：",
        "经镇党委研究，决定在“七一”前夕开展走访慰问困难党员活动。",
        "中共远门镇委员会",
        "二〇二五年五月十六日",
    ]
    assert result.published_at.date() == datetime.date(2025, 5, 16)
    assert result.origins["published_at"].reason == "文末落款的日期"


def test_staff_labels_give_the_writer_and_leave_the_cms_user_and_reviewer_out():
    result = ImportResult()
    metadata.apply_meta(
        result, metadata.parse_meta("撰稿人：张华　发布人：admin　审核人：王明　发布时间：2025-05-18"), ""
    )
    assert (result.authors, result.editor, result.published_at.day) == (["张华"], "", 18)


def test_a_longer_place_name_containing_a_township_is_not_that_township():
    assert (
        township.find_township(
            "我县组织村干部赴邻县学习考察", ["考察组赴邻县大石桥镇学习。", "大石桥镇的村干部交流经验。"], TOWNSHIPS
        )[0]
        == ""
    )
    assert township.find_township("县委组织部到马坊乡石桥镇调研", [], TOWNSHIPS)[0] == ""  # two of ours: county-level
    assert township.find_township("调研组在石桥镇调研", [], TOWNSHIPS)[0] == "石桥镇"


def test_a_rule_between_parts_of_the_article_is_a_separator_and_a_citation_of_a_date_is_no_reply():
    result = import_text(
        "柳林镇党建工作综述\n发布时间：2025-05-06\n"
        "今年以来，柳林镇党委围绕中心工作，扎实推进基层党组织建设，取得了明显成效，群众满意度不断提高。\n"
        "——————————\n"
        "下半年，镇党委将继续抓好软弱涣散党组织整顿，推动村级集体经济发展壮大，让群众得到更多实惠。\n"
        "这份规划发表于2025年5月的镇党委会议上。\n"
    )
    assert len(result.paragraphs) == 3
    assert ("——————————", "分隔线") in [(d.text, d.reason) for d in result.dropped]
