"""Browser-test fixtures: the app on a real port and Debian's Chromium driven by Playwright.

The app runs in a background thread under werkzeug's threaded server; Chromium is the one
`make setup` installs from Debian (never a downloaded browser). A missing browser or htmx
build is a failure, not a skip: these tests guard behaviour no other test sees.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    sync_playwright,
)
from werkzeug.serving import make_server

from webapp import create_app
from webapp.content import load_content
from webapp.content.yamlfile import ContentError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = PROJECT_ROOT / "tests" / "fixtures" / "content"
CHROMIUM = Path("/usr/bin/chromium")
HTMX = PROJECT_ROOT / "static" / "vendor" / "htmx.min.js"
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps trying to reach hosts this machine cannot reach.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every browser test ``slow``: each drives Chromium, so the fast path leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.slow)


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve ``app`` on a free port of 127.0.0.1 in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="browser-test-server",
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium, shared by every test (each test gets its own context)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (it installs Debian's chromium).",
                    pytrace=False)
    if not HTMX.exists():
        pytest.fail(f"{HTMX.relative_to(PROJECT_ROOT)} is missing: run `make setup` "
                    "(it copies htmx from node_modules).", pytrace=False)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def live_server(browser: Browser,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the fixture content (report ``sample-2023``), at a real URL.

    Depends on ``browser`` so that the browser, and with it every keep-alive connection, is
    closed after the server stops accepting (session fixtures tear down in reverse order).
    """
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path_factory.mktemp("pdf-cache"))})
    with serve(app) as url:
        yield url


@dataclass
class Console:
    """Console errors, page errors and failed requests seen by the pages of one context."""

    errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("requestfailed", self._on_request_failed)
        return page

    def _on_request_failed(self, request: Request) -> None:
        # A request the browser itself abandoned because the page moved on (the icon of a
        # page left at once) is not a failure of the app.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"request failed: {request.url} ({request.failure})")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console {message.type}: {message.text} @ {message.location}")


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def new_context(browser: Browser, live_server: str,
                console: Console) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts on the live server; every page is watched by ``console``."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(base_url=live_server, **options)
        context.set_default_timeout(5_000)
        context.on("page", console.watch)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def serve_app() -> Callable[[Flask], AbstractContextManager[str]]:
    """The ``serve`` context manager, for tests that start an app of their own."""
    return serve


@pytest.fixture(scope="session")
def axe() -> Callable[[Page], list[str]]:
    """Run axe-core on a page; return its violations, one line each (rule, impact, where).

    The script is injected into the page, which only a context made with ``bypass_csp=True``
    allows: the site's CSP rightly refuses scripts it did not serve.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(PROJECT_ROOT)} is missing: run `make setup` "
                    "(it installs axe-core from npm).", pytrace=False)
    source = AXE.read_text(encoding="utf-8")

    def violations(page: Page) -> list[str]:
        page.add_script_tag(content=source)
        found = page.evaluate("""async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
                v.nodes.map(n => n.target.join(" ")).join(", "));
        }""")
        return [f"{page.url}: {line}" for line in found]

    return violations


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots for humans go (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def real_content_status() -> tuple[bool, str]:
    """Whether the real content passes the content check now, and what the check said."""
    try:
        load_content(PROJECT_ROOT / "content")
    except ContentError as error:
        return False, str(error)
    return True, ""
