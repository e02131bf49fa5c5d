"""A problem with an item of a list is named at that item's own index and line, in every file.

Each case breaks the second item of a list; where a check runs after the schema (ids, units,
references), the first item is made invalid too, so that the second stands first among the
valid items: the problem must still name ``[1]`` and its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BRIEFING, edit, problems


def _break_first_measure(content_dir: Path) -> None:
    edit(content_dir, "measures.yaml",
         "  definition: {zh-Hans: 当年新收的案件。, en: Cases newly received in the year.}\n", "")


def _break_first_basis(content_dir: Path) -> None:
    edit(content_dir, "bases.yaml", "- id: accepted\n  name: {zh-Hans: 受理, en: accepted}\n",
         "- id: accepted\n")


def _break_first_term(content_dir: Path) -> None:
    edit(content_dir, "glossary.yaml", "term: {zh-Hans: 枫桥经验, en: Fengqiao Experience}",
         "term: {zh-Hans: 枫桥经验}")


def test_a_measure_after_an_invalid_one(content_dir: Path) -> None:
    _break_first_measure(content_dir)
    line = edit(content_dir, "measures.yaml", "  unit: cases\n- id: enforcement-recovered",
                "  unit: casez\n- id: enforcement-recovered")
    assert f"measures.yaml:{line}: [1].unit: unknown unit 'casez' (see units.yaml)" in \
        problems(content_dir)


def test_what_a_measure_is_made_of_after_an_invalid_one(content_dir: Path) -> None:
    _break_first_measure(content_dir)
    line = edit(content_dir, "measures.yaml", "  unit: cases\n- id: enforcement-recovered",
                "  unit: cases\n  made_of: [nowhere, elsewhere]\n- id: enforcement-recovered")
    assert f"measures.yaml:{line + 1}: [1].made_of: no other measure 'nowhere'" in \
        problems(content_dir)


def test_a_basis_after_an_invalid_one(content_dir: Path) -> None:
    _break_first_basis(content_dir)
    line = edit(content_dir, "bases.yaml", "  signals: [新收, 收案]\n",
                "  signals: [新收, 收案]\n  parts: [nowhere]\n")
    assert f"bases.yaml:{line + 1}: [1].parts: no other basis 'nowhere'" in problems(content_dir)


def test_a_term_after_an_invalid_one(content_dir: Path) -> None:
    _break_first_term(content_dir)
    line = edit(content_dir, "glossary.yaml", "- id: fengqiao-style-tribunal\n",
                "- id: fengqiao-style-tribunal\n  source: {report: nowhere, quote: 枫桥}\n")
    assert f"glossary.yaml:{line + 1}: [1].source.report: no report 'nowhere'" in \
        problems(content_dir)


def test_a_term_s_english_style_after_an_invalid_one(content_dir: Path) -> None:
    _break_first_term(content_dir)
    line = edit(content_dir, "glossary.yaml", "term: {zh-Hans: 枫桥式人民法庭, en: Fengqiao-style "
                "people's tribunal}", "term: {zh-Hans: 枫桥式人民法庭, en: Fengqiao-style "
                "people's tribunal center}")
    assert any(problem.startswith(f"glossary.yaml:{line}: [1].term.en: ")
               and "centre" in problem for problem in problems(content_dir))


# The field the problem names is on the line of the edit, or ``shift`` lines after it.
@pytest.mark.parametrize(("relative", "old", "new", "shift", "field", "message"), [
    ("sections.yaml", "name: {zh-Hans: 服务经济发展, en: Serving Development}",
     "name: {zh-Hans: 服务经济发展}", 0, "[1].name.en", "missing (every text needs zh-Hans and en)"),
    ("conversion-overrides.yaml", "- zh-Hans: 被发回\n  zh-Hant: 被發回\n", "- zh-Hans: 被发回\n", 0,
     "[1].zh-Hant", "missing"),
    ("spelling.yaml", "except: [size, prize, seize]", "except: [size, '', seize]", 0, "except[1]",
     None),
    ("units.yaml", "yuan: {zh-Hans: 元, en: [yuan, yuan]}", "yuan: {zh-Hans: 元, en: [yuan, [yuan]]}",
     0, "yuan.en[1]", None),
    (BRIEFING, "    unit: percent\n    written: \"105.5\"", "    unit: percentz\n    written: \"105.5\"",
     0, "figures[1].unit", "unknown unit 'percentz' (see units.yaml)"),
    (BRIEFING, "  - {zh-Hans: 结收比105.5%。, en: The closure-to-filing ratio was 105.5%., "
     "paragraphs: [p-84e4c5f9]}", "  - {zh-Hans: 结收比105.5%。, paragraphs: [p-84e4c5f9]}",
     0, "sections.stability.highlights[1].en", "missing (every text needs zh-Hans and en)"),
    (BRIEFING, "  - {from: p-f374e481, part: overview}", "  - {from: p-f374e481, part: nowhere}",
     0, "parts[1].part", None),
    (BRIEFING, "  - date: 2024-03-15\n    note: {zh-Hans: 补充原文链接。, en: Links to the source added.}",
     "  - date: 2024-03-15\n    note: {zh-Hans: 补充原文链接。}", 1, "revisions[1].note.en",
     "missing (every text needs zh-Hans and en)"),
])
def test_the_second_item_of_a_list(content_dir: Path, relative: str, old: str, new: str,
                                   shift: int, field: str, message: str | None) -> None:
    line = edit(content_dir, relative, old, new) + shift
    prefix = f"{relative}:{line}: {field}: "
    found = problems(content_dir)
    if message is not None:
        assert prefix + message in found
    else:
        assert any(problem.startswith(prefix) for problem in found), found


def test_a_second_case_and_theme(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "        paragraphs: [p-fa7bd7bc]\n    terms:",
                "        paragraphs: [p-fa7bd7bc]\n"
                "      - id: yu-case\n"
                "        title: {zh-Hans: 于某某案, en: The case of Yu}\n"
                "        summary: {zh-Hans: 于某某案总结发布。, en: The case of Yu was summarised.}\n"
                "        source: {zh-Hans: 第一部分, en: Part one}\n"
                "        paragraphs: [p-fa7bd7bc]\n    terms:")
    theme_line = edit(content_dir, BRIEFING, "        title: {zh-Hans: 非法集资, en: Illegal fund-raising}\n",
                      "        title: {zh-Hans: 非法集资, en: Illegal fund-raising}\n"
                      "      - id: unused\n        title: {zh-Hans: 其他, en: Other}\n")
    found = problems(content_dir)
    assert f"{BRIEFING}:{line + 1}: sections.stability.cases[1].id: duplicate case id 'yu-case'" \
        in found
    assert f"{BRIEFING}:{theme_line + 1}: sections.stability.themes[1].id: no figure of the " \
        "section has this theme" in found


def test_a_second_correction(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "    note: {zh-Hans: 更正商事案件数字的标签。, en: The label of the "
                "commercial cases figure corrected.}\n",
                "    note: {zh-Hans: 更正商事案件数字的标签。, en: The label of the commercial cases "
                "figure corrected.}\n  - date: 2024-03-16\n    note: {zh-Hans: 更正。}\n")
    assert f"{BRIEFING}:{line + 2}: corrections[1].note.en: missing (every text needs zh-Hans " \
        "and en)" in problems(content_dir)


def test_a_second_correction_without_its_version(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "    note: {zh-Hans: 更正商事案件数字的标签。, en: The label of the "
                "commercial cases figure corrected.}\n",
                "    note: {zh-Hans: 更正商事案件数字的标签。, en: The label of the commercial cases "
                "figure corrected.}\n  - date: 2024-03-16\n    note: {zh-Hans: 更正。, en: Corrected.}\n")
    assert f"{BRIEFING}:{line + 1}: corrections[1].date: no revision on 2024-03-16: add one for " \
        "the version the correction made" in problems(content_dir)
