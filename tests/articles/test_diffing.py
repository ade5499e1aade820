from articles.diffing import char_diff, paragraph_diff
from core.textutil import html_paragraphs as paragraphs


def test_chinese_text_is_compared_character_by_character():
    left, right = char_diff("全镇党员1260名", "全镇共有党员1302名")
    assert left == "全镇党员<del>1260</del>名"
    assert right == "全镇<ins>共有</ins>党员<ins>1302</ins>名"


def test_a_changed_character_inside_a_word_is_marked_alone():
    assert char_diff("党建引领乡村振兴", "党建引领产业振兴") == (
        "党建引领<del>乡村</del>振兴",
        "党建引领<ins>产业</ins>振兴",
    )


def test_diff_output_is_escaped():
    _, right = char_diff("<b>", "<script>")
    assert "<script>" not in right and "&lt;" in right


def test_paragraphs_are_aligned_before_characters_are_compared():
    old = paragraphs("<h2>一、主要工作</h2><p>第一段。</p><p>第二段。</p>")
    new = paragraphs("<h2>一、主要工作</h2><p>新插入的一段。</p><p>第一段。</p><p>第二段有改动。</p>")
    rows = paragraph_diff(old, new)
    assert rows[0] == ("一、主要工作", "一、主要工作")
    assert rows[1] == ("", "<ins>新插入的一段。</ins>")
    assert rows[2] == ("第一段。", "第一段。")
    assert rows[3][1] == "第二段<ins>有改动</ins>。"


def test_images_show_as_their_description():
    assert paragraphs('<figure><img src="/a.jpg" alt="党员活动"></figure><p>正文</p>') == ["[图片：党员活动]", "正文"]
