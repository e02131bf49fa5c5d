"""What a finished briefing kept of a fresh draft: figures, parts and texts (issue 18)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

from webapp import create_app
from webapp.content import load_content
from webapp.drafting.draft import draft_briefing
from webapp.drafting.saved import Tally, saved

from .conftest import FIXTURES

SOURCE = "审结刑事案件100件，同比下降5%。受理民事案件200件。执结案件300件。调解纠纷40件。"


def figure(value: int, quote: str, label: str, unit: str = "cases",
           change: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"value": value, "unit": unit, "quote": quote, "label": {"zh-Hans": label, "en": ""},
            **({"change": change} if change else {})}


def text(zh: str) -> dict[str, str]:
    return {"zh-Hans": zh, "en": ""}


def test_figures_kept_corrected_removed_and_added() -> None:
    down = {"value": 5, "unit": "percent", "direction": "down"}
    drafted = {"figures": [figure(100, "审结刑事案件100件", "审结刑事案件", change=down),
                           figure(200, "受理民事案件200件", "受理"),
                           figure(300, "执结案件300件", "执结案件")]}
    finished = {"figures": [figure(100, "审结刑事案件100件，同比下降5%", "审结刑事案件", change=down),
                            figure(200, "受理民事案件200件", "受理民事案件"),
                            figure(40, "调解纠纷40件", "调解纠纷", unit="disputes")]}
    result = saved(drafted, finished, SOURCE, {}, {})
    # 100 as drafted (its quote longer, the same place); 200's label corrected; 300 removed;
    # 40 added by hand.
    assert result.figures == Tally(kept=1, corrected=1, removed=1, added=1)


def test_a_changed_unit_or_change_is_a_correction() -> None:
    drafted = {"figures": [figure(40, "调解纠纷40件", "调解纠纷")]}
    finished = {"figures": [figure(40, "调解纠纷40件", "调解纠纷", unit="disputes")]}
    assert saved(drafted, finished, SOURCE, {}, {}).figures == Tally(0, 1, 0, 0)


def test_parts_kept_or_corrected_by_block() -> None:
    result = saved({}, {}, SOURCE, {"p1": "overview", "p2": "economy", "p3": "team"},
                   {"p1": "overview", "p2": "livelihood", "p3": "team"})
    assert result.parts == Tally(kept=2, corrected=1, removed=None, added=None)
    assert result.parts.cells() == ["2", "1", "-", "-"]


def test_texts_by_place_kept_rewritten_removed_and_added() -> None:
    drafted = {"summary": text("今年审结案件较多。"),
               "sections": {"economy": {"highlights": [
                   {"text": text("审结商事案件一万件，服务营商环境。")},
                   {"text": text("发布典型案例十件。")},
                   {"text": text("召开新闻发布会。")}]}},
               "figures": [figure(100, "审结刑事案件100件", "审结刑事案件")]}
    finished = {"summary": text("全年审结各类案件，质效提升。"),
                "sections": {"economy": {"highlights": [
                    {"text": text("发布典型案例十件。")},
                    {"text": text("审结商事案件一万件，服务优化营商环境。")},
                    {"text": text("设立破产法庭，审理重整案件。")}]}},
                "figures": [figure(100, "审结刑事案件100件", "审结刑事案件二")]}
    result = saved(drafted, finished, SOURCE, {}, {})
    # The summary rewritten (its place holds one text); one highlight kept, one edited, one
    # removed (召开新闻发布会), one added by hand; figures' labels are the figures' count.
    assert result.texts == Tally(kept=1, corrected=2, removed=1, added=1)


def test_evaluate_prints_what_the_finished_briefing_kept(tmp_path: Path) -> None:
    content_dir = FIXTURES / "content"
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    output = app.test_cli_runner().invoke(
        args=["report", "evaluate", "sample-2023", "--runs", "1"]).output
    assert "sample-2023: what the finished briefing kept of a fresh draft" in output
    rows = {match[0]: [int(cell) if cell != "-" else None for cell in match[1:]]
            for match in re.findall(r"^\s+(figures|parts|texts)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$",
                                    output, re.MULTILINE)}
    content = load_content(content_dir)
    report = content.reports["sample-2023"]
    draft = draft_briefing(report.source.text, content.units, content.glossary,
                           datetime.date.today(), measures=content.measures)
    finished = yaml.safe_load((content_dir / "reports" / "sample-2023" / "briefing.yaml")
                              .read_text(encoding="utf-8"))
    kept, corrected, removed, added = rows["figures"]
    # Every drafted figure is kept, corrected or removed; every finished one kept, corrected or
    # added by hand.
    assert kept + corrected + removed == len(draft.figures)
    assert kept + corrected + added == len(finished["figures"])
    assert sum(cell for cell in rows["parts"] if cell is not None) == len(report.source.blocks)
    assert rows["parts"][2:] == [None, None]
    assert kept > 0 and rows["texts"][0] > 0
