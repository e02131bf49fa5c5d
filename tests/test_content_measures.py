"""What figures count: a measure's basis must be the one its figures' quotes state (受理 is not
收案), a case type counts on its whole's basis or a part of it, and the courts a report's or a
figure's scope names are named in the report. Problems come as ``file:line: field: problem``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.content import load_content
from webapp.content.measures import stated_basis, states
from webapp.content.statistics import CaseType

from .conftest import APPENDED_MEASURE, BRIEFING, FIXTURE_CONTENT, edit, name_courts_in_overview, problems

SOURCE = "reports/sample-2023/source.txt"


def test_a_figure_whose_quote_states_another_basis_is_refused(content_dir: Path) -> None:
    # The case: a measure of basis 收案 (new) on a quote saying 受理 (accepted).
    edit(content_dir, SOURCE, "全年共收案100344件", "全年共受理案件100344件")
    edit(content_dir, BRIEFING, "quote: 全年共收案100344件", "quote: 全年共受理案件100344件")
    line = edit(content_dir, BRIEFING, "measure: cases-received", "measure: cases-received")
    assert (f"{BRIEFING}:{line}: figures[0].measure: cases-received counts 新收 (new), but the "
            "quote says 受理 (accepted): name a measure of that basis, or none"
            ) in problems(content_dir)


def test_a_measure_on_another_basis_than_its_figures_is_refused(content_dir: Path) -> None:
    edit(content_dir, "measures.yaml", "  basis: new", "  basis: accepted")
    line = edit(content_dir, BRIEFING, "measure: cases-received", "measure: cases-received")
    assert (f"{BRIEFING}:{line}: figures[0].measure: cases-received counts 受理 (accepted), but "
            "the quote says 收案 (new): name a measure of that basis, or none"
            ) in problems(content_dir)


def test_a_quote_that_states_no_basis_is_refused(content_dir: Path) -> None:
    edit(content_dir, SOURCE, "全年共收案100344件", "全年共有案件100344件")
    edit(content_dir, BRIEFING, "quote: 全年共收案100344件", "quote: 全年共有案件100344件")
    line = edit(content_dir, BRIEFING, "measure: cases-received", "measure: cases-received")
    assert (f"{BRIEFING}:{line}: figures[0].measure: cases-received counts 新收 (new), but the "
            "quote does not say on what basis its number counts (新收/收案 …): quote the words "
            "that say it") in problems(content_dir)


def test_the_fixture_s_figures_state_their_bases() -> None:
    content = load_content(FIXTURE_CONTENT)
    report = content.reports["sample-2023"]
    found = {figure.id: stated_basis(report, figure, content.bases.values())
             for figure in report.briefing.figures if figure.measure}
    assert {figure_id: (word, basis.id) for figure_id, (word, basis) in
            ((key, value) for key, value in found.items() if value is not None)} == {
        "cases-received": ("收案", "new"), "commercial-concluded": ("审结", "tried"),
        "enforcement-recovered": ("到位", "recovered")}


@pytest.mark.parametrize(("quote", "written", "word", "basis"), [
    ("未结案26025件，同比下降17.6%", "26025", "未结", "pending"),  # Not 结案: the longer word wins.
    ("审结执结案件3.2万件", "3.2万", "审结执结", "tried-and-enforced"),
    ("审执结案件3.2万件", "3.2万", "审执结", "tried-and-enforced"),
    ("受理案件10万件，其中新收8万件", "8万", "新收", "new"),  # The nearest word in its clause.
    ("受理案件10万件，其中新收8万件", "10万", "受理", "accepted"),
    ("执结案件 **33234** 件,执行到位金额 **41.33** 亿元", "41.33亿", "到位", "recovered"),
    ("10万件案件已受理", "10万", "受理", "accepted"),  # A word after the number, where none is before.
    ("审理涉互联网寻衅滋事案16件", "16", "审理", "heard"),
])
def test_the_basis_is_the_word_that_governs_the_number(quote: str, written: str, word: str,
                                                        basis: str) -> None:
    content = load_content(FIXTURE_CONTENT)
    report = content.reports["sample-2023"]
    figure = report.briefing.figures[0].model_copy(update={"quote": quote, "written": written})
    found = stated_basis(report, figure, content.bases.values())
    assert found is not None and (found[0], found[1].id) == (word, basis)


def test_for_one_case_type_the_whole_s_wording_states_the_part_s_basis() -> None:
    content = load_content(FIXTURE_CONTENT)
    bases = content.bases
    commercial = content.measures["commercial-concluded"]  # Basis 审结 (tried).
    assert states(commercial, bases["tried"])
    typed = commercial.model_copy(
        update={"case_type": CaseType(of="cases-concluded", name=commercial.name)})
    # 商事案件结案 is 审结商事案件; for all cases, 结案 is more than 审结.
    assert states(typed, bases["concluded"]) and not states(commercial, bases["concluded"])
    assert not states(typed, bases["new"]) and not states(typed, bases["heard"])


def test_a_case_type_counts_on_its_whole_s_basis_or_a_part_of_it(content_dir: Path) -> None:
    path = content_dir / "measures.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """- id: criminal-received
  name: {zh-Hans: 受理刑事案件, en: Criminal cases accepted}
  basis: accepted
  definition: {zh-Hans: 受理的刑事案件。, en: Criminal cases accepted.}
  unit: cases
  case_type: {of: cases-received, name: {zh-Hans: 刑事, en: Criminal}}
""", encoding="utf-8")
    assert any(found.endswith(f"[{APPENDED_MEASURE}].case_type.of: criminal-received counts on "
                              "the basis accepted, "
                              "cases-received on new: a case type's counts must add up to its "
                              "whole's") for found in problems(content_dir))


def test_bases_and_measures_are_checked(content_dir: Path) -> None:
    line = edit(content_dir, "measures.yaml", "  basis: recovered", "  basis: collected")
    found = problems(content_dir)
    assert f"measures.yaml:{line}: [2].basis: unknown basis 'collected' (see bases.yaml)" in found
    edit(content_dir, "measures.yaml", "  basis: collected", "  basis: recovered")
    line = edit(content_dir, "bases.yaml", "  signals: [执结]", "  signals: [执结, 审结]")
    assert f"bases.yaml:{line}: [6].signals: '审结' already signals 'tried'" in problems(content_dir)
    edit(content_dir, "bases.yaml", "  signals: [执结, 审结]", "  signals: [执结]")
    line = edit(content_dir, "bases.yaml", "  parts: [tried, enforced]\n- id: tried-and",
                "  parts: [tried, executed]\n- id: tried-and")
    assert f"bases.yaml:{line}: [3].parts: no other basis 'executed'" in problems(content_dir)
    edit(content_dir, "measures.yaml", "  definition: {zh-Hans: 当年新收的案件。, "
         "en: Cases newly received in the year.}\n", "")
    # A missing key is reported at its measure's first line.
    assert "measures.yaml:1: [0].definition: missing" in problems(content_dir)


def test_a_scope_names_courts_the_report_names(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "courts: {zh-Hans: 示例区人民法院,", "courts: {zh-Hans: 全市法院,")
    assert (f"{BRIEFING}:{line}: scope.courts.zh-Hans: not found in source.txt (spacing aside): "
            "name the courts as the report does") in problems(content_dir)


def test_a_figure_s_courts_are_named_in_its_own_paragraph(content_dir: Path) -> None:
    # 示例区法院 stands in a caption of the report, not where the figure's number does.
    line = edit(content_dir, BRIEFING, "    measure: cases-received\n",
                "    measure: cases-received\n    scope: {kind: some-courts, courts: {zh-Hans: "
                "示例区法院, en: Sample District courts}}\n") + 1
    assert (f"{BRIEFING}:{line}: figures[0].scope.courts.zh-Hans: not found in the figure's "
            "paragraph (spacing aside): name the courts as it does") in problems(content_dir)


def test_a_figure_s_own_scope_differs_from_the_report_s(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "    measure: cases-received\n",
                "    measure: cases-received\n    scope: {kind: court, courts: {zh-Hans: "
                "示例区人民法院, en: Sample District People's Court}}\n") + 1
    assert f"{BRIEFING}:{line}: figures[0].scope: the report's own scope: leave it out" in problems(
        content_dir)
    name_courts_in_overview(content_dir)
    edit(content_dir, BRIEFING, "    scope: {kind: court, courts: {zh-Hans: 示例区人民法院, "
         "en: Sample District People's Court}}\n",
         "    scope: {kind: some-courts, courts: {zh-Hans: 示例区法院, en: Sample District courts}}\n")
    report = load_content(content_dir).reports["sample-2023"]
    figure = report.figure("cases-received")
    assert report.scope_of(figure).kind == "some-courts"
    assert report.scope_of(report.figure("commercial-concluded")) == report.briefing.scope


def add_criminal_received(content_dir: Path, row: str) -> int:
    """Add the measure and a 2022 figure quoting the fixture's table ``row``.

    Returns the line of the figure's ``measure``.
    """
    path = content_dir / "measures.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """- id: criminal-received
  name: {zh-Hans: 刑事案件收案, en: Criminal cases received}
  basis: new
  definition: {zh-Hans: 当年新收的刑事案件。, en: Criminal cases newly received in the year.}
  unit: cases
""", encoding="utf-8")
    figure = ("  - id: criminal-2022\n    section: stability\n    measure: criminal-received\n"
              "    year: 2022\n    label: {zh-Hans: 刑事案件收案, en: Criminal cases received}\n"
              f"    value: 1337\n    unit: cases\n    written: \"1337\"\n    quote: \"{row}\"\n")
    return edit(content_dir, BRIEFING, "\nparts:\n", "\n" + figure + "parts:\n") + 3


def test_a_table_cell_s_basis_is_its_column_heading_else_its_row_label(content_dir: Path) -> None:
    line = add_criminal_received(content_dir, "刑事\\n案件\\n\\t1337\\n\\t1770")
    load_content(content_dir)  # 2022年收案数: 收案, the measure's basis.
    # Headings naming only years: the row's label says the basis, here not the measure's.
    edit(content_dir, SOURCE, "\t2022年收案数\n\t2023年收案数", "\t2022年\n\t2023年")
    edit(content_dir, SOURCE, "\t刑事\n案件\n\t1337", "\t受理刑事\n案件\n\t1337")
    edit(content_dir, BRIEFING, "刑事\\n案件\\n\\t1337", "受理刑事\\n案件\\n\\t1337")
    assert (f"{BRIEFING}:{line}: figures[5].measure: criminal-received counts 新收 (new), but "
            "the quote says 受理 (accepted): name a measure of that basis, or none"
            ) in problems(content_dir)


# What a measure is made of (`made_of`): other measures, of its unit and basis.
MADE_OF = """- id: received-made-of
  name: {zh-Hans: 收案合计, en: Cases received together}
  basis: new
  definition: {zh-Hans: 合计。, en: Together.}
  unit: cases
  made_of: [PARTS]
"""


@pytest.mark.parametrize(("parts", "message"), [
    ("cases-received, no-such", "no other measure 'no-such'"),
    ("cases-received, enforcement-recovered",
     "enforcement-recovered counts yuan, received-made-of cases: one unit for all"),
    ("cases-received, commercial-concluded",
     "commercial-concluded counts on the basis tried, received-made-of on new: parts on the "
     "whole's basis only"),
    ("cases-received, received-made-of", "no other measure 'received-made-of'"),
    ("cases-received", "name two different measures or more: the parts that together are the "
                       "whole"),
    ("cases-received, cases-received", "name two different measures or more: the parts that "
                                       "together are the whole"),
])
def test_a_measure_is_made_of_other_measures_of_its_unit_and_basis(content_dir: Path, parts: str,
                                                                    message: str) -> None:
    path = content_dir / "measures.yaml"
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 6
    path.write_text(text + MADE_OF.replace("PARTS", parts), encoding="utf-8")
    assert f"measures.yaml:{line}: [{APPENDED_MEASURE}].made_of: {message}" in problems(content_dir)
