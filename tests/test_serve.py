"""`make serve`'s nginx (webapp/serve.py), and every nginx configuration the project writes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from webapp import security
from webapp.assets import file_digest
from webapp.config import PROJECT_ROOT
from webapp.freeze import map_bucket_size, nginx_config
from webapp.serve import STATIC, nginx_command
from webapp.serve import nginx_config as serve_config

from .conftest import FIXTURE_CONTENT
from .test_freeze import fetch, free_port

HOST = "briefings.example.org"


def scratch_folder() -> Path:
    """A folder nginx's workers (another user) may read: not pytest's private one."""
    folder = Path(tempfile.mkdtemp(prefix="serve-test-"))
    folder.chmod(0o755)
    return folder


def nginx_test(config: Path, state: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(nginx_command(config, state, "-t"), capture_output=True, text=True,
                          check=False)


def test_the_serve_configuration_passes_nginx_t() -> None:
    state = scratch_folder()
    try:
        config = state / "nginx.conf"
        config.write_text(serve_config("127.0.0.1:8080", state / "app.sock", HOST, state))
        checked = nginx_test(config, state)
        assert checked.returncode == 0, checked.stderr
    finally:
        shutil.rmtree(state, ignore_errors=True)


def long_pdf_names(reports: int, report_id_length: int) -> dict[str, str]:
    """Return PDF names as a freeze writes them, for reports with ids of the longest kind."""
    names = {}
    for number in range(reports):
        report_id = f"{number:03d}-" + "x" * (report_id_length - 4)
        for language in ("zh-hans", "zh-hant", "en"):
            for selection in range(31):
                query = "&".join(f"sections=section-{bit}" for bit in range(5) if selection >> bit & 1)
                names[f"/{language}/reports/{report_id}/briefing.pdf?{query}"] = \
                    f"attachment; filename={report_id}-{language}-{selection}.pdf"
    return names


@pytest.mark.parametrize(("reports", "id_length"), [(0, 0), (2, 13), (40, 100)])
def test_the_frozen_site_configuration_passes_nginx_t(reports: int, id_length: int) -> None:
    # Addresses longer than nginx's default map bucket holds made `nginx -t` fail.
    state = scratch_folder()
    try:
        config = state / "nginx.conf"
        config.write_text(nginx_config(state / "site", "127.0.0.1:8000", "127.0.0.1:8080", state,
                                       long_pdf_names(reports, id_length), "lang"))
        checked = nginx_test(config, state)
        assert checked.returncode == 0, checked.stderr
        assert "Strict-Transport-Security $hsts" in config.read_text()
    finally:
        shutil.rmtree(state, ignore_errors=True)


def test_the_map_bucket_holds_the_longest_key() -> None:
    assert map_bucket_size(0) == 64
    assert map_bucket_size(200) == 256
    assert map_bucket_size(300) == 512


@dataclass
class Stack:
    port: int
    state: Path


def echo_environ(environ: dict[str, object], start_response: object) -> Iterable[bytes]:
    """A stand-in app: answer with what reached it (its WSGI environ's strings)."""
    body = json.dumps({key: value for key, value in environ.items()
                       if isinstance(value, str)}).encode()
    start_response("200 OK", [("Content-Type", "application/json")])  # type: ignore[operator]
    return [body]


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """serve's nginx in front of a stand-in app on the Unix socket gunicorn would use."""
    state = scratch_folder()
    app_socket = state / "app.sock"
    server = make_server(f"unix://{app_socket}", 0, echo_environ)  # type: ignore[arg-type]
    app_socket.chmod(0o777)  # As gunicorn makes it (umask 0): nginx's workers connect to it.
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = free_port()
    config = state / "nginx.conf"
    config.write_text(serve_config(f"127.0.0.1:{port}", app_socket, HOST, state))
    nginx = subprocess.Popen(nginx_command(config, state))
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                fetch(port, "/")
                break
            except OSError:
                assert time.monotonic() < deadline, (state / "error.log").read_text()
                time.sleep(0.1)
        yield Stack(port, state)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        server.shutdown()
        shutil.rmtree(state, ignore_errors=True)


@pytest.mark.slow
def test_the_app_gets_a_fixed_host_and_only_the_headers_it_reads(stack: Stack) -> None:
    answer = fetch(stack.port, "/en/about?x=1", {
        "Host": "evil.example", "X-Forwarded-Host": "evil.example", "Script-Name": "//evil.example",
        "X-Forwarded-Proto": "https", "X-Forwarded-For": "10.9.9.9", "HX-Request": "true",
        "HX-Boosted": "true", "HX-History-Restore-Request": "true", "Accept-Language": "en",
        "Cookie": "lang=en", "X-Anything": "junk"})
    environ = json.loads(answer.body)
    assert environ["HTTP_HOST"] == HOST
    assert environ["SCRIPT_NAME"] == ""
    assert environ["PATH_INFO"] == "/en/about" and environ["QUERY_STRING"] == "x=1"
    assert environ["HTTP_X_FORWARDED_PROTO"] == "http"  # nginx's own scheme, not the client's
    assert environ["HTTP_X_FORWARDED_FOR"] == "127.0.0.1"
    for name in ("HX_REQUEST", "HX_BOOSTED", "HX_HISTORY_RESTORE_REQUEST"):
        assert environ[f"HTTP_{name}"] == "true"
    assert environ["HTTP_ACCEPT_LANGUAGE"] == "en" and environ["HTTP_COOKIE"] == "lang=en"
    for dropped in ("HTTP_X_FORWARDED_HOST", "HTTP_SCRIPT_NAME", "HTTP_X_ANYTHING"):
        assert dropped not in environ


@pytest.mark.slow
def test_static_files_are_served_by_nginx_with_the_app_headers(stack: Stack) -> None:
    digest = file_digest(STATIC / "css" / "site.css")
    served = fetch(stack.port, f"/assets/{digest}/css/site.css")
    assert served.status == 200 and served.body == (STATIC / "css" / "site.css").read_bytes()
    assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    for name, value in security.HEADERS.items():
        assert served.headers[name] == value
    # Another digest (a file edited since the start) is the app's to answer.
    other = json.loads(fetch(stack.port, "/assets/000000000000/css/site.css").body)
    assert other["PATH_INFO"] == "/assets/000000000000/css/site.css"


@pytest.mark.slow
def test_a_client_too_slow_with_its_headers_is_dropped(stack: Stack) -> None:
    with socket.create_connection(("127.0.0.1", stack.port), timeout=15) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x")
        started = time.monotonic()
        answer = slow.recv(4096)  # nginx answers 408, or just closes, once its timeout passes
        assert time.monotonic() - started < 10
    assert answer == b"" or b" 408 " in answer.split(b"\r\n", 1)[0]


@pytest.mark.slow
def test_a_client_asking_too_fast_gets_429(stack: Stack) -> None:
    statuses = {fetch(stack.port, "/en/about").status for _ in range(80)}
    assert statuses == {200, 429}



def descendants(pid: int) -> list[int]:
    """Return every process started by ``pid``, and by those, and so on."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found.append(int(child))
            found.extend(descendants(int(child)))
    return found


@pytest.mark.slow
def test_make_serve_runs_nginx_and_gunicorn_and_stops_both(tmp_path: Path) -> None:
    state = scratch_folder()
    port = free_port()
    env = {**os.environ, "PORT": str(port), "SERVE_STATE": str(state / "serve"),
           "FLASK_CONTENT_DIR": str(FIXTURE_CONTENT),
           "FLASK_CONTENT_SNAPSHOTS_DIR": str(tmp_path / "snapshots"),
           "FLASK_PDF_CACHE_DIR": str(tmp_path / "pdf"), "FLASK_PDF_PROCESSES": "0",
           "FLASK_PDF_MAX_CONCURRENT": "1"}
    serve = subprocess.Popen([sys.executable, "-m", "webapp.serve"], cwd=PROJECT_ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                answer = fetch(port, "/en/about")
                if answer.status == 200:
                    break
            except OSError:
                pass
            assert serve.poll() is None and time.monotonic() < deadline, "make serve did not start"
            time.sleep(0.5)
        assert answer.headers["Server"] == "nginx"
        assert answer.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        started = descendants(serve.pid)
        assert len(started) >= 4  # gunicorn's master and workers, nginx's master and workers
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 0
        assert wait_gone(started, 10), "a process of the stack outlived it"
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        shutil.rmtree(state, ignore_errors=True)


def wait_gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(Path(f"/proc/{pid}").exists() and not _zombie(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
