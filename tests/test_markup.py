"""The source's markup (an infographic's ``**``, a list item's bullet) and the text a reader sees."""

from __future__ import annotations

import re

import pytest

from webapp.markup import GAP, closed_up, squeezed, visible_line, visible_stretch, visible_text


@pytest.mark.parametrize(("source", "seen"), [
    # An infographic's emphasised figures: the ** and the blanks beside them are markup.
    ("受理案件突破 **10万** 件", "受理案件突破10万件"),
    ("举办讲坛、学习会 **64** 期 **758** 场", "举办讲坛、学习会64期758场"),
    ("完成入额遴选, **52** 名干警考录", "完成入额遴选,52名干警考录"),
    ("制发《指南》**1000** 余份", "制发《指南》1000余份"),
    ("应诉率达到 **100%**", "应诉率达到100%"),
    # Between Latin words a blank is a word space, emphasis or not.
    ("received **100** cases in **2023**", "received 100 cases in 2023"),
    # A list item's bullet is markup; numbering in words and dashes are the report's.
    ("- 审结刑事案件 **2912** 件", "审结刑事案件2912件"),
    ("• 审结刑事案件", "审结刑事案件"),
    ("一是审结刑事案件", "一是审结刑事案件"),
    ("——2024年1月5日在示例区人民代表大会上", "——2024年1月5日在示例区人民代表大会上"),
    ("同比下降-5%", "同比下降-5%"),
    # Any other blank stays as the source writes it.
    ("2024年 西藏自治区高级人民法院 工作报告", "2024年 西藏自治区高级人民法院 工作报告"),
    ("图表1  示例区法院收案对比", "图表1  示例区法院收案对比"),
])
def test_visible_text_is_what_a_reader_sees(source: str, seen: str) -> None:
    assert visible_text(source) == seen


def test_visible_text_keeps_lines_and_cells_and_visible_line_joins_them() -> None:
    assert visible_text("- 一 **1** 件\n- 二 **2** 件") == "一1件\n二2件"
    assert visible_line("刑事案件\n\t1337\n\t1770\n\t32.39%") == "刑事案件 1337 1770 32.39%"
    assert visible_line("知识产权\n\n案件") == "知识产权案件"


def test_a_stretch_is_judged_on_its_whole_line() -> None:
    text = "标题\n- 受理案件突破 **10万** 件, **5** 人\n"
    start = text.index("**10万")
    # Cut at the emphasis mark, the stretch still loses the blank before it.
    assert visible_stretch(text, start - 1, text.index(",")) == "10万件"
    assert visible_stretch(text, text.index("受理"), len(text) - 1) == "受理案件突破10万件,5人"
    # The converted text is shown with the markup judged on the original.
    assert visible_stretch(text, 3, 9, converted=text.replace("案件", "案子")) == "受理案子"


def test_squeezed_is_the_visible_text_without_blanks() -> None:
    assert squeezed("- 受理案件突破 **10万** 件\n\t1337") == "受理案件突破10万件1337"


def test_a_text_as_written_closes_up_over_its_gaps() -> None:
    assert closed_up("审结 **10万** 件") == "审结10万件"
    assert re.fullmatch(rf"审结{GAP}10万{GAP}件", "审结 **10万** 件")
    assert not re.fullmatch(rf"审结{GAP}10万", "审结了10万")
