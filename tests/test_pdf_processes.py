"""PDFs rendered in processes of their own, recycled, and a render killed midway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from webapp import create_app
from webapp.config import LANGUAGES_BY_CODE, PROJECT_ROOT
from webapp.content.briefing import SECTION_IDS
from webapp.pdf_processes import RENDER_NICENESS
from webapp.web.content import current_content

from .conftest import EXAMPLE, FIXTURE_CONTENT

# These start render processes and render PDFs in them.
pytestmark = pytest.mark.slow

# Run apart, so that what the serving process imports is its own, not the test session's.
SERVING_PROCESS = """
import json, sys
from webapp import create_app
app = create_app({"TESTING": True, "CONTENT_DIR": sys.argv[1], "PDF_CACHE_DIR": sys.argv[2],
                  "PDF_PROCESSES": 1, "PDF_RENDERS_PER_PROCESS": 1,
                  # A fresh process starts its app before it renders: slow on a loaded machine.
                  "PDF_RENDER_TIMEOUT": 200})
client = app.test_client()
statuses, processes = [], []
renderer = app.extensions["pdf"]
original = renderer.processes.render
def spy(*args):
    rendered = original(*args)
    processes.append(rendered.process)
    return rendered
renderer.processes.render = spy
for lang in ("en", "zh-hans", "zh-hant"):
    response = client.get(f"/{lang}/reports/sample-2023/briefing.pdf")
    statuses.append((response.status_code, response.get_data()[:4].decode()))
renderer.processes.shutdown()
print(json.dumps({"statuses": statuses, "processes": processes,
                  "weasyprint_here": "weasyprint" in sys.modules}))
"""


def test_pdfs_are_rendered_apart_by_processes_that_are_replaced(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SERVING_PROCESS, str(FIXTURE_CONTENT),
                             str(tmp_path / "pdf")], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, check=True, timeout=240)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["statuses"] == [[200, "%PDF"]] * 3
    # WeasyPrint, whose memory grows with renders, never comes into the serving process.
    assert found["weasyprint_here"] is False
    # One render per process here: each PDF was made by a fresh process.
    assert len(set(found["processes"])) == 3 and os.getpid() not in found["processes"]


# A render process as the pool starts one (``_start``), given the print HTML of a whole briefing
# of the fixture content, which a worker rendered; then what it loaded.
RENDER_PROCESS = """
import json, os, sys
from pathlib import Path
import webapp
def refused(*args, **kwargs):
    raise AssertionError("a render process created the app")
webapp.create_app = refused
from webapp import pdf_processes
pdf_processes._start(Path(sys.argv[2]), "/static", os.getppid())
rendered = pdf_processes._render(Path(sys.argv[1]).read_text(encoding="utf-8"))
print(json.dumps({"pdf": rendered.data[:4].decode(), "pages": rendered.pages,
                  "loaded": sorted(name for name in ("flask", "flask_babel", "jinja2", "werkzeug",
                                                     "webapp.content", "webapp.build",
                                                     "webapp.pdf", "webapp.views", "matplotlib",
                                                     "pypinyin", "jieba")
                                   if name in sys.modules)}))
"""


def test_a_render_process_loads_weasyprint_alone_not_the_app_nor_the_content(
        fixture_app: Flask, tmp_path: Path) -> None:
    briefings = fixture_app.extensions["pdf"]
    with fixture_app.test_request_context("/en/"):
        report = current_content().reports[EXAMPLE]
        language = LANGUAGES_BY_CODE["en"]
        html = briefings.printer.html(report, list(SECTION_IDS), language,
                                      briefings.drawings(report, language))
        in_place = briefings.render(report, list(SECTION_IDS), language)
    page = tmp_path / "briefing.html"
    page.write_text(html, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", RENDER_PROCESS, str(page),
                             str(fixture_app.static_folder)], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=True, timeout=240)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    # The same PDF as rendered all in the worker, from the HTML alone: no Flask, no template,
    # no content, nor matplotlib (charts come drawn) or pypinyin's dictionaries.
    assert found == {"pdf": "%PDF", "pages": in_place.pages, "loaded": []}


def render_processes() -> list[int]:
    """Return the render processes this test process has started (spawned pool workers)."""
    found = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in command:
                found.append(int(pid))
    return found


def test_a_render_killed_midway_leaves_nothing_and_the_next_renders_afresh(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf"), "PDF_PROCESSES": 1})
    client = app.test_client()
    before = set(render_processes())
    answers: list[object] = []
    request = threading.Thread(target=lambda: answers.append(
        client.get("/en/reports/sample-2023/briefing.pdf")))
    request.start()
    deadline = time.monotonic() + 60
    started: set[int] = set()
    while not started and time.monotonic() < deadline:
        started = set(render_processes()) - before
        time.sleep(0.05)
    assert started, "no render process was started"
    for pid in started:
        os.kill(pid, signal.SIGKILL)
    request.join(timeout=90)
    response = answers[0]
    assert response.status_code == 503  # type: ignore[attr-defined]
    assert response.headers["Retry-After"]  # type: ignore[attr-defined]
    assert not list((tmp_path / "pdf").rglob("*.pdf")), "a PDF was kept from a killed render"
    again = client.get("/en/reports/sample-2023/briefing.pdf")
    assert again.status_code == 200 and again.get_data().startswith(b"%PDF")
    app.extensions["pdf"].processes.shutdown()


def gone(pid: int) -> bool:
    """Tell whether a process has ended (a zombie nobody reaped counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


HOLDER = """
import sys, time
from collections.abc import Callable
from pathlib import Path
from webapp.pdf_processes import RenderSlots
with RenderSlots(Path(sys.argv[1]), 1).taken() as taken:
    print("held" if taken else "none", flush=True)
    time.sleep(120)
"""


def test_the_render_limit_is_one_for_every_worker(tmp_path: Path) -> None:
    pdf_cache = tmp_path / "pdf"
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(pdf_cache), "PDF_PROCESSES": 0,
                      "PDF_MAX_CONCURRENT": 1})
    # Another worker (a process of its own) rendering: this one gets a 503 at once.
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(pdf_cache)], cwd=PROJECT_ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        response = app.test_client().get("/en/reports/sample-2023/briefing.pdf")
        assert response.status_code == 503 and response.headers["Retry-After"]
        assert time.monotonic() - started < 2
    finally:
        holder.kill()  # Killed mid-render: its slot is free again.
        holder.communicate()
    with app.extensions["pdf"].slots.taken() as taken:
        assert taken


WORKER = """
import multiprocessing, sys, time
from webapp import create_app
app = create_app({"TESTING": True, "CONTENT_DIR": sys.argv[1], "PDF_CACHE_DIR": sys.argv[2],
                  "PDF_PROCESSES": 2, "PDF_RENDER_TIMEOUT": 200})  # Slow starts on a busy machine
app.extensions["pdf"].processes.warm()
print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
if sys.argv[3] == "exit-hook":
    from webapp.pdf_processes import shutdown_all
    started = time.monotonic()
    shutdown_all()
    print(f"{time.monotonic() - started:.3f}", flush=True)
time.sleep(120)
"""


def start_worker(tmp_path: Path, ending: str) -> tuple[subprocess.Popen[str], list[int]]:
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(FIXTURE_CONTENT),
                               str(tmp_path / "pdf"), ending], cwd=PROJECT_ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert worker.stdout is not None
    children = [int(pid) for pid in worker.stdout.readline().split()]
    assert len(children) == 2, "the render processes did not start"
    return worker, children


def test_render_processes_die_with_a_killed_worker(tmp_path: Path) -> None:
    worker, children = start_worker(tmp_path, "killed")
    # Renders yield the processor to the worker's pages.
    expected = min(19, os.getpriority(os.PRIO_PROCESS, 0) + RENDER_NICENESS)
    assert all(os.getpriority(os.PRIO_PROCESS, pid) == expected for pid in children)
    worker.kill()  # As gunicorn kills a worker past its timeout: no exit hook runs.
    worker.communicate()
    try:
        assert wait_until(lambda: all(gone(pid) for pid in children), 10), "orphans left"
    finally:
        for pid in children:
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_exit_hook_stops_render_processes_at_once(tmp_path: Path) -> None:
    worker, children = start_worker(tmp_path, "exit-hook")
    try:
        assert worker.stdout is not None and float(worker.stdout.readline()) < 1
        assert wait_until(lambda: all(gone(pid) for pid in children), 5)
    finally:
        worker.kill()
        worker.communicate()
