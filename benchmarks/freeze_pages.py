"""Measure ``flask freeze``'s time per page, at today's content and at 200 reports.

Each content is built first (as ``flask content build`` does), then a fresh process does what
``freeze`` does for each page, without the PDFs (rendered apart, about a second each): it
freezes the page and its htmx fragment, compressed, to a temporary folder (``freeze_page``).
Today's content: every page. 200 reports (today's copied under new ids, in a temporary folder):
every page that belongs to no report (the home page, the glossary, compare …) and every page
of ``--copies`` copies of each of today's reports picked at random (``--seed``), so that the
reports sampled are today's in the same mix, a report's pages together as a freeze asks for
them. Issue 20: no worse than today's. The two contents take turns kind by kind, each kind's
fastest run counting, so that a change in the machine's load falls on both sides of the ratio.

Each kind of page (its endpoint: ``home.index``, ``glossary.page``, ``briefing.section`` …)
is timed apart, and the site's time per page is the kinds' weighed by their counts. The
site's mix of pages changes with the count: today 18 of 99 pages belong to no report, at
200 reports 114 of 5,514, and a report's page costs more than most others at any count
(larger, and compressing is about half its time), so the mean with each content's own mix
leans to a report page's cost at 200 reports even where no page costs more than it does
today. The ratio that says whether freezing a page costs more with more reports weighs each
kind with today's counts at both: a page against a page of its kind. CPU time, not wall
clock: on a shared machine the wall clock of one kind swings by a fifth from run to run.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_bench import CONTENT, build  # noqa: E402
from search_bench import SCALE_REPORTS, scale_content  # noqa: E402


def worker(content_dir: str, build_dir: str, copies: int, seed: int) -> None:
    """Freeze the pages of a sample once per line read (a process of its own): seconds by kind.

    Prints the site's count of pages of each kind and the sample's first, then for each kind
    read from stdin (a line) one freeze of the sample's pages of that kind: their wall clock
    and CPU seconds. The page cache is off, so that each run renders every page, as a freeze
    does once.
    """
    from webapp import create_app
    from webapp.freeze import freeze_page, page_paths

    app = create_app({"CONTENT_DIR": content_dir, "CONTENT_BUILD": True, "PAGE_CACHE": False,
                      "CONTENT_BUILD_DIR": build_dir, "PDF_PROCESSES": 0})
    client = app.test_client()
    client.set_cookie(app.config["LANGUAGE_COOKIE"], "")
    with app.app_context():
        paths = page_paths(app)
    adapter = app.url_map.bind("localhost")
    kinds = {path: kind_of(adapter.match(path)[0]) for path in paths}
    by_report: dict[str, list[str]] = {}
    for path in paths:
        if "/reports/" in path:
            by_report.setdefault(path.split("/reports/")[1].split("/")[0], []).append(path)
    # Each of today's reports and its copies (scale_content names them <id>-copy-<n>).
    originals: dict[str, list[str]] = {}
    for report_id in sorted(by_report):
        originals.setdefault(report_id.split("-copy-")[0], []).append(report_id)
    chosen = [report_id for _original, ids in sorted(originals.items())
              for report_id in random.Random(seed).sample(ids, min(copies, len(ids)))]
    sample = [path for path in paths if "/reports/" not in path] + [
        path for report_id in chosen for path in by_report[report_id]]
    print(json.dumps({"pages": Counter(kinds.values()),
                      "frozen": Counter(kinds[path] for path in sample),
                      "report_kinds": sorted({kinds[path] for report_paths in by_report.values()
                                              for path in report_paths})}), flush=True)
    by_kind: dict[str, list[str]] = {}
    for path in sample:
        by_kind.setdefault(kinds[path], []).append(path)
    with tempfile.TemporaryDirectory(prefix="freeze-pages-") as folder:
        for path in sample:  # Once unmeasured: each report is read from the build once.
            freeze_page(client, Path(folder), path)
        for line in sys.stdin:
            started, started_cpu = time.perf_counter(), time.process_time()
            for path in by_kind[line.strip()]:
                response = freeze_page(client, Path(folder), path)
                assert response.status_code == 200, (path, response.status_code)
            print(json.dumps([time.perf_counter() - started, time.process_time() - started_cpu]),
                  flush=True)


def kind_of(endpoint: str) -> str:
    """Return the kind of page an endpoint answers: ``site.home.index`` → ``home.index``."""
    return endpoint.removeprefix("site.")


def measure(contents: list[tuple[Path, int]], build_dir: Path, seed: int,
            runs: int) -> list[Row]:
    """Measure each (content, copies) in a fresh process of its own, the contents taking turns.

    Each process keeps its imports, memory and caches, and freezes its sample once before it
    is timed. The machine is shared, and one kind's time swings by a fifth with what else
    runs: each kind is frozen by one process and at once by the other, the first taking turns
    from run to run, so that both are measured under the same load, and each kind's fastest
    run counts.
    """
    workers = [subprocess.Popen([sys.executable, __file__, "--worker", str(content),
                                 str(build_dir), str(copies), str(seed)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for content, copies in contents]
    try:
        rows = [Row(**json.loads(_line(process))) for process in workers]
        kinds = sorted({kind for row in rows for kind in row.frozen})
        for run in range(runs):
            turn = list(zip(workers, rows, strict=True))
            for kind in kinds:
                for process, row in turn[::-1] if run % 2 else turn:
                    if kind not in row.frozen:
                        continue
                    assert process.stdin is not None
                    process.stdin.write(f"{kind}\n")
                    process.stdin.flush()
                    wall, cpu = json.loads(_line(process))
                    pages = row.frozen[kind]
                    row.wall[kind] = min(row.wall.get(kind, float("inf")), wall / pages)
                    row.cpu[kind] = min(row.cpu.get(kind, float("inf")), cpu / pages)
    finally:
        for process in workers:
            if process.stdin is not None:
                process.stdin.close()
            process.wait()
    return rows


@dataclass
class Row:
    """One content's measure: its pages of each kind, and each kind's fastest s per page."""

    pages: dict[str, int]
    frozen: dict[str, int]
    report_kinds: list[str]  # The kinds of a report's own pages (the others: site pages).
    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def per_page(self, clock: dict[str, float], mix: dict[str, int] | None = None) -> float:
        """Return ms per page of the whole site, each kind weighted by its count in ``mix``.

        ``mix``: this content's own pages by default; another's weighs the same kinds alike,
        so that two contents' means compare a page with a page of its kind.
        """
        weights = {kind: count for kind, count in (mix or self.pages).items() if kind in clock}
        return 1000 * sum(clock[kind] * count for kind, count in weights.items()) \
            / sum(weights.values())


def _line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        raise RuntimeError(f"the freeze worker stopped (exit status {process.wait()})")
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2,
                        help="copies of each of today's reports whose pages are frozen at "
                             "200 reports (default 2)")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5,
                        help="freezes of each sample, each kind's fastest counting (default 5)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="freeze-bench-") as folder:
        builds = Path(folder) / "builds"
        build(CONTENT, builds)
        scaled = scale_content(Path(folder), SCALE_REPORTS)
        build(scaled, builds)
        today, at_scale = measure([(CONTENT, 1), (scaled, options.copies)], builds,
                                  options.seed, options.runs)
    print("flask freeze, pages and their htmx fragments written compressed (no PDFs); "
          "ms per page (both forms), the process's CPU time (less swayed by the machine's "
          f"load) and wall clock, each kind's fastest of {options.runs} runs, today's and "
          f"{SCALE_REPORTS} reports' taking turns kind by kind")
    scale = f"{SCALE_REPORTS} reports"
    print(f"{'kind of page':22} {'pages':>6} {'at ' + str(SCALE_REPORTS):>7} {'CPU ms':>7} "
          f"{'at ' + str(SCALE_REPORTS):>7} {'ratio':>6} {'wall ms':>8} {'at ' + str(SCALE_REPORTS):>7}")
    for kind in sorted(today.pages, key=lambda kind: (kind in today.report_kinds, kind)):
        print(f"{kind:22} {today.pages[kind]:6} {at_scale.pages.get(kind, 0):7} "
              f"{1000 * today.cpu[kind]:7.1f} {1000 * at_scale.cpu[kind]:7.1f} "
              f"{at_scale.cpu[kind] / today.cpu[kind]:6.2f} {1000 * today.wall[kind]:8.1f} "
              f"{1000 * at_scale.wall[kind]:7.1f}")
    site = {kind: count for kind, count in today.pages.items() if kind not in today.report_kinds}
    reports = {kind: count for kind, count in today.pages.items() if kind in today.report_kinds}
    for name, mix in (("site pages", site), ("report pages", reports), ("every page", today.pages)):
        print(f"{name + ', today' + chr(39) + 's mix':33} {today.per_page(today.cpu, mix):7.1f} "
              f"{at_scale.per_page(at_scale.cpu, mix):7.1f} "
              f"{at_scale.per_page(at_scale.cpu, mix) / today.per_page(today.cpu, mix):6.2f} "
              f"{today.per_page(today.wall, mix):8.1f} {at_scale.per_page(at_scale.wall, mix):7.1f}")
    print(f"{'every page, each its own mix':33} {today.per_page(today.cpu):7.1f} "
          f"{at_scale.per_page(at_scale.cpu):7.1f} "
          f"{at_scale.per_page(at_scale.cpu) / today.per_page(today.cpu):6.2f} "
          f"{today.per_page(today.wall):8.1f} {at_scale.per_page(at_scale.wall):7.1f}")
    like = at_scale.per_page(at_scale.cpu, today.pages) / today.per_page(today.cpu)
    print(f"Ratio per page, {scale} to today, CPU, a page weighed against a page of its kind "
          f"(today's mix): {like:.2f}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        raise SystemExit(0)
    raise SystemExit(main())
