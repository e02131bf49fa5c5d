"""Reading a report's text into blocks: headings, paragraphs, list items, tables, stable ids."""

from __future__ import annotations

import pytest

from webapp.content.sources import Block, block_id, parse_source


def kinds(text: str) -> list[tuple[str, int, str]]:
    return [(block.kind, block.level, block.text) for block in parse_source(text).blocks]


def test_the_title_block_runs_until_the_first_sentence() -> None:
    text = ("某区人民法院工作报告\n\n——2024年1月5日在某区第一届人民代表大会\n\n第二次会议上\n\n"
            "某区人民法院院长  张三\n\n各位代表：\n我代表某区人民法院向大会报告工作，请予审议。\n")
    blocks = parse_source(text).blocks
    assert blocks[0].kind == "title"
    assert blocks[0].text.split("\n") == [
        "某区人民法院工作报告", "——2024年1月5日在某区第一届人民代表大会", "第二次会议上",
        "某区人民法院院长  张三"]
    assert [block.kind for block in blocks[1:]] == ["paragraph", "paragraph"]


def test_the_title_block_stops_at_the_first_heading() -> None:
    blocks = parse_source("一图读懂\n\n2024年 某省高级人民法院 工作报告\n\n2024年主要工作\n\n"
                          "全年受理案件。\n").blocks
    assert blocks[0].kind == "title" and blocks[0].text == "一图读懂\n2024年 某省高级人民法院 工作报告"
    assert (blocks[1].kind, blocks[1].level) == ("heading", 1)


@pytest.mark.parametrize(("line", "level"), [
    ("2023年的主要工作", 1), ("2024年的工作思路", 1), ("2025年工作计划", 1), ("附件1", 1),
    ("一、牢牢把握维护安全稳定首要任务，助力高水平平安建设", 2), ("（二）全力服务经济发展", 3),
])
def test_structural_headings_and_their_levels(line: str, level: int) -> None:
    assert kinds(f"各位代表：\n{line}\n正文一句。\n")[1] == ("heading", level, line)


def test_a_chapter_line_that_is_prose_is_not_a_heading() -> None:
    line = "一、坚持党的领导。全年审结案件一万件，同比上升。"
    assert kinds(f"各位代表：\n{line}\n")[1][0] != "heading"


def test_an_infographic_panel_number_joins_the_title_before_it() -> None:
    text = ("2024年主要工作\n\n坚持“思想上弦” 筑牢政治忠诚\n\n01\n\n筑牢忠诚之魂\n\n"
            "- 请示报告工作 **1300** 余次\n")
    assert kinds(text) == [
        ("heading", 1, "2024年主要工作"),
        ("heading", 2, "01 坚持“思想上弦” 筑牢政治忠诚"),
        ("heading", 3, "筑牢忠诚之魂"),
        ("list-item", 0, "- 请示报告工作 **1300** 余次"),
    ]


def test_an_appendix_heading_takes_its_title_line() -> None:
    assert kinds("各位代表：\n附件2\n有关用语说明\n1.“枫桥经验”：就地化解。\n")[1:] == [
        ("heading", 1, "附件2 有关用语说明"),
        ("list-item", 0, "1.“枫桥经验”：就地化解。"),
    ]


def test_unnumbered_headings_nest_under_the_last_numbered_one_as_siblings() -> None:
    text = ("2024年主要工作\n\n甲部分\n\n01\n\n第一小节\n\n- 一项\n\n第二小节\n\n- 二项\n")
    levels = [(block.level, block.text) for block in parse_source(text).blocks
              if block.kind == "heading"]
    assert levels == [(1, "2024年主要工作"), (2, "01 甲部分"), (3, "第一小节"), (3, "第二小节")]


@pytest.mark.parametrize("line", [
    "受理案件突破 **10万** 件",          # a figure, not a heading
    "（单位：件）",                      # a note
    "西藏自治区高级人民法院",            # a byline
])
def test_short_lines_that_are_not_headings(line: str) -> None:
    assert kinds(f"各位代表：\n\n{line}\n\n正文一句。\n")[1][0] == "paragraph"


def test_a_short_line_run_on_from_prose_is_not_a_heading() -> None:
    text = ("各位代表：\n\n阿里法院办理案件 **425** 件\n色尼区法院发出全区首份“关爱未成年人提示卡”\n\n"
            "维护合法权益\n\n- 执结案件\n")
    assert [kind for kind, _level, _text in kinds(text)] == [
        "paragraph", "paragraph", "paragraph", "heading", "list-item"]


@pytest.mark.parametrize("line", [
    "- 审结刑事案件 **2912** 件", "一是审判管理理念有待进一步优化。", "——以政治建设为引领，开创新局面。",
    "3.“鉴定管理人”机制：区法院组建专门团队。", "（2）完善工作机制。",
])
def test_list_items(line: str) -> None:
    assert kinds(f"各位代表：\n{line}\n")[1][0] == "list-item"


def test_a_numbered_item_that_opens_with_a_number_follows_its_predecessor() -> None:
    text = "各位代表：\n15.“一体双链”机制：构建格局。\n16.12368热线“一号响应”机制：依托热线。\n"
    assert [kind for kind, _level, _text in kinds(text)] == ["paragraph", "list-item", "list-item"]
    # Without a predecessor the same line reads as a decimal number opening a paragraph.
    assert kinds("各位代表：\n16.12368热线“一号响应”机制：依托热线。\n")[1][0] == "paragraph"


def test_a_table_of_tabbed_cells_with_a_wrapped_cell() -> None:
    text = ("附件1\n各类案件明细\n （单位：件）\n\t\n\t2022年收案数\n\t2023年与2022年\n\n同比情况\n\n"
            "\t知识产权\n案件\n\t2514\n\t12.89%\n\n\n图表1  收案对比情况\n")
    source = parse_source(text)
    table = next(block for block in source.blocks if block.kind == "table")
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["", "2022年收案数", "2023年与2022年同比情况"], ["知识产权案件", "2514", "12.89%"]]
    # Every cell knows where it stands, so a quote can be marked in it.
    for cell in table.spans:
        assert text[cell.start:cell.end].replace("\n", "").replace("\t", "") == cell.text
    assert source.blocks[-1].kind == "caption"


def test_spans_are_exact_stretches_of_the_text() -> None:
    text = "各位代表：\n    着力推进诉源治理工作。坚持“抓前端、治未病”理念。  \n"
    source = parse_source(text)
    for block in source.blocks:
        for span in block.spans:
            assert text[span.start:span.end] == span.text


def test_ids_come_from_the_text_and_survive_edits_elsewhere() -> None:
    before = parse_source("各位代表：\n第一段。\n第二段。\n")
    after = parse_source("前言。\n各位代表：\n第一段，加了字。\n第二段。\n")
    assert before.blocks[2].id == after.blocks[3].id == block_id("第二段。")
    assert before.blocks[1].id != after.blocks[2].id


def test_a_repeated_text_gets_a_numbered_id() -> None:
    blocks = parse_source("各位代表：\n（单位：件）\n正文。\n（单位：件）\n").blocks
    assert [blocks[1].id, blocks[3].id] == [block_id("（单位：件）"), block_id("（单位：件）") + "-2"]


def test_locating_a_quote() -> None:
    source = parse_source("各位代表：\n全年共收案100344件，同比上升10.2%。\n结案105890件。\n")
    offset = source.occurrences("收案100344件")[0]
    found = source.block_holding(offset, offset + 9)
    assert isinstance(found, Block) and found.text.startswith("全年共收案")
    across = source.occurrences("10.2%。\n结案")[0]
    assert source.block_holding(across, across + 8) is None
    assert source.occurrences("件") == [i for i, char in enumerate(source.text) if char == "件"]


def test_empty_and_blank_text() -> None:
    assert parse_source("").blocks == ()
    assert parse_source("\n \n\t\n").blocks == ()


def test_a_block_knows_its_visible_text_and_its_bullet() -> None:
    blocks = parse_source("标题\n\n正文。\n\n- 审结 **1** 件\n一是审结。\n").blocks
    items = [block for block in blocks if block.kind == "list-item"]
    assert [(block.visible_text, block.bulleted) for block in items] == [
        ("审结1件", True), ("一是审结。", False)]
    # Worked out once: every reader of the block gets the same string.
    assert items[0].visible_text is items[0].visible_text


def test_a_source_knows_its_text_squeezed_once() -> None:
    source = parse_source("标题\n\n受理案件突破 **10万** 件。\n")
    assert source.squeezed == "标题受理案件突破10万件。"
    assert source.squeezed is source.squeezed
