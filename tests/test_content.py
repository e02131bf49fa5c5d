"""Loading and validating content: every problem named by file, line and field."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner

from webapp import create_app
from webapp.config import PROJECT_ROOT
from webapp.content import load_content
from webapp.content.yamlfile import ContentError

from .conftest import BRIEFING, FIXTURE_CONTENT, GRAPHIC, edit, edit_paragraph, problems


def test_fixture_content_is_valid() -> None:
    content = load_content(FIXTURE_CONTENT)
    assert list(content.reports) == ["example-2023", "sample-2023"]
    assert [section.id for section in content.sections] == [
        "stability", "economy", "livelihood", "team", "supervision"]


def test_quote_not_in_source(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件")
    assert f"{BRIEFING}:{line}: figures[2].quote: not found verbatim in source.txt" in problems(
        content_dir)


def test_value_must_match_what_the_quote_writes(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "value: 19500", "value: 19000")
    assert f"{BRIEFING}:{line}: figures[2].value: 19000 does not match '1.95万' (= 19500)" in (
        problems(content_dir))


def test_written_not_in_quote(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, 'written: "72.58亿"', 'written: "72.5亿"')
    found = problems(content_dir)
    assert f"{BRIEFING}:{line}: figures[3].written: '72.5亿' does not occur in the quote" in found


def test_over_written_inside_a_number_needs_its_qualifier(content_dir: Path) -> None:
    # 72余亿 (as a report may write 8600余万) stands in the quote as written; it says over.
    edit_paragraph(content_dir, "sample-2023", "执结案件3.83万件，执行到位总金额72.58亿元。",
                   "执结案件3.83万件，执行到位总金额72余亿元。")
    edit(content_dir, BRIEFING, 'written: "72.58亿"\n    quote: 执行到位总金额72.58亿元',
         'written: "72余亿"\n    quote: 执行到位总金额72余亿元')
    edit(content_dir, BRIEFING, "value: 7258000000", "value: 7200000000")
    edit(content_dir, BRIEFING, "{zh-Hans: 执行到位总金额72.58亿元。, en: RMB 7.258 billion recovered.",
         "{zh-Hans: 执行到位总金额72余亿元。, en: Over RMB 7.2 billion recovered.")
    edit(content_dir, "reports/sample-2023/translation.yaml", "7.258 billion", "7.2 billion")
    assert [problem.split(": ", 1)[1] for problem in problems(content_dir)] == [
        "figures[3].qualifier: '72余亿' says 余 (over): the qualifier must be over"]
    edit(content_dir, BRIEFING, 'written: "72余亿"', 'written: "72余亿"\n    qualifier: over')
    figure = load_content(content_dir).reports["sample-2023"].figure("enforcement-recovered")
    assert (figure.written, figure.qualifier) == ("72余亿", "over")


def test_change_must_be_in_quote(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, 'direction: up, written: "10.2%"', 'direction: up, written: "11.2%"')
    assert any("figures[0].change.written" in p for p in problems(content_dir))


def test_a_fold_change_cannot_go_down(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "change: {value: 5.5, unit: points, direction: up",
                "change: {value: 5.5, unit: fold, direction: down")
    assert f"{BRIEFING}:{line}: figures[1].change.direction: a fold change can only go up" in (
        problems(content_dir))


def test_missing_translation(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "title: {zh-Hans: 示例区人民法院工作报告, en: Work Report of the "
                "Sample District People's Court}", "title: {zh-Hans: 示例区人民法院工作报告}")
    assert f"{BRIEFING}:{line}: title.en: missing (every text needs zh-Hans and en)" in problems(
        content_dir)


def test_written_traditional_is_refused(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "level: {zh-Hans: 基层人民法院,",
         "level: {zh-Hant: 基層人民法院, zh-Hans: 基层人民法院,")
    assert any("zh-Hant is generated from zh-Hans" in p for p in problems(content_dir))


def test_number_in_text_must_be_in_source(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "summary: {zh-Hans: 执结案件3.83万件。",
         "summary: {zh-Hans: 执结案件3.85万件。")
    assert any("sections.livelihood.summary.zh-Hans: the number 3.85 does not occur" in p
               for p in problems(content_dir))


def test_number_in_a_highlight_must_be_in_source(content_dir: Path) -> None:
    # Highlights, cases, shortcomings and outlook items are lists of texts: checked like the rest.
    line = edit(content_dir, BRIEFING, "{zh-Hans: 结收比105.5%。", "{zh-Hans: 结收比105.6%。")
    assert (f"{BRIEFING}:{line}: sections.stability.highlights[1].zh-Hans: the number 105.6 does not "
            "occur in source.txt") in problems(content_dir)


def test_duplicate_ids_and_unknown_references(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "- id: closure-ratio", "- id: cases-received")
    edit(content_dir, BRIEFING, "terms: [fengqiao-experience]", "terms: [no-such-term]")
    found = problems(content_dir)
    assert any("figures[1].id: duplicate figure id 'cases-received'" in p for p in found)
    assert any("no glossary term with id 'no-such-term'" in p for p in found)


def test_missing_section(content_dir: Path) -> None:
    path = content_dir / BRIEFING
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  supervision:"), text.index("shortcomings:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert any(p.endswith("sections.supervision: missing") for p in problems(content_dir))


def test_glossary_aliases_unique_and_quotes_verbatim(content_dir: Path) -> None:
    edit(content_dir, "glossary.yaml", "term: {zh-Hans: 结收比", "term: {zh-Hans: 枫桥")
    edit(content_dir, "glossary.yaml", "quote: \"“枫桥经验”：小事不出村", "quote: \"“枫桥经验”：小事不出乡")
    found = problems(content_dir)
    assert any("glossary.yaml:" in p and "'枫桥' is already a form of 'fengqiao-experience'" in p
               for p in found)
    assert any("[0].source.quote: not found verbatim" in p for p in found)


def test_yaml_syntax_error_names_the_line(content_dir: Path) -> None:
    line = edit(content_dir, "units.yaml", "cases: {zh-Hans: 件, en: [case, cases]}",
                "cases: {zh-Hans: 件, en: [case, cases}")
    assert any(p.startswith(f"units.yaml:{line}: (file): invalid YAML") for p in problems(content_dir))


def test_cli_check_prints_problems_and_exits_1(content_dir: Path, app: Flask,
                                              runner: FlaskCliRunner) -> None:
    edit(content_dir, BRIEFING, "quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件")
    app.config["CONTENT_DIR"] = str(content_dir)
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert "figures[2].quote: not found verbatim in source.txt" in result.output


def test_cli_check_passes_on_valid_content(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "Content OK: 2 reports, 30 figures, 5 glossary terms." in result.output


def test_app_refuses_to_start_on_invalid_content(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件")
    with pytest.raises(ContentError) as caught:
        create_app({"CONTENT_DIR": str(content_dir)})
    assert "figures[2].quote: not found verbatim in source.txt" in str(caught.value)


@pytest.mark.slow
def test_the_flask_command_names_the_problems_without_a_traceback(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "webapp", "content", "check"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "FLASK_CONTENT_DIR": str(content_dir)})
    assert result.returncode == 1
    assert "Invalid content:" in result.stderr
    assert f"{BRIEFING}:{line}: figures[2].quote: not found verbatim in source.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_traditional_is_converted_once_with_overrides() -> None:
    content = load_content(FIXTURE_CONTENT)
    stability = content.reports["sample-2023"].briefing.sections.stability
    assert stability.highlights[0].zh_hant == "于某某案總結發布。"
    assert content.glossary[0].term.zh_hant == "楓橋經驗"
    assert content.glossary[0].aliases.zh_hant == ("楓橋",)


def test_unreadable_or_missing_source(content_dir: Path) -> None:
    source = content_dir / "reports" / "sample-2023" / "source.txt"
    source.write_bytes(b"\xff\xfe not utf-8")
    assert any(p.startswith("reports/sample-2023/source.txt:1: (file): cannot read")
               for p in problems(content_dir))
    source.unlink()
    assert "reports/sample-2023/source.txt:1: (file): missing" in problems(content_dir)


def test_no_reports_is_a_problem_not_a_crash(content_dir: Path) -> None:
    shutil.rmtree(content_dir / "reports")
    assert "reports:1: (folder): no report folders" in problems(content_dir)


def test_impossible_date_names_its_line(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "date: 2024-01-05", "date: 2024-13-45")
    assert any(p.startswith(f"{BRIEFING}:{line}: delivered.date:") for p in problems(content_dir))


def test_duplicate_key_is_a_problem(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "    quote: 执行到位总金额72.58亿元",
                "    quote: 执行到位总金额72.58亿元\n    quote: 执结案件3.83万件")
    assert f"{BRIEFING}:{line + 1}: figures[3].quote: duplicate key" in problems(content_dir)


SOURCE = "reports/sample-2023/source.txt"


def test_a_block_before_the_first_run_is_unassigned(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "  - {from: p-6db3d038, part: front-matter}\n", "")
    found = problems(content_dir)
    # The title block (line 1) and the salutation (line 5) now belong to no part.
    assert f"{SOURCE}:1: p-6db3d038: not assigned to a part: start a run of `parts` in " \
           "briefing.yaml at or before it" in found
    assert any(problem.startswith(f"{SOURCE}:5: p-66bd2b41: not assigned") for problem in found)


def test_a_run_must_start_at_a_block_of_the_source(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "{from: p-b692fd76, part: economy}",
                "{from: p-00000000, part: economy}")
    assert f"{BRIEFING}:{line}: parts[3].from: no block 'p-00000000' in source.txt " \
           "(see `flask content blocks`)" in problems(content_dir)


def test_runs_follow_the_reading_order(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "{from: p-11eb8798, part: livelihood}",
                "{from: p-26bf69a6, part: livelihood}")
    assert any(problem.startswith(f"{BRIEFING}:{line}: parts[4].from: p-26bf69a6 (source.txt "
                                  "line 10) does not come after") for problem in problems(content_dir))


def test_a_part_must_be_one_the_briefing_knows(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "part: appendix}", "part: annex}")
    assert any(problem.startswith(f"{BRIEFING}:{line}: parts[9].part:")
               for problem in problems(content_dir))


def test_a_quote_must_name_one_place(content_dir: Path) -> None:
    # 枫桥经验 stands in two paragraphs of the fixture report.
    line = edit(content_dir, BRIEFING, "quote: 审结商事案件1.95万件", "quote: 枫桥经验")
    edit(content_dir, BRIEFING, 'written: "1.95万"', 'written: "枫桥经验"')
    assert f"{BRIEFING}:{line}: figures[2].quote: occurs 3 times in source.txt (lines 15, 31, 49): " \
           "quote enough of the sentence to name one place" in problems(content_dir)


def test_a_quote_must_stand_in_one_paragraph(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "quote: 犯罪金额2659亿余元",
                "quote: \"犯罪金额2659亿余元。\\n于某某\"")
    assert f"{BRIEFING}:{line}: figures[4].quote: spans more than one paragraph of source.txt " \
           "(lines 11–12): quote one" in problems(content_dir)


def test_a_highlight_names_paragraphs_that_exist(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "paragraphs: [p-fa7bd7bc]}", "paragraphs: [p-12345678]}")
    assert f"{BRIEFING}:{line}: sections.stability.highlights[0].paragraphs[0]: no block " \
           "'p-12345678' in source.txt" in problems(content_dir)


def test_a_highlight_takes_its_numbers_from_its_paragraphs(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "en: \"19,500 commercial cases were concluded.\", "
                "paragraphs: [p-97a6c263]", "en: \"19,500 commercial cases were concluded.\", "
                "paragraphs: [p-fa7bd7bc]")
    assert f"{BRIEFING}:{line}: sections.stability.highlights[2].paragraphs: the number 1.95 " \
           "does not occur in the paragraphs named" in problems(content_dir)


def test_a_case_names_its_paragraphs(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "        paragraphs: [p-fa7bd7bc]\n", "")
    assert f"{BRIEFING}:23: sections.stability.cases[0].paragraphs: missing" in problems(content_dir)


def test_the_original_title_stands_in_the_source(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "original_title: {zh-Hans: 示例区人民法院工作报告",
                "original_title: {zh-Hans: 示例区人民法院2023年工作报告")
    assert f"{BRIEFING}:{line}: original_title.zh-Hans: not found in source.txt (spacing aside)" \
           in problems(content_dir)


def test_a_quote_in_traditional_is_its_stretch_of_the_converted_source() -> None:
    report = load_content(FIXTURE_CONTENT).reports["sample-2023"]
    for figure in report.briefing.figures:
        located = report.quotes[figure.id]
        assert figure.quote_in("zh-Hant") == report.source_hant[located.start:located.end]
        assert figure.quote_in("zh-Hant") in report.text_in(located.block.start, located.block.end,
                                                              "zh-Hant")
    assert len(report.source_hant) == len(report.source.text)
    assert "執行到位總金額72.58億元" in report.source_hant


def make_draft(content_dir: Path) -> None:
    """Turn the fixture briefing into a draft: one drafted text, one awaiting English."""
    from webapp.content.texts import drafted_digest

    edit(content_dir, BRIEFING, "court: {zh-Hans: 示例区人民法院, en: Sample District People's Court}",
         "status: draft\ncourt: {zh-Hans: 示例区人民法院, en: '', drafted: "
         f"{drafted_digest('示例区人民法院', '')}}}")


def test_a_draft_may_leave_english_empty_and_counts_what_is_left(content_dir: Path) -> None:
    make_draft(content_dir)
    briefing = load_content(content_dir).reports["sample-2023"].briefing
    assert briefing.is_draft
    assert briefing.court.origin == "draft" and briefing.court.awaiting_translation
    assert briefing.court.shown_in("en") == ("示例区人民法院", "zh-Hans")
    assert briefing.level.origin == "person"
    review = briefing.review()
    assert (review.to_review, review.to_translate) == (1, 1)
    assert str(review) == f"1 of {review.texts} texts machine-drafted (to review), 1 awaiting English"


def test_an_edited_draft_text_is_a_persons(content_dir: Path) -> None:
    make_draft(content_dir)
    edit(content_dir, BRIEFING, "{zh-Hans: 示例区人民法院, en: ''",
         "{zh-Hans: 示例区人民法院, en: Sample Court")
    court = load_content(content_dir).reports["sample-2023"].briefing.court
    assert court.origin == "person" and not court.awaiting_translation


def test_only_a_draft_may_leave_english_empty(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "en: Sample District People's Court}", "en: ''}")
    assert f"{BRIEFING}:{line}: court.en: Value error, empty: every text needs English (only a " \
           "draft may leave it empty)" in problems(content_dir)


def test_a_draft_still_proves_every_quote(content_dir: Path) -> None:
    make_draft(content_dir)
    line = edit(content_dir, BRIEFING, "quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件")
    assert f"{BRIEFING}:{line}: figures[2].quote: not found verbatim in source.txt" in problems(
        content_dir)


def test_content_check_reports_what_is_left_in_drafts(content_dir: Path, tmp_path: Path) -> None:
    make_draft(content_dir)
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "cache")})
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0
    assert "sample-2023: draft: 1 of " in result.output


def test_a_figure_names_a_known_measure(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "measure: commercial-concluded", "measure: commerce")
    assert f"{BRIEFING}:{line}: figures[2].measure: unknown measure 'commerce' (see measures.yaml)" \
           in problems(content_dir)


def test_a_figure_is_in_its_measure_s_unit(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "measure: enforcement-recovered", "measure: cases-received")
    assert f"{BRIEFING}:{line}: figures[3].measure: cases-received counts cases, the figure yuan" \
           in problems(content_dir)


def test_a_report_gives_a_measure_once(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "measure: commercial-concluded", "measure: cases-received")
    assert f"{BRIEFING}:{line}: figures[2].measure: cases-received for 2023 is already reported " \
           "by 'cases-received': one figure per measure and year" in problems(content_dir)


def test_a_measure_has_a_known_unit(content_dir: Path) -> None:
    line = edit(content_dir, "measures.yaml", "  unit: yuan", "  unit: dollars")
    assert f"measures.yaml:{line}: [2].unit: unknown unit 'dollars' (see units.yaml)" in problems(
        content_dir)


# Figures of an earlier year, from a table of two years (the fixture's 附件1: 2022年收案数,
# 2023年收案数; its row 刑事案件 gives 1337 and 1770).
TABLE_ROW = "刑事\\n案件\\n\\t1337\\n\\t1770"
CRIMINAL_RECEIVED = """- id: criminal-received
  name: {zh-Hans: 刑事案件收案, en: Criminal cases received}
  basis: new
  definition: {zh-Hans: 当年新收的刑事案件。, en: Criminal cases newly received in the year.}
  unit: cases
  case_type: {of: cases-received, name: {zh-Hans: 刑事, en: Criminal}}
"""


def add_table_figure(content_dir: Path, figure_id: str, written: str, year: int | None) -> int:
    """Add a figure quoting the fixture's table row; return the line of its ``id``."""
    path = content_dir / "measures.yaml"
    if "criminal-received" not in path.read_text(encoding="utf-8"):
        path.write_text(path.read_text(encoding="utf-8") + CRIMINAL_RECEIVED, encoding="utf-8")
    year_line = f"    year: {year}\n" if year is not None else ""
    figure = (f"  - id: {figure_id}\n    section: stability\n    measure: criminal-received\n"
              f"{year_line}    label: {{zh-Hans: 刑事案件收案, en: Criminal cases received}}\n"
              f"    value: {written}\n    unit: cases\n    written: \"{written}\"\n"
              f"    quote: \"{TABLE_ROW}\"\n")
    return edit(content_dir, BRIEFING, "\nparts:\n", "\n" + figure + "parts:\n") + 1


def test_a_table_gives_both_years_each_in_its_column(content_dir: Path) -> None:
    add_table_figure(content_dir, "criminal-received-2022", "1337", 2022)
    add_table_figure(content_dir, "criminal-received-2023", "1770", None)
    report = load_content(content_dir).reports["sample-2023"]
    assert report.figure_for("criminal-received", 2022) == report.figure("criminal-received-2022")
    assert report.figure_for("criminal-received", 2023) == report.figure("criminal-received-2023")
    assert report.year_of(report.figure("criminal-received-2023")) == 2023


def test_a_number_from_a_table_stands_in_its_year_s_column(content_dir: Path) -> None:
    line = add_table_figure(content_dir, "criminal-received", "1337", None)
    assert (f"{BRIEFING}:{line}: figures[5].year: 1337 stands in the column '2022年收案数' "
            "(source.txt line 37), not in a column of 2023: give the figure's `year`") in (
        problems(content_dir))


def test_a_figure_is_about_the_report_s_year_or_the_one_before(content_dir: Path) -> None:
    line = add_table_figure(content_dir, "criminal-received", "1337", 2021)
    assert (f"{BRIEFING}:{line + 3}: figures[5].year: 2021 is neither the report's year (2023) "
            "nor the year before") in problems(content_dir)


def test_a_measure_is_given_once_a_year(content_dir: Path) -> None:
    add_table_figure(content_dir, "criminal-received-2022", "1337", 2022)
    line = add_table_figure(content_dir, "criminal-received-again", "1337", 2022)
    assert (f"{BRIEFING}:{line + 2}: figures[6].measure: criminal-received for 2022 is already "
            "reported by 'criminal-received-2022': one figure per measure and year") in (
        problems(content_dir))


@pytest.mark.parametrize("written", ["133", "337", "13371770"])
def test_a_number_stands_whole_in_its_quote(content_dir: Path, written: str) -> None:
    # Pieces of 1337, or two cells' numbers run together: not numbers the quote writes.
    line = add_table_figure(content_dir, "piece", written, 2022)
    assert (f"{BRIEFING}:{line + 7}: figures[5].written: '{written}' does not occur in the "
            "quote") in problems(content_dir)


def test_a_case_type_is_of_another_measure_in_its_unit(content_dir: Path) -> None:
    path = content_dir / "measures.yaml"
    path.write_text(path.read_text(encoding="utf-8") + CRIMINAL_RECEIVED.replace(
        "of: cases-received", "of: enforcement-recovered"), encoding="utf-8")
    assert any("case_type.of: criminal-received counts cases, enforcement-recovered yuan" in found
               for found in problems(content_dir))
    path.write_text(path.read_text(encoding="utf-8").replace("of: enforcement-recovered",
                                                             "of: no-such"), encoding="utf-8")
    assert any("case_type.of: no other measure 'no-such'" in found
               for found in problems(content_dir))


def test_a_figure_names_a_theme_of_its_section(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "theme: fund-raising", "theme: enforcement")
    assert (f"{BRIEFING}:{line}: figures[4].theme: no theme 'enforcement' in "
            "sections.stability.themes") in problems(content_dir)


def test_overview_figures_have_no_theme(content_dir: Path) -> None:
    line = edit(content_dir, BRIEFING, "    section: overview\n",
                "    section: overview\n    theme: enforcement\n") + 1
    assert f"{BRIEFING}:{line}: figures[0].theme: overview figures are not grouped by theme" in (
        problems(content_dir))


def test_a_theme_without_figures_and_a_lead_from_elsewhere_are_problems(
        content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "      - id: fund-raising\n",
         "      - id: unused\n        title: {zh-Hans: 无, en: None}\n      - id: fund-raising\n")
    line = edit(content_dir, BRIEFING, "      - id: enforcement\n",
                "      - id: enforcement\n        lead: fraud-amount\n") + 1
    found = problems(content_dir)
    assert f"{BRIEFING}:{line}: sections.livelihood.themes[0].lead: 'fraud-amount' is not a " \
           "figure of this theme" in found
    assert any("sections.stability.themes[0].id: no figure of the section has this theme" in p
               for p in found)


def test_a_lead_is_short(content_dir: Path) -> None:
    long_lead = "很长的导语" * 20
    line = edit(content_dir, BRIEFING, "lead: {zh-Hans: 队伍建设。", f"lead: {{zh-Hans: {long_lead}")
    assert f"{BRIEFING}:{line}: sections.team.lead.zh-Hans: longer than 90 characters" in (
        problems(content_dir))


def test_panels_group_figures_by_theme_lead_first_and_the_rest_last(content_dir: Path) -> None:
    edit(content_dir, BRIEFING, "parts:\n", """  - id: enforcement-concluded
    section: livelihood
    theme: enforcement
    label: {zh-Hans: 执结案件, en: Enforcement cases concluded}
    value: 38300
    unit: cases
    written: "3.83万"
    quote: 执结案件3.83万件
parts:
""")
    edit(content_dir, BRIEFING, "      - id: enforcement\n",
         "      - id: enforcement\n        lead: enforcement-concluded\n")
    report = load_content(content_dir).reports["sample-2023"]
    livelihood = report.panels("livelihood")
    assert [(panel.theme.id if panel.theme else None, [f.id for f in panel.figures])
            for panel in livelihood] == [
        ("enforcement", ["enforcement-concluded", "enforcement-recovered"])]
    assert livelihood[0].lead.id == "enforcement-concluded"
    assert [f.id for f in livelihood[0].others] == ["enforcement-recovered"]
    # A section without themes shows its figures in one panel without a title.
    (economy,) = report.panels("economy")
    assert economy.theme is None and [f.id for f in economy.figures] == ["commercial-concluded"]
    assert report.panels("team") == []


def test_a_case_from_an_appendix_draws_on_that_appendix(content_dir: Path) -> None:
    # The fixture's 附件2 is known by its heading's own label; the case's source names it.
    edit(content_dir, BRIEFING, "source: {zh-Hans: 第一部分, en: Part one}",
         "source: {zh-Hans: 附件2 第1条, en: \"Appendix 2, item 1\"}")
    line = edit(content_dir, BRIEFING, "        paragraphs: [p-fa7bd7bc]\n",
                "        paragraphs: [p-013676ac, p-fa7bd7bc]\n")
    assert (f"{BRIEFING}:{line}: sections.stability.cases[0].paragraphs: the case is from 附件2, "
            "as its `source` says, but p-fa7bd7bc (source.txt line 12) is not in 附件2: name the "
            "paragraphs it comes from there") in problems(content_dir)
    edit(content_dir, BRIEFING, "[p-013676ac, p-fa7bd7bc]", "[p-013676ac]")
    load_content(content_dir)


def test_a_case_naming_another_appendix_is_refused(content_dir: Path) -> None:
    # 附件1's table is an appendix too, but not the one the case names.
    edit(content_dir, BRIEFING, "source: {zh-Hans: 第一部分, en: Part one}",
         "source: {zh-Hans: 附件2 第1条, en: \"Appendix 2, item 1\"}")
    edit(content_dir, BRIEFING, "        paragraphs: [p-fa7bd7bc]\n", "        paragraphs: [p-7facc03d]\n")
    assert any("is not in 附件2" in problem for problem in problems(content_dir))


def test_the_infographic_fixture_is_valid(graphic_content: Path) -> None:
    report = load_content(graphic_content).reports[GRAPHIC]
    assert report.briefing.document_kind == "infographic"
    # Its quotes keep the source's markup, to find their place.
    assert report.figure("cases-accepted").quote == "受理案件突破 **5万** 件"


def test_a_quote_must_read_as_the_report_does_in_its_place(graphic_content: Path) -> None:
    # Begun inside an emphasis mark, the quote alone would show a stray *.
    relative = f"reports/{GRAPHIC}/briefing.yaml"
    line = edit(graphic_content, relative, 'quote: "受理案件突破 **5万** 件"', 'quote: "*5万** 件"')
    assert (f"{relative}:{line}: figures[0].quote: reads '*5万件' but the report there reads "
            "'5万件': begin and end the quote on words, not on the source's markup") in problems(
        graphic_content)
