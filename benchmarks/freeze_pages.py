"""Measure ``flask freeze``'s time per page, at today's content and at 200 reports.

Each content is built first (as ``flask content build`` does), then a fresh process does what
``freeze`` does for each page, without the PDFs (rendered apart, about a second each): it
freezes the page and its htmx fragment, compressed, to a temporary folder (``freeze_page``).
Today's content: every page. 200 reports (today's copied under new ids, in a temporary folder):
every page that belongs to no report (the home page, the glossary, compare …) and every page
of ``--copies`` copies of each of today's reports picked at random (``--seed``), so that the
reports sampled are today's in the same mix, a report's pages together as a freeze asks for
them; the time per page of all the site's pages is estimated from the two, each weighted by
how many pages of its kind the site has. Issue 20: no worse than today's. The two contents'
runs take turns, each kind's fastest counting, so that a change in the machine's load falls on
both sides of the ratio.

The site's mix of pages changes with the count: today 18 of 99 pages belong to no report, at
200 reports 114 of 5,514. Report pages cost more than the others at any count (about 1.5 times:
they are larger, and compressing them is about half their time), so the mean per page at 200
reports tends to a report page's cost, above today's mean, even where no page costs more than
it does today. The cost per page of each kind, and the mean at 200 reports weighted with
today's mix, are printed beside it: they say whether freezing a page costs more with more
reports. On a shared machine one kind's cost swings by a tenth from run to run: read the
ratio with the per-kind figures beside it.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_bench import CONTENT, build  # noqa: E402
from search_bench import SCALE_REPORTS, scale_content  # noqa: E402


def worker(content_dir: str, build_dir: str, copies: int, seed: int) -> None:
    """Freeze the pages of a sample once per line read (a process of its own): seconds by kind.

    Prints the sample's sizes first, then for each line read from stdin one freeze of the
    sample: each kind's wall clock and CPU seconds per page. The page cache is off, so that
    each run renders every page, as a freeze does once.
    """
    from webapp import create_app
    from webapp.freeze import freeze_page, page_paths

    app = create_app({"CONTENT_DIR": content_dir, "CONTENT_BUILD": True, "PAGE_CACHE": False,
                      "CONTENT_BUILD_DIR": build_dir, "PDF_PROCESSES": 0})
    client = app.test_client()
    client.set_cookie(app.config["LANGUAGE_COOKIE"], "")
    with app.app_context():
        paths = page_paths(app)
    site = [path for path in paths if "/reports/" not in path]
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
    samples = {"site": site, "report": [path for report_id in chosen
                                        for path in by_report[report_id]]}
    print(json.dumps({"pages": len(paths), "frozen": sum(map(len, samples.values())),
                      "site_pages": len(site)}), flush=True)
    for _line in sys.stdin:
        run: dict[str, list[float]] = {}
        with tempfile.TemporaryDirectory(prefix="freeze-pages-") as folder:
            for kind, sample in samples.items():
                started, started_cpu = time.perf_counter(), time.process_time()
                for path in sample:
                    response = freeze_page(client, Path(folder), path)
                    assert response.status_code == 200, (path, response.status_code)
                run[kind] = [(time.perf_counter() - started) / len(sample),
                             (time.process_time() - started_cpu) / len(sample)]
        print(json.dumps(run), flush=True)


def measure(contents: list[tuple[Path, int]], build_dir: Path, seed: int,
            runs: int) -> list[dict[str, float]]:
    """Measure each (content, copies) in a fresh process of its own, the runs taking turns.

    Each process keeps its imports, memory and caches; the machine is shared, and one run's
    time swings by a fifth with what else runs, so the contents' runs alternate (each is
    measured under the same load) and each kind's fastest run counts.
    """
    workers = [subprocess.Popen([sys.executable, __file__, "--worker", str(content),
                                 str(build_dir), str(copies), str(seed)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for content, copies in contents]
    try:
        rows = [json.loads(_line(process)) for process in workers]
        best = [{f"{kind}_{clock}": float("inf") for kind in ("site", "report")
                 for clock in ("s", "cpu")} for _process in workers]
        for _run in range(runs):
            for process, fastest in zip(workers, best, strict=True):
                assert process.stdin is not None
                process.stdin.write("run\n")
                process.stdin.flush()
                for kind, (wall, cpu) in json.loads(_line(process)).items():
                    fastest[f"{kind}_s"] = min(fastest[f"{kind}_s"], wall)
                    fastest[f"{kind}_cpu"] = min(fastest[f"{kind}_cpu"], cpu)
    finally:
        for process in workers:
            if process.stdin is not None:
                process.stdin.close()
            process.wait()
    for row, fastest in zip(rows, best, strict=True):
        counts = {"site": row["site_pages"], "report": row["pages"] - row["site_pages"]}
        for clock, name in (("s", "ms"), ("cpu", "cpu_ms")):
            for kind in counts:
                row[f"{kind}_{name}"] = fastest[f"{kind}_{clock}"] * 1000
            row[f"per_page_{name}"] = sum(row[f"{kind}_{name}"] * count
                                          for kind, count in counts.items()) / row["pages"]
    return rows


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
    parser.add_argument("--runs", type=int, default=3,
                        help="freezes of each sample, the fastest counting (default 3)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="freeze-bench-") as folder:
        builds = Path(folder) / "builds"
        build(CONTENT, builds)
        scaled = scale_content(Path(folder), SCALE_REPORTS)
        build(scaled, builds)
        today, at_scale = measure([(CONTENT, 1), (scaled, options.copies)], builds,
                                  options.seed, options.runs)
    print("flask freeze, pages and their htmx fragments written compressed (no PDFs); "
          "ms per page (both forms), wall clock and the process's CPU time (less swayed by "
          f"the machine's load), the fastest of {options.runs} runs, today's and "
          f"{SCALE_REPORTS} reports' taking turns")
    print(f"{'content':12} {'pages':>6} {'frozen':>7} {'site ms':>8} {'report ms':>9} "
          f"{'per page ms':>11} {'CPU: site':>9} {'report':>7} {'per page':>8}")
    for name, row in (("today", today), (f"{SCALE_REPORTS} reports", at_scale)):
        print(f"{name:12} {row['pages']:6.0f} {row['frozen']:7.0f} {row['site_ms']:8.1f} "
              f"{row['report_ms']:9.1f} {row['per_page_ms']:11.1f} {row['site_cpu_ms']:9.1f} "
              f"{row['report_cpu_ms']:7.1f} {row['per_page_cpu_ms']:8.1f}")
    print(f"Ratio per page, {SCALE_REPORTS} reports to today: wall "
          f"{at_scale['per_page_ms'] / today['per_page_ms']:.2f}, CPU "
          f"{at_scale['per_page_cpu_ms'] / today['per_page_cpu_ms']:.2f}")
    print(f"CPU per page of each kind, {SCALE_REPORTS} reports to today: site "
          f"{at_scale['site_cpu_ms'] / today['site_cpu_ms']:.2f}, report "
          f"{at_scale['report_cpu_ms'] / today['report_cpu_ms']:.2f}; mean per page with "
          f"today's mix ({today['site_pages']:.0f} site pages of {today['pages']:.0f}): "
          f"{mixed(at_scale, today) / mixed(today, today):.2f}")
    return 0


def mixed(row: dict[str, float], mix: dict[str, float]) -> float:
    """Return ``row``'s CPU ms per page weighted with the mix of pages of ``mix``."""
    site = mix["site_pages"] / mix["pages"]
    return row["site_cpu_ms"] * site + row["report_cpu_ms"] * (1 - site)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        raise SystemExit(0)
    raise SystemExit(main())
