"""A bad content edit never takes a serving site down: the last good content goes on serving."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from webapp.config import PROJECT_ROOT
from webapp.content.yamlfile import ContentError
from webapp.serving import LAST_GOOD, create_serving_app

from .conftest import FIXTURE_CONTENT

BRIEFING = "reports/sample-2023/briefing.yaml"
BROKEN = ("quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A content folder of our own and where its snapshots go, as a deployment has them."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    paths = {"content": content, "snapshots": tmp_path / "snapshots", "pdf": tmp_path / "pdf",
             "builds": tmp_path / "builds"}
    monkeypatch.setenv("FLASK_CONTENT_DIR", str(content))
    monkeypatch.setenv("FLASK_CONTENT_BUILD_DIR", str(paths["builds"]))
    monkeypatch.setenv("FLASK_CONTENT_SNAPSHOTS_DIR", str(paths["snapshots"]))
    monkeypatch.setenv("FLASK_PDF_CACHE_DIR", str(paths["pdf"]))
    return paths


def break_content(content: Path) -> None:
    path = content / BRIEFING
    path.write_text(path.read_text(encoding="utf-8").replace(*BROKEN), encoding="utf-8")


def test_valid_content_is_kept_as_the_last_good_version(site: dict[str, Path]) -> None:
    app = create_serving_app()
    assert app.config["CONTENT_DIR"] == str(site["content"])
    last_good = site["snapshots"] / LAST_GOOD
    assert last_good.is_symlink()
    assert (last_good / BRIEFING).read_bytes() == (site["content"] / BRIEFING).read_bytes()


def test_invalid_content_serves_the_last_good_version_and_says_why(
        site: dict[str, Path], caplog: pytest.LogCaptureFixture) -> None:
    create_serving_app()
    break_content(site["content"])
    with caplog.at_level(logging.ERROR, logger="webapp.serving"):
        app = create_serving_app()
    assert Path(app.config["CONTENT_DIR"]) == (site["snapshots"] / LAST_GOOD).resolve()
    assert "reports/sample-2023/briefing.yaml:" in caplog.text
    assert "figures[2].quote: not found verbatim in source.txt" in caplog.text
    assert app.test_client().get("/en/reports/sample-2023/economy").status_code == 200


def test_invalid_content_without_a_good_version_is_refused(site: dict[str, Path]) -> None:
    break_content(site["content"])
    with pytest.raises(ContentError) as refusal:
        create_serving_app()
    assert "figures[2].quote: not found verbatim" in str(refusal.value)


@pytest.mark.slow
def test_a_worker_without_good_content_stops_with_the_problems_not_a_traceback(
        site: dict[str, Path]) -> None:
    break_content(site["content"])
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 1
    assert "Invalid content, and no good version to serve instead:" in result.stderr
    assert "figures[2].quote: not found verbatim in source.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fixed_edit_becomes_the_last_good_version(site: dict[str, Path]) -> None:
    create_serving_app()
    first = (site["snapshots"] / LAST_GOOD).resolve()
    path = site["content"] / BRIEFING
    path.write_text(path.read_text(encoding="utf-8").replace("19,500 commercial cases.",
                                                             "19,500 commercial cases concluded."),
                    encoding="utf-8")
    create_serving_app()
    second = (site["snapshots"] / LAST_GOOD).resolve()
    assert second != first and not first.exists()  # The older copy is not kept.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    # Generous: while new workers boot on a busy machine a request waits in the listen queue.
    # What is tested is that it is answered, not how soon.
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def gunicorn(site: dict[str, Path], tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str,
                                                                       Path]]:
    port = free_port()
    log = tmp_path / "gunicorn.log"
    config = tmp_path / "gunicorn.conf.py"
    config.write_text(f"bind = '127.0.0.1:{port}'\nworkers = 2\n", encoding="utf-8")
    # gunicorn and the app both log to standard error, as a service manager would collect it.
    with log.open("wb") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(config), "wsgi:app"], cwd=PROJECT_ROOT,
            env={**os.environ}, stdout=subprocess.DEVNULL, stderr=stderr)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while get_or_none(f"{base}/healthz") != 200:
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        yield server, base, log
    finally:
        server.terminate()
        server.wait(timeout=20)


def get_or_none(url: str) -> int | None:
    try:
        return get(url)[0]
    except OSError:
        return None


@pytest.mark.slow
def test_a_reload_with_invalid_content_keeps_the_site_up(
        site: dict[str, Path], gunicorn: tuple[subprocess.Popen[bytes], str, Path]) -> None:
    server, base, log = gunicorn
    page = f"{base}/en/reports/sample-2023/economy"
    assert get(page)[0] == 200
    break_content(site["content"])
    server.send_signal(signal.SIGHUP)
    statuses = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        statuses.append(get(page)[0])
        time.sleep(0.05)
    assert set(statuses) == {200}
    status, html = get(page)
    assert status == 200 and "19,500" in html  # The last good content, not the broken edit.
    text = log.read_text(encoding="utf-8")
    assert "reports/sample-2023/briefing.yaml:" in text and "figures[2].quote: not found" in text
    # New workers started once each, not in a loop of boots that fail.
    assert text.count("Booting worker") <= 4, text


@pytest.mark.slow
def test_a_cold_start_with_invalid_content_and_no_good_version_exits_once(
        site: dict[str, Path]) -> None:
    break_content(site["content"])
    started = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind",
         f"127.0.0.1:{free_port()}", "wsgi:app"], cwd=PROJECT_ROOT, capture_output=True,
        text=True, timeout=120, check=False)
    assert started.returncode != 0
    assert started.stderr.count("figures[2].quote: not found verbatim in source.txt") == 1
    assert "reports/sample-2023/briefing.yaml:" in started.stderr
    assert "Booting worker" not in started.stderr  # Refused by the master, not worker by worker.


def test_a_snapshot_folder_that_cannot_be_written_is_reported_not_fatal(
        site: dict[str, Path], caplog: pytest.LogCaptureFixture) -> None:
    blocked = site["snapshots"].parent / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="webapp.serving"):
        app = create_serving_app(blocked / "snapshots")
    assert "could not be kept as the last good version" in caplog.text
    assert app.test_client().get("/en/reports/sample-2023/economy").status_code == 200


@pytest.mark.slow
def test_render_processes_render_the_content_the_worker_serves(site: dict[str, Path]) -> None:
    app = create_serving_app()
    processes = app.extensions["pdf"].processes
    # An edit that breaks the content, before the reload that would find it: the render
    # processes, started now, lay out what this worker renders from the content it serves.
    break_content(site["content"])
    try:
        response = app.test_client().get("/en/reports/sample-2023/briefing.pdf")
        assert response.status_code == 200 and response.get_data()[:4] == b"%PDF"
    finally:
        processes.shutdown()
