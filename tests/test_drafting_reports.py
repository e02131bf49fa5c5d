"""Drafting whole reports: both seeds end to end with the evaluation floors, and the command."""

from __future__ import annotations

import datetime
import shutil
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from flask.testing import FlaskCliRunner

from webapp import create_app
from webapp.content import load_content
from webapp.content.reports import Content
from webapp.content.sources import parse_source
from webapp.drafting.draft import draft_briefing
from webapp.drafting.evaluate import FLOORS, MAX_DRAFT_SECONDS, evaluate
from webapp.drafting.read import normalize

from .conftest import FIXTURES

ROOT = Path(__file__).parent.parent
SEEDS = ("haidian-2023", "tibet-2024")


@pytest.fixture
def real_content_dir(tmp_path: Path) -> Path:
    """A copy of the real content (the glossary quotes the seeds), to draft the seeds into.

    Other reports are drafted into a copy of the fixture content (conftest's ``content_dir``)."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def runner_for(content_dir: Path, tmp_path: Path) -> FlaskCliRunner:
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    return app.test_cli_runner()


@pytest.mark.slow
@pytest.mark.parametrize("report_id", SEEDS)
def test_seed_drafted_from_its_source_meets_the_floors(real_content: Content, report_id: str) -> None:
    report = real_content.reports[report_id]
    today = datetime.date(2026, 1, 1)
    measures = real_content.measures
    draft_briefing(report.source.text, real_content.units, real_content.glossary, today,
                   measures=measures)  # Warm.
    started = time.perf_counter()
    draft = draft_briefing(report.source.text, real_content.units, real_content.glossary, today,
                           measures=measures)
    seconds = time.perf_counter() - started
    result = evaluate(draft, report)
    assert seconds < MAX_DRAFT_SECONDS
    assert result.figure_recall.share >= 0.95, [figure.quote for figure in result.missed]
    assert result.paragraphs.share >= 0.85
    assert result.figure_precision.share >= FLOORS["figure precision"]
    assert result.qualifier_precision.share >= 0.9 and result.change_precision.share >= 0.9
    assert result.rouge1 > 0.3
    # Measures name what a figure counts exactly, and give its label in English.
    by_measure = {figure.data.get("measure"): figure.data for figure in draft.figures}
    # Against the written figure of the measure from the report's sentences, for its year (an
    # appendix table's exact 41956 and the text's 4.19万 are one measure and year).
    written = {figure.measure: figure for figure in report.briefing.figures
               if figure.measure and report.year_of(figure) == report.briefing.year
               and report.quotes[figure.id].block.kind != "table"}
    for measure_id, data in by_measure.items():
        if measure_id is not None and measure_id in written:
            assert Decimal(str(data["value"])) == written[measure_id].value
            assert data["label"]["en"] == real_content.measures[measure_id].name.en


@pytest.mark.slow
@pytest.mark.parametrize("report_id", SEEDS)
def test_seed_drafted_by_the_command_passes_the_content_check(real_content_dir: Path, tmp_path: Path,
                                                              report_id: str) -> None:
    source = ROOT / "content" / "reports" / report_id / "source.txt"
    result = runner_for(real_content_dir, tmp_path).invoke(
        args=["report", "draft", str(source), "--id", "new-report"])
    assert result.exit_code == 0, result.output
    folder = real_content_dir / "reports" / "new-report"
    written = (folder / "source.txt").read_text(encoding="utf-8")
    assert written == normalize(source.read_text(encoding="utf-8"))
    # Normalizing touches only line ends and spacing at the ends of lines: the blocks are the same.
    assert [block.id for block in parse_source(written).blocks] == [
        block.id for block in parse_source(source.read_text(encoding="utf-8")).blocks]
    briefing = yaml.safe_load((folder / "briefing.yaml").read_text(encoding="utf-8"))
    assert briefing["status"] == "draft"
    loaded = load_content(real_content_dir).reports["new-report"]
    assert loaded.briefing.is_draft
    review = loaded.briefing.review()
    assert review.to_review == review.texts > 0
    assert all(figure.origin == "draft" for figure in loaded.briefing.figures)
    assert "texts machine-drafted (to review)" in result.output
    check = runner_for(real_content_dir, tmp_path).invoke(args=["content", "check"])
    assert check.exit_code == 0, check.output
    assert f"new-report: draft: {review}" in check.output
    assert not [path for path in real_content_dir.iterdir() if path.name.startswith(".draft-")]


@pytest.mark.slow
@pytest.mark.content
def test_seed_metadata_is_what_the_report_says(real_content: Content) -> None:
    report = real_content.reports["haidian-2023"]
    data = draft_briefing(report.source.text, real_content.units, real_content.glossary,
                          datetime.date(2026, 1, 1)).data
    assert data["court"]["zh-Hans"] == "海淀区人民法院"
    assert data["level"] == {**data["level"], "zh-Hans": "基层人民法院",
                             "en": "basic-level people's court"}
    assert data["year"] == 2023
    assert data["delivered"]["date"] == "2024-01-05"
    assert data["delivered"]["occasion"]["zh-Hans"] == "海淀区第十七届人民代表大会第四次会议"
    assert data["delivered"]["speaker"]["zh-Hans"] == "海淀区人民法院院长 邵明艳"
    assert data["document_kind"] == "full-text"
    tibet = real_content.reports["tibet-2024"]
    tibet_data = draft_briefing(tibet.source.text, real_content.units, real_content.glossary,
                                datetime.date(2026, 1, 1)).data
    assert (tibet_data["court"]["zh-Hans"], tibet_data["year"], tibet_data["document_kind"]) == (
        "西藏自治区高级人民法院", 2024, "infographic")


@pytest.mark.slow
@pytest.mark.content
def test_glossary_candidates_hold_the_appendix_definitions(real_content: Content) -> None:
    report = real_content.reports["haidian-2023"]
    draft = draft_briefing(report.source.text, real_content.units, real_content.glossary,
                           datetime.date(2026, 1, 1))
    defined = {candidate.term: candidate for candidate in draft.candidates if candidate.definition}
    assert defined["浦江经验"].known == "pujiang-experience"
    assert defined["浦江经验"].definition is not None
    assert defined["浦江经验"].definition.startswith("1.“浦江经验”：")
    assert "枫桥经验" in {candidate.term for candidate in draft.candidates}


@pytest.mark.parametrize("name", ["report.txt", "report-gbk.txt", "report.md", "report.html"])
def test_each_format_drafts_into_valid_content(content_dir: Path, tmp_path: Path, name: str) -> None:
    result = runner_for(content_dir, tmp_path).invoke(
        args=["report", "draft", str(FIXTURES / "drafting" / name), "--id", "sample-2024"])
    assert result.exit_code == 0, result.output
    report = load_content(content_dir).reports["sample-2024"]
    assert report.briefing.court.zh_hans == "示例市中级人民法院"
    assert any(figure.written == "8.12万" and figure.section == "overview"
               for figure in report.briefing.figures)


def test_an_existing_report_is_replaced_only_with_force(content_dir: Path, tmp_path: Path) -> None:
    runner = runner_for(content_dir, tmp_path)
    source = str(FIXTURES / "drafting" / "report.txt")
    assert runner.invoke(args=["report", "draft", source, "--id", "sample-2024"]).exit_code == 0
    written = content_dir / "reports" / "sample-2024" / "briefing.yaml"
    written.write_text(written.read_text(encoding="utf-8") + "# a person's note\n", encoding="utf-8")
    before = written.read_bytes()
    refused = runner.invoke(args=["report", "draft", source, "--id", "sample-2024"])
    assert refused.exit_code == 1
    assert "exists: use --force to replace it" in refused.output
    assert written.read_bytes() == before
    forced = runner.invoke(args=["report", "draft", source, "--id", "sample-2024", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "# a person's note" not in written.read_text(encoding="utf-8")
    assert load_content(content_dir).reports["sample-2024"].briefing.is_draft


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02" * 100, "a binary file"),
        ("今天天气很好，我们去公园散步。".encode(), "not a work report"),
    ],
)
def test_unreadable_input_exits_non_zero_with_one_line(content_dir: Path, tmp_path: Path,
                                                       content: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = runner_for(content_dir, tmp_path).invoke(args=["report", "draft", str(path), "--id", "x"])
    assert result.exit_code == 1
    assert message in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("error:")]) == 1
    assert not (content_dir / "reports" / "x").exists()


@pytest.mark.slow
def test_evaluate_prints_the_table(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    result = app.test_cli_runner().invoke(args=["report", "evaluate", "haidian-2023", "--runs", "1"])
    for row in ("figure recall", "figure precision", "qualifier recall", "change precision",
                "paragraphs in the same part", "summary ROUGE-2", "time to draft, warm"):
        assert row in result.output
    assert "below the floor" not in result.output
    assert result.exit_code == 0


SPC = FIXTURES / "drafting" / "spc-2026.txt"  # A seed: the Supreme People's Court report on 2025.


@pytest.mark.slow
def test_a_report_of_long_sentences_drafts_into_valid_content(real_content_dir: Path, tmp_path: Path) -> None:
    # The national report writes sentences of 100 characters and more: every lead the
    # overview shows is still one short sentence of the section, or its chapter's heading.
    result = runner_for(real_content_dir, tmp_path).invoke(
        args=["report", "draft", str(SPC), "--id", "spc-redrafted"])
    assert result.exit_code == 0, result.output
    briefing = load_content(real_content_dir).reports["spc-redrafted"].briefing
    source = SPC.read_text(encoding="utf-8")
    for section_id in ("stability", "economy", "livelihood", "team", "supervision"):
        lead = briefing.sections.get(section_id).lead.zh_hans
        assert 0 < len(lead) <= 90
        assert lead.rstrip("。") in source


@pytest.mark.slow
def test_figures_of_another_span_carry_it_and_are_never_the_years(real_content: Content) -> None:
    draft = draft_briefing(SPC.read_text(encoding="utf-8"), real_content.units, real_content.glossary,
                           datetime.date(2026, 3, 20), measures=real_content.measures)
    spans = {figure.data["written"]: figure.data for figure in draft.figures if "period" in figure.data}
    # What the SPC report states of five years and of the 14th Five-Year Plan period.
    assert spans["9326"]["period"]["zh-Hans"] == "过去五年"
    assert spans["15.9万"]["period"]["zh-Hans"] == "“十四五”时期"
    for data in spans.values():
        assert "measure" not in data and data["id"] not in draft.data["headline_figures"]
        assert data["period"]["zh-Hans"] in data["label"]["zh-Hans"]
    # No change amount stands as a figure of its own, and 分别 lists went to their figures.
    assert not [figure for figure in draft.figures if figure.data["unit"] in {"percent", "points"}
                and figure.found.change is None and "同比" in figure.data["quote"]
                and figure.data["written"] + "%" in figure.data["quote"].split("同比")[-1]]
    changes = {figure.data["written"]: figure.data.get("change") for figure in draft.figures}
    assert changes["29154"]["written"] == "16.5%" and changes["31958"]["written"] == "1.8%"
