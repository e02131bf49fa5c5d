"""Measure search against its floors, on today's content and on 200 reports.

Run with ``make bench``. For each content: how long the app takes to start, how long the index
takes to build (at the first search), and the p50 and p95 of ``/api/v1/search`` requests (the
whole request through Flask's test client) over a mix of queries in every language: Chinese of
one to four characters in both scripts, pinyin, English, numbers, and the commonest character.
The scale run copies today's reports under new ids into a temporary content folder until it
holds 200. Exit 1 if a floor fails.
"""

from __future__ import annotations

import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from webapp import create_app  # noqa: E402
from webapp.config import LANGUAGES, PROJECT_ROOT  # noqa: E402

CONTENT = PROJECT_ROOT / "content"
SCALE_REPORTS = 200
RUNS = 10
FLOORS_MS = {"today": 20.0, f"{SCALE_REPORTS} reports": 50.0}
QUERIES = (
    "案", "调解", "执行", "枫桥", "人民法院", "诉源治理", "楓橋", "執行案件",
    "fengqiao", "zhixing", "tiaojie",
    "mediation", "enforcement", "court", "Fengqiao Experience", "intellectual property",
    "100344", "100,344", "10万", "1.95万", "2023", "收案 10万", "的",
)


def scale_content(folder: Path, reports: int) -> Path:
    """Copy today's content into ``folder`` with its reports copied under new ids, ``reports`` in all."""
    target = folder / "content"
    shutil.copytree(CONTENT, target)
    originals = sorted(path for path in (CONTENT / "reports").iterdir() if path.is_dir())
    copy = 0
    while len(list((target / "reports").iterdir())) < reports:
        original = originals[copy % len(originals)]
        shutil.copytree(original, target / "reports" / f"{original.name}-copy-{copy // len(originals) + 1}")
        copy += 1
    return target


def measure(name: str, content_dir: Path) -> tuple[str, float, float, float, float, int]:
    """Return (name, start-up s, index build s, p50 ms, p95 ms, reports) for one content."""
    started = time.perf_counter()
    app = create_app({"CONTENT_DIR": str(content_dir)})
    startup = time.perf_counter() - started
    client = app.test_client()
    started = time.perf_counter()
    client.get("/api/v1/search", query_string={"q": "x"})  # The first search builds the index.
    build = time.perf_counter() - started
    # As a worker does (wsgi.py): what start-up and the index made is kept out of the
    # collector's way.
    gc.collect()
    gc.freeze()
    searches = [{"q": query, "lang": language.code} for query in QUERIES for language in LANGUAGES]
    for search in searches:
        client.get("/api/v1/search", query_string=search)  # Warm, as after a few searches.
    timings = []
    for _run in range(RUNS):
        for search in searches:
            started = time.perf_counter()
            response = client.get("/api/v1/search", query_string=search)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (search, response.status_code)
    quantiles = statistics.quantiles(timings, n=100)
    reports = client.get("/healthz").get_json()["reports"]
    return name, startup, build, statistics.median(timings), quantiles[94], reports


def main() -> int:
    rows = [measure("today", CONTENT)]
    with tempfile.TemporaryDirectory(prefix="search-bench-") as folder:
        rows.append(measure(f"{SCALE_REPORTS} reports", scale_content(Path(folder), SCALE_REPORTS)))
    print(f"Search: {len(QUERIES)} queries x {len(LANGUAGES)} languages x {RUNS} runs of "
          "/api/v1/search, warm (start-up = create_app; build = the first search)")
    print(f"{'content':12} {'reports':>7} {'start-up s':>10} {'build s':>8} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'floor ms':>8}")
    failures = []
    for name, startup, build, p50, p95, reports in rows:
        floor = FLOORS_MS[name]
        print(f"{name:12} {reports:7} {startup:10.2f} {build:8.2f} {p50:7.2f} {p95:7.2f} {floor:8.0f}")
        if p95 >= floor:
            failures.append(f"FAIL {name}: p95 {p95:.1f} ms >= {floor:.0f} ms")
    print("\n".join(failures) or "All search floors met.")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
