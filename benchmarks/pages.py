"""Measure pages served as README's production command serves them, against a fixed-bytes view.

Run with ``make bench`` (or ``python benchmarks/pages.py``). For each page type, wrk (2 threads,
32 connections) loads the app under ``gunicorn -c gunicorn.conf.py wsgi:app`` and then, in the
same run, the same gunicorn settings serving a Flask view that returns fixed bytes of the
page's size (benchmarks/fixed_bytes.py). The ratio of the two is what the floors are about:
this machine is shared, and only figures measured side by side mean anything. Also measured:
the app's start-up, and a 60-second load across page types at 64 connections, with worker
memory before and after. Exit 1 if a floor fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "/en/",
    "overview": "/en/reports/haidian-2023/",
    "section": "/en/reports/haidian-2023/economy",
    "glossary": "/en/glossary",
    "source": "/en/reports/haidian-2023/source",
    "search": "/en/search?q=mediation",
    "compare": "/en/compare",
}
MIN_RATIO = 0.8
MAX_P99_MS = 20.0
MAX_STARTUP_S = 1.5
MAX_MEMORY_GROWTH = 0.10


@dataclass
class Run:
    requests_per_s: float
    p99_ms: float
    errors: int
    non_2xx: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """gunicorn with README's settings, on a free port, for one WSGI app."""

    def __init__(self, app: str, worker_class: str, threads: int,
                 extra_env: dict[str, str]) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
                "--bind", f"127.0.0.1:{self.port}", "--worker-class", worker_class,
                "--threads", str(threads), app]
        self.process = subprocess.Popen(args, cwd=ROOT / ("benchmarks" if app.startswith("fixed")
                                                          else "."),
                                        env={**os.environ, **extra_env},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.base + "/", timeout=2).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"{app} did not start") from None
                time.sleep(0.2)

    def wait_until_warm(self) -> None:
        """Wait until every worker's search index and render processes are up (/healthz).

        They warm up beside the first requests; measured while they do, the first page type
        would pay for them.
        """
        deadline = time.monotonic() + 120
        warm = 0
        while warm < 20 and time.monotonic() < deadline:  # Enough answers to reach each worker.
            with urllib.request.urlopen(self.base + "/healthz", timeout=10) as response:
                state = json.loads(response.read())
            ready = state["search_index"] and state["pdf_processes"] in (True, None)
            warm = warm + 1 if ready else 0
            time.sleep(0.05)

    def workers(self) -> list[int]:
        return _children(self.process.pid)

    def memory_kb(self, with_descendants: bool = False) -> int:
        """Return the resident memory of the workers (and of their render processes)."""
        pids = self.workers()
        if with_descendants:
            pids += [child for pid in pids for child in _descendants(pid)]
        total = 0
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue  # Gone meanwhile (a render process replaced).
            total += int(re.search(r"VmRSS:\s+(\d+)", status)[1])  # type: ignore[index]
        return total

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _descendants(pid: int) -> list[int]:
    found = _children(pid)
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def concurrent_pdfs(base: str, count: int) -> list[int]:
    """Ask for ``count`` different uncached PDFs at once; return each answer's status."""
    import itertools
    from concurrent.futures import ThreadPoolExecutor

    sections = ("stability", "economy", "livelihood", "team", "supervision")
    selections = [list(chosen) for size in (1, 2, 3) for chosen in itertools.combinations(sections, size)]
    urls = [f"{base}/{lang}/reports/haidian-2023/briefing.pdf?"
            + "&".join(f"sections={section}" for section in chosen)
            for lang, chosen in zip(itertools.cycle(("en", "zh-hans")), selections, strict=False)]

    def status(url: str) -> int:
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as error:
            retry = error.headers.get("Retry-After")
            return error.code if error.code != 503 or retry else 599  # 503 without Retry-After
    with ThreadPoolExecutor(count) as threads:
        return list(threads.map(status, urls[:count]))


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> Run:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script is not None:
        args[1:1] = ["-s", str(script)]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])  # type: ignore[index]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Run(rate, float(p99[1]) * scale[p99[2]] if p99 else float("nan"),
               sum(int(count) for count in errors.groups()) if errors else 0,
               int(non_2xx[1]) if non_2xx else 0)


def size_of(url: str) -> int:
    with urllib.request.urlopen(url) as response:
        return len(response.read())


def startup_s() -> float:
    """Return the median time to create the app (content validated, conversions, caches)."""
    code = ("import time; t = time.perf_counter(); from webapp import create_app; create_app(); "
            "print(time.perf_counter() - t)")
    times = sorted(float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                                        capture_output=True, text=True).stdout)
                   for _ in range(3))
    return times[1]


def _configured_worker_class() -> str:
    settings: dict[str, object] = {}
    exec((ROOT / "gunicorn.conf.py").read_text(encoding="utf-8"), settings)
    return str(settings.get("worker_class", "sync"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--worker-class", default=None,
                        help="gunicorn's worker class (default: gunicorn.conf.py's)")
    parser.add_argument("--threads", type=int, default=1)
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is missing: run `make bench` (it installs Debian's wrk)", file=sys.stderr)
        return 1
    failures: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    env = {"FLASK_PDF_CACHE_DIR": str(scratch / "pdf"),
           "FLASK_CONTENT_SNAPSHOTS_DIR": str(scratch / "snapshots")}
    worker_class = options.worker_class or _configured_worker_class()
    app = Server("wsgi:app", worker_class, options.threads, env)
    baseline = Server("fixed_bytes:app", worker_class, options.threads, {})
    try:
        app.wait_until_warm()
        print(f"worker class: {worker_class}, threads {options.threads}; "
              f"wrk -t2 -c32 -d{options.seconds}s")
        print(f"{'page':<10} {'bytes':>7} {'app req/s':>10} {'fixed req/s':>12} {'ratio':>6} "
              f"{'app p99':>8} {'fixed p99':>9} {'errors':>6}")
        for name, path in PAGES.items():
            size = size_of(app.base + path)
            for _ in range(20):  # Every worker renders the page once: measure what follows.
                size_of(app.base + path)
            page = wrk(app.base + path, options.seconds, 32)
            fixed = wrk(f"{baseline.base}/bytes/{size}", options.seconds, 32)
            ratio = page.requests_per_s / fixed.requests_per_s
            print(f"{name:<10} {size:>7} {page.requests_per_s:>10.0f} {fixed.requests_per_s:>12.0f} "
                  f"{ratio:>6.2f} {page.p99_ms:>6.1f}ms {fixed.p99_ms:>7.1f}ms "
                  f"{page.errors + page.non_2xx:>6}")
            if ratio < MIN_RATIO:
                failures.append(f"{name}: {ratio:.2f} of the fixed-bytes rate (floor {MIN_RATIO})")
            if page.p99_ms > MAX_P99_MS:
                failures.append(f"{name}: p99 {page.p99_ms:.1f} ms (floor {MAX_P99_MS} ms)")
            if page.errors or page.non_2xx:
                failures.append(f"{name}: {page.errors} socket errors, {page.non_2xx} non-2xx")
        started = startup_s()
        print(f"start-up: {started:.2f} s (floor {MAX_STARTUP_S} s)")
        if started > MAX_STARTUP_S:
            failures.append(f"start-up {started:.2f} s")
        if options.load_seconds:
            script = scratch / "pages.lua"
            paths = ", ".join(f'"{path}"' for path in PAGES.values())
            script.write_text(f"paths = {{{paths}}}\ni = 0\nrequest = function()\n"
                              "  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n")
            before = app.memory_kb()
            load = wrk(app.base + "/", options.load_seconds, 64, script)
            after = app.memory_kb()
            growth = (after - before) / before
            print(f"load: {options.load_seconds} s at 64 connections across page types: "
                  f"{load.requests_per_s:.0f} req/s, p99 {load.p99_ms:.1f} ms, "
                  f"{load.errors} socket errors, {load.non_2xx} non-2xx; worker memory "
                  f"{before // 1024} MB → {after // 1024} MB ({growth:+.1%})")
            if load.errors or load.non_2xx:
                failures.append(f"load: {load.errors} socket errors, {load.non_2xx} non-2xx")
            if growth > MAX_MEMORY_GROWTH:
                failures.append(f"load: worker memory grew {growth:.1%}")
        before = app.memory_kb(with_descendants=True)
        started = time.perf_counter()
        statuses = concurrent_pdfs(app.base, 16)
        took = time.perf_counter() - started
        after = app.memory_kb(with_descendants=True)
        counted = {code: statuses.count(code) for code in sorted(set(statuses))}
        print(f"{len(statuses)} different uncached PDFs at once: {counted} in {took:.1f} s; "
              f"workers and render processes {before // 1024} MB → {after // 1024} MB")
        if any(code not in (200, 503) for code in statuses):
            failures.append(f"concurrent PDFs: {counted} (only 200, or 503 with Retry-After)")
    finally:
        app.stop()
        baseline.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    for failure in failures:
        print(f"FLOOR MISSED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
