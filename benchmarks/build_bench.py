"""Measure what a content build saves a serving process, at today's content and at 200 reports.

Run with ``make bench`` (or directly). Each figure comes from a fresh process, as a worker
starts: ``create_app()`` time, resident memory right after it, the first search (which opens or
builds the index) and the p50 and p95 of ``/api/v1/search`` over search_bench's mix of queries
(page cache off, so every search is searched). Rows: today's content loaded in memory (how
every process starts without a build: the baseline), today's content from its build, and 200
reports (today's copied under new ids, in a temporary folder) from their build; ``--in-memory``
adds 200 reports loaded in memory (slow). Ratios are to the baseline, and for start-up also to
today's content from its build. Exit 1 if a target of issue 20 is missed at 200 reports.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_bench import QUERIES, SCALE_REPORTS, scale_content  # noqa: E402

from webapp.config import LANGUAGES, PROJECT_ROOT  # noqa: E402

CONTENT = PROJECT_ROOT / "content"
RUNS = 5
# Issue 20's targets for a serving process at 200 reports.
MAX_STARTUP_S = 1.5
MAX_STARTUP_RATIO = 2.0  # To the start-up of one on today's content, from its build.
MAX_FIRST_SEARCH_MS = 50.0
MAX_P95_MS = 20.0
MAX_RSS_RATIO = 1.5  # To the baseline: today's content, in memory.


def worker(content_dir: str, build_dir: str) -> dict[str, float]:
    """Start an app as a worker does and measure it (run in a process of its own)."""
    from webapp import create_app

    settings: dict[str, object] = {"CONTENT_DIR": content_dir, "PDF_PROCESSES": 0,
                                   "PAGE_CACHE": False, "CONTENT_BUILD": bool(build_dir)}
    if build_dir:
        settings["CONTENT_BUILD_DIR"] = build_dir
    started = time.perf_counter()
    app = create_app(settings)
    startup = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # As wsgi.py does after start-up.
    rss = _rss_mb()
    client = app.test_client()
    started = time.perf_counter()
    assert client.get("/api/v1/search", query_string={"q": "枫桥"}).status_code == 200
    first = (time.perf_counter() - started) * 1000
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
    return {"startup": startup, "rss": rss, "first": first,
            "p50": statistics.median(timings), "p95": statistics.quantiles(timings, n=100)[94],
            "rss_after": _rss_mb()}


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def measure(content_dir: Path, build_dir: Path | None) -> dict[str, float]:
    """Measure a worker in a fresh process (its imports, memory and caches its own)."""
    finished = subprocess.run(
        [sys.executable, __file__, "--worker", str(content_dir), str(build_dir or "")],
        capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(finished.stdout.splitlines()[-1])
    return figures


def build(content_dir: Path, build_dir: Path) -> float:
    """Build the content (as ``flask content build`` does, in a process of its own); return s."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                    "from webapp.build import ensure_built; "
                    "ensure_built(Path(sys.argv[1]), Path(sys.argv[2]))",
                    str(content_dir), str(build_dir)],
                   check=True, cwd=PROJECT_ROOT)
    return time.perf_counter() - started


def main(in_memory_at_scale: bool) -> int:
    rows: list[tuple[str, float | None, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="build-bench-") as folder:
        builds = Path(folder) / "builds"
        rows.append(("3 in memory", None, measure(CONTENT, None)))
        rows.append(("3 built", build(CONTENT, builds), measure(CONTENT, builds)))
        scaled = scale_content(Path(folder), SCALE_REPORTS)
        rows.append((f"{SCALE_REPORTS} built", build(scaled, builds), measure(scaled, builds)))
        if in_memory_at_scale:
            rows.append((f"{SCALE_REPORTS} in memory", None, measure(scaled, None)))
    base, built_today = rows[0][2], rows[1][2]
    print("Content build: fresh process per row; start-up = create_app(); RSS after start-up; "
          f"first search; p50/p95 of {len(QUERIES)} queries x {len(LANGUAGES)} languages x {RUNS}")
    print(f"{'content':15} {'build s':>7} {'start-up s':>10} {'RSS MB':>7} {'first ms':>8} "
          f"{'p50 ms':>7} {'p95 ms':>7} {'RSS MB after':>12}")
    for name, seconds, row in rows:
        built = f"{seconds:7.1f}" if seconds is not None else f"{'-':>7}"
        print(f"{name:15} {built} {row['startup']:10.3f} {row['rss']:7.0f} {row['first']:8.1f} "
              f"{row['p50']:7.2f} {row['p95']:7.2f} {row['rss_after']:12.0f}")
    print("Ratios to 3 in memory (start-up also to 3 built):")
    for name, _seconds, row in rows[1:]:
        print(f"{name:15} start-up {row['startup'] / base['startup']:.2f} "
              f"({row['startup'] / built_today['startup']:.2f}), RSS {row['rss'] / base['rss']:.2f}, "
              f"first search {row['first'] / base['first']:.2f}, p95 {row['p95'] / base['p95']:.2f}")
    scale = rows[2][2]
    failures = [message for missed, message in (
        (scale["startup"] > MAX_STARTUP_S, f"start-up {scale['startup']:.2f} s > {MAX_STARTUP_S} s"),
        (scale["startup"] > MAX_STARTUP_RATIO * built_today["startup"],
         f"start-up > {MAX_STARTUP_RATIO}x that of 3 reports built"),
        (scale["first"] > MAX_FIRST_SEARCH_MS,
         f"first search {scale['first']:.0f} ms > {MAX_FIRST_SEARCH_MS:.0f} ms"),
        (scale["p95"] >= MAX_P95_MS, f"p95 {scale['p95']:.1f} ms >= {MAX_P95_MS:.0f} ms"),
        (scale["rss"] > MAX_RSS_RATIO * base["rss"],
         f"RSS {scale['rss']:.0f} MB > {MAX_RSS_RATIO}x {base['rss']:.0f} MB"),
    ) if missed]
    print("\n".join(f"FAIL {SCALE_REPORTS} built: {failure}" for failure in failures)
          or "All build targets met.")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(sys.argv[2], sys.argv[3])))
        raise SystemExit(0)
    raise SystemExit(main("--in-memory" in sys.argv[1:]))
