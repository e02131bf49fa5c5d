"""Measure the report drafter: start-up, the first draft, and warm drafts of each seed report.

Run by ``make bench`` (through bench.py), or alone: ``.venv/bin/python benchmarks/drafting.py``.
Start-up is measured in a fresh process (imports and jieba's dictionary); warm drafts in this
one. Exit 1 if a warm draft takes the issue's floor (2 s) or more.
"""

from __future__ import annotations

import datetime
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from webapp.content import load_content  # noqa: E402
from webapp.drafting.draft import draft_briefing  # noqa: E402
from webapp.drafting.evaluate import MAX_DRAFT_SECONDS, evaluate  # noqa: E402

REPORTS = ("haidian-2023", "tibet-2024")
WARM_RUNS = 5
START_UP = """
import time
started = time.perf_counter()
import datetime
from pathlib import Path
from webapp.content import load_content
from webapp.drafting.draft import draft_briefing
content = load_content(Path("content"))
imported = time.perf_counter()
report = content.reports["haidian-2023"]
draft_briefing(report.source.text, content.units, content.glossary, datetime.date.today())
print(imported - started, time.perf_counter() - imported)
"""


@dataclass
class DraftRow:
    report: str
    warm_s: float
    recall: float
    precision: float
    paragraphs: float


def start_up() -> tuple[float, float]:
    """Return (imports and content loading, first draft) seconds in a fresh process."""
    output = subprocess.run([sys.executable, "-c", START_UP], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    return float(output[0]), float(output[1])


def measure() -> list[DraftRow]:
    """Draft each seed report warm and evaluate the draft."""
    content = load_content(ROOT / "content")
    today = datetime.date.today()
    rows = []
    for report_id in REPORTS:
        report = content.reports[report_id]
        draft = draft_briefing(report.source.text, content.units, content.glossary, today,
                                   measures=content.measures)
        timings = []
        for _run in range(WARM_RUNS):
            started = time.perf_counter()
            draft = draft_briefing(report.source.text, content.units, content.glossary, today,
                                   measures=content.measures)
            timings.append(time.perf_counter() - started)
        result = evaluate(draft, report)
        rows.append(DraftRow(report_id, statistics.median(timings), result.figure_recall.share,
                             result.figure_precision.share, result.paragraphs.share))
    return rows


def print_rows(rows: list[DraftRow], imports_s: float, first_s: float) -> list[str]:
    """Print the drafting table; return the time floors missed."""
    print(f"\nReport drafter (warm = median of {WARM_RUNS} drafts in one process)")
    print(f"start-up in a fresh process: imports and content {imports_s:.2f} s, "
          f"first draft (jieba's dictionary) {first_s:.2f} s")
    print(f"{'report':14} {'warm s':>7} {'recall':>7} {'precision':>10} {'paragraphs':>11}")
    for row in rows:
        print(f"{row.report:14} {row.warm_s:7.2f} {row.recall:7.1%} {row.precision:10.1%} "
              f"{row.paragraphs:11.1%}")
    return [f"drafting {row.report}: warm {row.warm_s:.2f} s >= {MAX_DRAFT_SECONDS} s"
            for row in rows if row.warm_s >= MAX_DRAFT_SECONDS]


def main() -> int:
    imports_s, first_s = start_up()
    failures = print_rows(measure(), imports_s, first_s)
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
