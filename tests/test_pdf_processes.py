"""PDFs rendered in processes of their own, recycled, and a render killed midway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from webapp import create_app
from webapp.config import PROJECT_ROOT

from .conftest import FIXTURE_CONTENT

# Run apart, so that what the serving process imports is its own, not the test session's.
SERVING_PROCESS = """
import json, sys
from webapp import create_app
app = create_app({"TESTING": True, "CONTENT_DIR": sys.argv[1], "PDF_CACHE_DIR": sys.argv[2],
                  "PDF_PROCESSES": 1, "PDF_RENDERS_PER_PROCESS": 1})
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
