"""Measure `make serve`'s stack under what strangers can do: slow clients, a PDF flood, junk.

Run with ``make bench`` (or ``python benchmarks/hardening.py``). Starts the production stack
(webapp/serve.py: nginx in front of gunicorn) on a free port of loopback, with an empty PDF
cache of its own, and measures ordinary pages' latency, each phase for a fixed time:

1. alone (the baseline);
2. while 50 slow clients send their headers one byte a second, each from an address of its
   own (127.0.2.x), reconnecting whenever nginx drops them: pages' p99 floor 100 ms;
3. while 20 uncached PDFs are asked for at once, each by a client of its own: pages' p99 floor
   200 ms; how many were made and how many refused at once (503) is reported;
4. 20,000 junk requests straight to gunicorn's socket (queries the pages do not read, long
   ones on an asset, searches): the workers' memory must stay within 50 MB of where it was,
   and a kept page's time must stay what it was (floor: 2 ms p50).

The pages are asked by 4 clients of their own addresses (127.0.1.x), each keeping its
connection and pausing between requests to stay within nginx's per-client rate. Everything
stops by itself; exit 1 if a floor is missed.
"""

from __future__ import annotations

import http.client
import itertools
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/en/", "/en/about", "/en/glossary", "/en/reports/haidian-2023/",
         "/en/reports/haidian-2023/economy", "/zh-hans/reports/tibet-2024/",
         "/zh-hant/reports/haidian-2023/source"]
SECTIONS = ["stability", "economy", "livelihood", "team", "supervision"]
PHASE_S = 20.0
SLOW_CLIENTS = 50
PDF_FLOOD = 20
JUNK_REQUESTS = 20_000
MAX_P99_SLOW_MS = 100.0
MAX_P99_PDF_MS = 200.0
MAX_MEMORY_GROWTH_MB = 50.0
MAX_HIT_P50_MS = 2.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Stack:
    """`python -m webapp.serve` on a free port, its state and PDF cache in a folder of its own."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="hardening-bench-"))
        self.folder.chmod(0o755)  # nginx's workers (another user) reach the socket through it
        self.state = self.folder / "serve"
        env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1",
               "SERVE_STATE": str(self.state), "PYTHONPATH": str(ROOT),
               "FLASK_PDF_CACHE_DIR": str(self.folder / "pdf-cache")}
        self.log = (self.folder / "serve.log").open("wb")
        self.process = subprocess.Popen([sys.executable, "-m", "webapp.serve"], cwd=ROOT, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def wait_until_warm(self) -> None:
        """Wait for the workers and their render processes (/healthz), then keep every page."""
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                status, body = ask(self.port, "/healthz", "127.0.0.1")
            except OSError:  # Not listening yet.
                status, body = 0, b""
            if status == 200 and b'"pdf_processes":true' in body.replace(b" ", b""):
                break
            time.sleep(1)
        else:
            raise SystemExit(f"the stack did not start: see {self.folder / 'serve.log'}")
        for path in PAGES:  # Every worker keeps its own pages: ask each page a few times.
            for _ in range(6):
                ask(self.port, path, "127.0.0.1")

    def workers(self) -> list[int]:
        master = next(int(pid) for pid in _children(self.process.pid)
                      if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes())
        return [int(pid) for pid in _children(master)
                if b"spawn_main" not in Path(f"/proc/{pid}/cmdline").read_bytes()]

    def workers_rss_mb(self) -> float:
        total = 0
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total / 1024

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _children(pid: int) -> list[str]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend((task / "children").read_text().split())
    return found


def ask(port: int, path: str, source: str, timeout: float = 60) -> tuple[int, bytes]:
    """GET ``path`` on a new connection from the loopback address ``source``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                            source_address=(source, 0))
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def measure_pages(port: int, seconds: float, clients: int = 4) -> tuple[list[float], int]:
    """Ask pages for ``seconds`` from ``clients`` kept connections; return latencies (ms), errors."""
    latencies: list[float] = []
    errors = [0]
    stop_at = time.monotonic() + seconds

    def client(number: int) -> None:
        source = f"127.0.1.{number + 1}"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                                source_address=(source, 0))
        index = number
        while time.monotonic() < stop_at:
            path = PAGES[index % len(PAGES)]
            index += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "br"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                                        source_address=(source, 0))
            elapsed = (time.perf_counter() - started) * 1000
            if ok:
                latencies.append(elapsed)
            else:
                errors[0] += 1
            time.sleep(0.06)  # About 15 pages a second a client: within nginx's 20.
        connection.close()

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def slow_clients(port: int, stop: threading.Event) -> list[int]:
    """Run SLOW_CLIENTS clients sending headers a byte a second until ``stop``; count drops."""
    dropped = [0] * SLOW_CLIENTS
    request = b"GET /en/about HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\n\r\n"

    def client(number: int) -> None:
        while not stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=2,
                                              source_address=(f"127.0.2.{number + 1}", 0)) as slow:
                    for byte in request:
                        if stop.wait(1.0):
                            return
                        slow.sendall(bytes([byte]))
            except OSError:
                dropped[number] += 1  # nginx closed it (its header timeout): start again.

    threads = [threading.Thread(target=client, args=(number,), daemon=True)
               for number in range(SLOW_CLIENTS)]
    for thread in threads:
        thread.start()
    return dropped


def pdf_flood(port: int) -> list[int]:
    """Ask PDF_FLOOD distinct uncached PDFs at once, each from its own address; return statuses."""
    # Part-briefings, each at its one address (sections in report order): none is cached yet.
    selections = [f"/{language}/reports/haidian-2023/briefing.pdf?"
                  + "&".join(f"sections={section}" for section in chosen)
                  for language in ("en", "zh-hans")
                  for size in range(1, len(SECTIONS))
                  for chosen in itertools.combinations(SECTIONS, size)]
    statuses: list[int] = []

    def one(number: int, path: str) -> None:
        try:
            statuses.append(ask(port, path, f"127.0.3.{number + 1}", timeout=90)[0])
        except OSError:
            statuses.append(0)

    threads = [threading.Thread(target=one, args=(number, path))
               for number, path in enumerate(selections[:PDF_FLOOD])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


class UnixConnection(http.client.HTTPConnection):
    """HTTP over gunicorn's Unix socket: what reaches the app when nginx lets a request by."""

    def __init__(self, path: Path) -> None:
        super().__init__("localhost", timeout=30)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(str(self.path))


def hit_times_ms(stack: Stack, path: str, count: int = 200) -> list[float]:
    connection = UnixConnection(stack.state / "app.sock")
    times = []
    for _ in range(count):
        started = time.perf_counter()
        connection.request("GET", path, headers={"Host": f"localhost:{stack.port}"})
        connection.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return times


def junk(stack: Stack) -> int:
    """Send JUNK_REQUESTS junk requests straight to gunicorn from 4 threads; return errors."""
    errors = [0]
    asset_page = ask(stack.port, "/en/about", "127.0.0.1")[1].decode()
    asset = asset_page.split('href="/assets/', 1)[1].split('"', 1)[0]

    def sender(number: int) -> None:
        connection = UnixConnection(stack.state / "app.sock")
        rng = random.Random(number)
        for index in range(number, JUNK_REQUESTS, 4):
            kind = index % 3
            if kind == 0:
                path = f"{rng.choice(PAGES)}?junk={index}&utm={rng.random()}"
            elif kind == 1:
                path = f"/assets/{asset}?{'x' * 3000}{index}"
            else:
                path = f"/en/search?q=junk{index}"
            try:
                connection.request("GET", path, headers={"Host": f"localhost:{stack.port}"})
                response = connection.getresponse()
                response.read()
                if response.status >= 500:
                    errors[0] += 1
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                connection.close()
                connection = UnixConnection(stack.state / "app.sock")
        connection.close()

    threads = [threading.Thread(target=sender, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors[0]


def p(latencies: list[float], quantile: float) -> float:
    if not latencies:
        return float("inf")
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


def row(name: str, latencies: list[float], errors: int) -> str:
    return (f"{name:<28} {len(latencies):>6} {p(latencies, 0.5):>8.1f} {p(latencies, 0.99):>8.1f} "
            f"{max(latencies, default=0):>8.1f} {errors:>6}")


def main() -> int:
    failures = []
    stack = Stack()
    try:
        stack.wait_until_warm()
        # Workers build their search index and load matplotlib beside their first requests.
        measure_pages(stack.port, PHASE_S / 2)
        print(f"{'pages':<28} {'asked':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}")
        alone, errors = measure_pages(stack.port, PHASE_S)
        print(row("alone", alone, errors))

        stop = threading.Event()
        dropped = slow_clients(stack.port, stop)
        time.sleep(3)  # Every slow client connected and part-way through its headers.
        beside_slow, errors = measure_pages(stack.port, PHASE_S)
        stop.set()
        print(row(f"beside {SLOW_CLIENTS} slow clients", beside_slow, errors))
        print(f"  slow clients dropped by nginx and reconnected: {sum(dropped)} times")
        if p(beside_slow, 0.99) > MAX_P99_SLOW_MS or errors:
            failures.append(f"p99 beside slow clients {p(beside_slow, 0.99):.1f} ms, {errors} "
                            f"errors (floor {MAX_P99_SLOW_MS} ms, none)")

        statuses: list[int] = []
        flood = threading.Thread(target=lambda: statuses.extend(pdf_flood(stack.port)))
        flood.start()
        beside_pdfs, errors = measure_pages(stack.port, PHASE_S)
        flood.join()
        print(row(f"beside {PDF_FLOOD} uncached PDFs", beside_pdfs, errors))
        print(f"  PDFs: {statuses.count(200)} made, {statuses.count(503)} refused at once (503), "
              f"others {sorted(status for status in statuses if status not in (200, 503))}")
        if p(beside_pdfs, 0.99) > MAX_P99_PDF_MS or errors:
            failures.append(f"p99 beside a PDF flood {p(beside_pdfs, 0.99):.1f} ms, {errors} "
                            f"errors (floor {MAX_P99_PDF_MS} ms, none)")

        before_hit = statistics.median(hit_times_ms(stack, PAGES[1]))
        before_mb = stack.workers_rss_mb()
        started = time.monotonic()
        junk_errors = junk(stack)
        after_mb = stack.workers_rss_mb()
        after_hit = statistics.median(hit_times_ms(stack, PAGES[1]))
        print(f"{JUNK_REQUESTS} junk requests in {time.monotonic() - started:.0f} s, "
              f"{junk_errors} errors: workers {before_mb:.0f} MB -> {after_mb:.0f} MB; a kept "
              f"page p50 {before_hit:.2f} ms -> {after_hit:.2f} ms")
        if after_mb - before_mb > MAX_MEMORY_GROWTH_MB or junk_errors:
            failures.append(f"junk: workers grew {after_mb - before_mb:.0f} MB, {junk_errors} "
                            f"errors (floor {MAX_MEMORY_GROWTH_MB} MB, none)")
        if after_hit > MAX_HIT_P50_MS:
            failures.append(f"junk: a kept page's p50 {after_hit:.2f} ms after it (floor "
                            f"{MAX_HIT_P50_MS} ms)")
    finally:
        stack.stop()
    for failure in failures:
        print(f"FLOOR MISSED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
