"""The frozen site served by a real nginx (Debian's) in front of the app."""

from __future__ import annotations

import gzip
import http.client
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import brotli
import pytest
from flask import Flask

from webapp import create_app, security
from webapp.freeze import freeze, nginx_config, page_paths

from .browser.conftest import serve
from .conftest import FIXTURE_CONTENT

# Every test here reads the site frozen whole (its PDFs rendered) behind a real nginx.
pytestmark = pytest.mark.slow

PUBLIC_URL = "https://briefings.example.org"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SECURITY_HEADERS = tuple(security.HEADERS)


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Site:
    app: Flask
    app_port: int
    nginx_port: int
    root: Path


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `make setup` (it installs Debian's nginx-light)",
                    pytrace=False)
    # Where nginx's workers, which run as another user, may read: not pytest's private folder.
    scratch = Path(tempfile.mkdtemp(prefix="frozen-site-"))
    scratch.chmod(0o755)
    # One report a page: the listings of every report have pages past their first to freeze.
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(scratch / "pdf-cache"), "PUBLIC_URL": PUBLIC_URL,
                      "REPORTS_PER_PAGE": 1})
    with serve(app) as url:
        app_port = int(url.rsplit(":", 1)[1])
        nginx_port = free_port()
        state = scratch / "nginx"
        for folder in ("", "client-body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (state / folder).mkdir(parents=True, exist_ok=True)
        root = scratch / "site"
        with app.app_context():
            # The whole briefings and one extract (every selection takes minutes to render).
            freeze(app, root, f"127.0.0.1:{app_port}", f"127.0.0.1:{nginx_port}", state,
                   every_pdf=False)
        config = root / "nginx.conf"
        subprocess.run([NGINX, "-t", "-q", "-c", str(config)], check=True)
        subprocess.run([NGINX, "-c", str(config)], check=True)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    fetch(nginx_port, "/en/")
                    break
                except OSError:
                    assert time.monotonic() < deadline, (state / "error.log").read_text()
                    time.sleep(0.1)
            yield Site(app, app_port, nginx_port, root)
        finally:
            subprocess.run([NGINX, "-c", str(config), "-s", "stop"], check=False)
            shutil.rmtree(scratch, ignore_errors=True)


def test_the_freeze_writes_every_page_in_both_forms(site: Site) -> None:
    with site.app.app_context():
        paths = page_paths(site.app)
    assert "/en/reports/sample-2023/economy" in paths and "/zh-hant/glossary" in paths
    assert (site.root / "page" / "en" / "index.html").is_file()
    # Every page of the listing of reports, in both forms; the corrections log's one
    # correction is one page.
    for variant in ("page", "fragment"):
        assert (site.root / variant / "zh-hant" / "page" / "2.html").is_file()
    assert not (site.root / "page" / "en" / "page" / "3.html").exists()
    assert not (site.root / "page" / "en" / "corrections" / "page" / "2.html").exists()
    assert (site.root / "fragment" / "en" / "reports" / "sample-2023" / "economy.html").is_file()
    assert (site.root / "pdf" / "en" / "reports" / "sample-2023" / "briefing.pdf" / "whole.pdf").is_file()


@pytest.mark.parametrize("variant", ["page", "fragment"])
def test_every_frozen_page_is_served_as_the_app_serves_it(site: Site, variant: str) -> None:
    headers = {"HX-Request": "true"} if variant == "fragment" else {}
    with site.app.app_context():
        paths = page_paths(site.app)
    for path in paths:
        frozen = fetch(site.nginx_port, path, headers)
        live = fetch(site.app_port, path, headers)
        assert frozen.status == 200, path
        assert "X-Answered-By" not in frozen.headers, f"{path} went to the app"
        assert frozen.body == live.body, path
        assert frozen.headers["Content-Type"] == live.headers["Content-Type"], path
        for name in SECURITY_HEADERS:
            assert frozen.headers[name] == live.headers[name], (path, name)


def test_a_boosted_request_or_a_history_restore_gets_the_page(site: Site) -> None:
    path = "/en/reports/sample-2023/economy"
    for headers in ({"HX-Request": "true", "HX-Boosted": "true"},
                    {"HX-Request": "true", "HX-History-Restore-Request": "true"}):
        assert fetch(site.nginx_port, path, headers).body.startswith(b"<!doctype html>")
    assert not fetch(site.nginx_port, path, {"HX-Request": "true"}).body.startswith(b"<!doctype")


@pytest.mark.parametrize(("accept", "cookie", "expected"), [
    ("zh-TW,zh;q=0.9,en;q=0.8", None, "/zh-hant/"),
    ("zh-HK", None, "/zh-hant/"),
    ("zh-CN,zh;q=0.9", None, "/zh-hans/"),
    ("zh", None, "/zh-hans/"),
    ("en-US,en;q=0.9", None, "/en/"),
    ("fr-FR,fr;q=0.9", None, "/en/"),
    ("fr-FR,zh-TW;q=0.8", None, "/zh-hant/"),
    ("", None, "/zh-hans/"),
    ("en-US", "zh-hant", "/zh-hant/"),
])
def test_the_root_negotiates_the_language_as_the_app_does(site: Site, accept: str,
                                                          cookie: str | None, expected: str) -> None:
    headers = {"Accept-Language": accept} if accept else {}
    if cookie:
        headers["Cookie"] = f"lang={cookie}"
    frozen = fetch(site.nginx_port, "/", headers)
    live = fetch(site.app_port, "/", headers)
    assert frozen.status == 302
    assert frozen.headers["Location"].endswith(expected)
    assert live.headers["Location"].endswith(expected)
    assert "Accept-Language" in frozen.headers["Vary"]


def test_caching_headers(site: Site) -> None:
    page = fetch(site.nginx_port, "/en/reports/sample-2023/")
    assert page.headers["Cache-Control"] == "public, max-age=120"
    assert "HX-Request" in page.headers["Vary"]
    asset = next(path for path in (site.root / "assets").rglob("site.css"))
    served = fetch(site.nginx_port, "/" + str(asset.relative_to(site.root)))
    assert served.status == 200 and served.headers["Content-Type"].startswith("text/css")
    assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize(("encoding", "decode"), [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_text_is_served_compressed(site: Site, encoding: str, decode: object) -> None:
    plain = fetch(site.nginx_port, "/en/glossary")
    packed = fetch(site.nginx_port, "/en/glossary", {"Accept-Encoding": encoding})
    assert packed.headers["Content-Encoding"] == encoding
    assert decode(packed.body) == plain.body  # type: ignore[operator]


def test_downloads_keep_their_names_and_types(site: Site) -> None:
    pdf = fetch(site.nginx_port, "/en/reports/sample-2023/briefing.pdf")
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF")
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Content-Disposition"] == fetch(
        site.app_port, "/en/reports/sample-2023/briefing.pdf").headers["Content-Disposition"]
    csv = fetch(site.nginx_port, "/zh-hans/reports/sample-2023/figures.csv")
    assert csv.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.headers["Content-Disposition"] == 'attachment; filename="sample-2023-zh-hans-figures.csv"'


@pytest.mark.parametrize("path", [
    "/en/glossary?q=fengqiao", "/api/v1/reports?lang=en", "/en/reports/sample-2023/economy?figure=x",
    "/en/no-such-page",
])
def test_what_is_not_frozen_goes_to_the_app(site: Site, path: str) -> None:
    frozen = fetch(site.nginx_port, path)
    live = fetch(site.app_port, path)
    assert frozen.headers["X-Answered-By"] == "app"
    assert frozen.status == live.status
    assert frozen.body == live.body


def test_a_pdf_not_frozen_is_made_by_the_app_at_its_one_address(site: Site) -> None:
    asked = fetch(site.nginx_port, "/en/reports/sample-2023/briefing.pdf?sections=team,economy")
    assert asked.status == 302
    assert asked.headers["Location"].endswith(
        "/en/reports/sample-2023/briefing.pdf?sections=economy&sections=team")
    made = fetch(site.nginx_port, "/en/reports/sample-2023/briefing.pdf?sections=economy&sections=team")
    assert made.status == 200 and made.body.startswith(b"%PDF")
    assert made.headers["X-Answered-By"] == "app"
    assert 'filename=sample-2023-en-economy-team.pdf' in made.headers["Content-Disposition"]


def test_nginx_negotiates_with_the_configured_cookie(tmp_path: Path) -> None:
    config = nginx_config(tmp_path, "127.0.0.1:8000", "127.0.0.1:8080", tmp_path, {},
                          "reader_language")
    assert "map $cookie_reader_language $language_by_cookie" in config
    assert "$cookie_lang " not in config
    with pytest.raises(ValueError, match="reader-language"):
        nginx_config(tmp_path, "127.0.0.1:8000", "127.0.0.1:8080", tmp_path, {}, "reader-language")


def test_each_frozen_page_says_its_interface_in_its_own_language(site: Site) -> None:
    # The pages are asked for one after another under one app context (the freeze command's):
    # none keeps an earlier page's language (the views' own messages, Bilingual view, included).
    page = "reports/sample-2023/economy.html"
    chinese = (site.root / "page" / "zh-hant" / page).read_text(encoding="utf-8")
    english = (site.root / "page" / "en" / page).read_text(encoding="utf-8")
    assert "中英對照" in chinese and "Bilingual view" not in chinese
    assert "Bilingual view" in english
