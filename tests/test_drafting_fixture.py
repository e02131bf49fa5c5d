"""Drafting the fixture report ``example-2023`` end to end, without the real reports: the
command writes a draft that passes the content check, and the draft finds what the
hand-written fixture briefing holds (figures with their changes and qualifiers, an
infographic-style panel's ** figures, chapters to sections, the report's own facts, the terms
it defines)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from flask.testing import FlaskCliRunner

from webapp import create_app
from webapp.content import load_content
from webapp.content.reports import Content, Report
from webapp.drafting.draft import Draft, draft_briefing
from webapp.drafting.evaluate import evaluate
from webapp.drafting.read import normalize

from .conftest import EXAMPLE, FIXTURE_CONTENT

SOURCE = FIXTURE_CONTENT / "reports" / EXAMPLE / "source.txt"


@pytest.fixture(scope="module")
def fixture_content() -> Content:
    return load_content(FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def drafted(fixture_content: Content) -> Draft:
    report = fixture_content.reports[EXAMPLE]
    return draft_briefing(report.source.text, fixture_content.units, fixture_content.glossary,
                          datetime.date(2026, 1, 1), measures=fixture_content.measures)


def by_written(draft: Draft) -> dict[str, dict[str, object]]:
    return {str(figure.data["written"]): figure.data for figure in draft.figures}


def runner_for(content_dir: Path, tmp_path: Path) -> FlaskCliRunner:
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    return app.test_cli_runner()


def test_the_fixture_report_drafted_by_the_command_passes_the_content_check(
        content_dir: Path, tmp_path: Path) -> None:
    result = runner_for(content_dir, tmp_path).invoke(
        args=["report", "draft", str(SOURCE), "--id", "example-draft"])
    assert result.exit_code == 0, result.output
    folder = content_dir / "reports" / "example-draft"
    assert (folder / "source.txt").read_text(encoding="utf-8") == normalize(
        SOURCE.read_text(encoding="utf-8"))
    assert yaml.safe_load((folder / "briefing.yaml").read_text(encoding="utf-8"))["status"] == "draft"
    report = load_content(content_dir).reports["example-draft"]
    assert report.briefing.is_draft and report.briefing.figures
    assert all(figure.origin == "draft" for figure in report.briefing.figures)
    check = runner_for(content_dir, tmp_path).invoke(args=["content", "check"])
    assert check.exit_code == 0, check.output
    assert f"example-draft: draft: {report.briefing.review()}" in check.output


def test_the_draft_finds_the_hand_written_figures(fixture_content: Content,
                                                  drafted: Draft) -> None:
    report: Report = fixture_content.reports[EXAMPLE]
    result = evaluate(drafted, report)
    # Of the 15 figures of sentences (the appendix table's are not drafted), all but one.
    assert result.figure_recall.total == 15 and result.figure_recall.matched >= 14
    assert result.figure_precision.share >= 0.9
    assert result.qualifier_precision.share == 1.0 and result.change_precision.share == 1.0


def test_changes_qualifiers_and_the_panel_s_figures_are_read_as_written(drafted: Draft) -> None:
    figures = by_written(drafted)
    assert figures["48760"]["change"] == {"value": 6.4, "unit": "percent", "direction": "up",
                                          "basis": "year-on-year", "written": "6.4%"}
    change = figures["1826"]["change"]
    assert isinstance(change, dict) and change["direction"] == "down" and change["written"] == "3.1%"
    # The panel's figures, set large with ** in the source: their quotes keep the markup that
    # finds the place, their values are the numbers a reader sees.
    assert figures["12.6亿"]["value"] == 1260000000
    assert figures["12.6亿"]["quote"] == "执行到位金额 **12.6** 亿元"
    assert figures["12.6亿"]["measure"] == "enforcement-recovered"
    assert figures["1.1万"]["value"] == 11000 and figures["1.1万"]["qualifier"] == "over"
    assert figures["86.5"]["unit"] == "percent"
    # A number of a case told as a story (某建材公司, 王某) is not a key figure.
    assert "20万" not in figures and "2.3万" not in figures and "11" not in figures


def test_chapters_go_to_their_sections(drafted: Draft) -> None:
    parts = {run["from"]: run["part"] for run in drafted.data["parts"]}
    assert parts["p-a1d96df5"] == "front-matter" and parts["p-f374e481"] == "overview"
    for chapter, part in [("p-8830fdf8", "stability"), ("p-71d6d100", "economy"),
                          ("p-a3f3d355", "livelihood"), ("p-4146ae06", "team"),
                          ("p-a25a9050", "supervision"), ("p-9879f0b0", "shortcomings"),
                          ("p-018ab0bb", "outlook"), ("p-c14c5623", "appendix")]:
        assert parts[chapter] == part, chapter


def test_the_report_s_own_facts_and_shortcomings(drafted: Draft) -> None:
    data = drafted.data
    assert data["court"]["zh-Hans"] == "范例市中级人民法院"
    assert data["delivered"]["date"] == "2024-01-20"
    assert data["delivered"]["occasion"]["zh-Hans"] == "范例市第十六届人民代表大会第三次会议"
    assert "林晓川" in data["delivered"]["speaker"]["zh-Hans"]
    shortcomings = [text["zh-Hans"] for text in data["shortcomings"]]
    assert len(shortcomings) == 3
    for said, item in zip(("案件数量持续增长，办案压力较大", "服务保障发展的精准度有待提高",
                           "队伍专业能力与新形势新任务的要求相比还有差距"), shortcomings, strict=True):
        assert said in item


def test_the_terms_the_report_uses_are_candidates_with_their_glossary_entries(
        drafted: Draft) -> None:
    candidates = {candidate.term: candidate for candidate in drafted.candidates}
    assert candidates["无讼村居"].known == "litigation-free-village"
    assert candidates["繁简分流"].known == "simple-complex-separation"
