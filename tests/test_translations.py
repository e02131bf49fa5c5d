"""The translation check: every block once, in order, its numbers kept, its style the content's."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from flask.testing import FlaskCliRunner

from tests.conftest import FIXTURE_CONTENT, edit, problems
from webapp.content import load_content
from webapp.content.sources import parse_source
from webapp.content.style import EnglishStyle
from webapp.content.translations import FILE, TranslatedBlock, block_problems, template
from webapp.content.yamlfile import FieldPath

TRANSLATION = f"reports/sample-2023/{FILE}"
SOURCE = "reports/sample-2023/source.txt"


def test_the_fixture_translation_is_complete_and_loaded() -> None:
    report = load_content(FIXTURE_CONTENT).reports["sample-2023"]
    assert report.translation is not None
    assert report.translation.translator == "Court Report Briefings"
    assert report.translation.updated == datetime.date(2026, 12, 7)
    assert set(report.translation.blocks) == {block.id for block in report.source.blocks}
    table = report.translation.of("p-7facc03d")
    assert table is not None and table.rows is not None
    assert table.text == "\tCases received in 2022\tCases received in 2023\nCriminal cases\t1337\t1770"


def test_a_report_without_a_translation_is_allowed(content_dir: Path) -> None:
    (content_dir / TRANSLATION).unlink()
    assert load_content(content_dir).reports["sample-2023"].translation is None


def test_a_lost_or_changed_number_is_named_with_its_source_line(content_dir: Path) -> None:
    line = edit(content_dir, TRANSLATION, "concluded 19,500 commercial", "concluded 19,600 commercial")
    assert problems(content_dir) == [
        f"{TRANSLATION}:{line}: blocks[8].en: 1.95万 (source.txt:15) is not in the translation "
        "as 19,500",
        f"{TRANSLATION}:{line}: blocks[8].en: 19,600 is not a number of the original",
    ]


def test_money_percentages_points_and_dates_keep_their_kind(content_dir: Path) -> None:
    edit(content_dir, TRANSLATION, "RMB 7.258 billion", "RMB 7.26 billion")
    edit(content_dir, TRANSLATION, "up 5.5 percentage points", "up 5.5%")
    edit(content_dir, TRANSLATION, "on 5 January 2024", "on 5 June 2024")
    found = problems(content_dir)
    assert [problem.split(": ", 2)[2] for problem in found] == [
        "2024年1月5日 (source.txt:1) is not in the translation as 5 January 2024",
        "5 June 2024 is not a number of the original",
        "5.5个百分点 (source.txt:8) is not in the translation as 5.5 percentage points",
        "5.5% is not a number of the original",
        "72.58亿 (source.txt:18) is not in the translation as 7.258 billion",
        "7.26 billion is not a number of the original",
    ]


def test_counts_take_thousands_commas_outside_tables(content_dir: Path) -> None:
    line = edit(content_dir, TRANSLATION, "received 100,344 cases", "received 100344 cases")
    assert problems(content_dir) == [
        f"{TRANSLATION}:{line}: blocks[3].en: write 100,344, not 100344 (thousands apart by commas)"]


def test_an_untranslated_block_is_named_by_its_place_in_the_source(content_dir: Path) -> None:
    entry = "  - id: p-fa7bd7bc\n    en: The case of Yu was summed up and published.\n"
    edit(content_dir, TRANSLATION, entry, "")
    assert problems(content_dir) == [
        f"{SOURCE}:12: p-fa7bd7bc: not translated (no entry in translation.yaml)"]


def test_an_empty_entry_is_untranslated(content_dir: Path) -> None:
    line = edit(content_dir, TRANSLATION, "en: The case of Yu was summed up and published.", 'en: ""')
    assert problems(content_dir) == [
        f"{TRANSLATION}:{line}: blocks[6].en: empty: p-fa7bd7bc (source.txt:12) is not translated"]


def test_a_stale_id_is_named(content_dir: Path) -> None:
    line = edit(content_dir, TRANSLATION, "- id: p-fa7bd7bc", "- id: p-deadbeef")
    assert problems(content_dir) == [
        f"{TRANSLATION}:{line}: blocks[6].id: no block p-deadbeef in source.txt (stale: its text "
        "changed, or a typo)",
        f"{SOURCE}:12: p-fa7bd7bc: not translated (no entry in translation.yaml)",
    ]


def test_blocks_come_once_and_in_source_order(content_dir: Path) -> None:
    path = content_dir / TRANSLATION
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["blocks"][1], data["blocks"][2] = data["blocks"][2], data["blocks"][1]
    data["blocks"].append(data["blocks"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = [problem.split(": ", 1)[1] for problem in problems(content_dir)]
    assert found == ["blocks[2].id: p-66bd2b41 (source.txt:5) is out of source order",
                     "blocks[25].id: p-6db3d038 is translated twice (also blocks[0])"]


def test_a_table_keeps_the_source_shape(content_dir: Path) -> None:
    line = edit(content_dir, TRANSLATION, '[Criminal cases, "1337", "1770"]', '[Criminal cases, "1337"]')
    assert problems(content_dir) == [
        f"{TRANSLATION}:{line}: blocks[21].rows[1]: 2 cells: the source's row has 3"]


def test_a_table_cell_keeps_its_number_and_may_copy_it_as_written(content_dir: Path) -> None:
    line = edit(content_dir, TRANSLATION, '"1337", "1770"', '"1,337", "1771"')
    assert problems(content_dir) == [
        f"{TRANSLATION}:{line}: blocks[21].rows[1][2]: 1770 is not in the translation as 1,770 "
        "(source.txt:43)",
        f"{TRANSLATION}:{line}: blocks[21].rows[1][2]: 1771 is not a number of the original "
        "(source.txt:43)",
    ]


def test_text_for_a_table_and_rows_for_text_are_refused(content_dir: Path) -> None:
    edit(content_dir, TRANSLATION, "    en: Shortcomings", '    rows: [["Shortcomings"]]')
    found = [problem.split(": ", 1)[1] for problem in problems(content_dir)]
    assert found == ["blocks[15].rows: the block is a heading, not a table: give en"]


def test_the_glossary_spelling_quotes_and_chinese_left_in(content_dir: Path) -> None:
    edit(content_dir, TRANSLATION, "We will uphold the Fengqiao Experience and keep",
         "We will uphold the Maple Bridge way, “organize” and keep 枫桥")
    found = [problem.split(": ", 2)[2] for problem in problems(content_dir)]
    assert found == [
        "holds Chinese (枫桥): translate it",
        "zh-Hans has 枫桥经验 (glossary term 'fengqiao-experience') but en has none of its English forms: "
        "Fengqiao Experience | Fengqiao model",
        "American spelling 'organize': write 'organise' (British spelling)",
    ]


def test_the_template_lists_every_block_to_fill_in(tmp_path: Path) -> None:
    source = parse_source((FIXTURE_CONTENT / SOURCE).read_text(encoding="utf-8"))
    written = template(source, "A Translator", datetime.date(2026, 12, 7))
    data = yaml.safe_load(written)
    assert data["translator"] == "A Translator"
    assert [entry["id"] for entry in data["blocks"]] == [block.id for block in source.blocks]
    assert "  # line 8 · paragraph · 全年共收案100344件" in written
    # A table's numbers are copied, its headings left to translate.
    assert data["blocks"][21]["rows"] == [["", "", ""], ["", "1337", "1770"]]
    assert all(entry.get("en") == "" for entry in data["blocks"] if "rows" not in entry)


def test_the_template_command_prints_the_file(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["content", "translation-template", "sample-2023"])
    assert result.exit_code == 0
    assert yaml.safe_load(result.output)["translator"] == "Court Report Briefings"
    assert result.output.count("  - id: p-") == 25


def test_a_list_item_s_own_number_opens_the_english() -> None:
    # 16.12368热线 is item 16 on the 12368 hotline, not the number 16.12368.
    source = parse_source("示例报告\n\n附件2 有关用语说明\n\n15.其他机制：说明。\n\n"
                          "16.12368热线“一号响应”机制。\n")
    item = next(block for block in source.blocks if block.text.startswith("16."))
    style = EnglishStyle(load_content(FIXTURE_CONTENT).glossary, None)

    def problems(english: str) -> list[tuple[FieldPath, str]]:
        return block_problems(item, TranslatedBlock(id=item.id, en=english), ("blocks", 0), style)

    assert item.kind == "list-item"
    assert problems("16. The 12368 hotline's “One-Number Response” mechanism.") == []
    assert problems("The 12368 hotline's “One-Number Response” mechanism.") == [
        (("blocks", 0, "en"), "begin with the item's number, as “16. ”")]
    assert problems("16. The 12369 hotline's “One-Number Response” mechanism.") == [
        (("blocks", 0, "en"), "12368 (source.txt:7) is not in the translation as 12,368"),
        (("blocks", 0, "en"), "12369 is not a number of the original")]
