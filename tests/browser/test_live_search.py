"""Search in a browser: results follow the typing, stale answers never land, Back restores
the query and its results, the page works without JavaScript and on a phone, cleanly.

Runs against the fixture content (report sample-2023) in Debian's Chromium.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask, request
from playwright.sync_api import Browser, BrowserContext, Page, expect

from webapp import create_app

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
# What the live region says for fengqiao, 枫桥 and 楓橋 (on Chinese pages): eight entries.
COUNTS = {"zh-hans": "8条结果", "zh-hant": "8條結果", "en": "8 results"}
SLOW_QUERY = "案"
SLOW_SECONDS = 1.5


def search_url(lang: str, query: str) -> re.Pattern[str]:
    return re.compile(re.escape(f"/{lang}/search?q={quote(query)}") + "$")


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(**DESKTOP).new_page()


# Letters typed one by one are reported with the requests they cause.
REQUESTS = "() => performance.getEntriesByType('resource').filter(e => e.name.includes('/search?')).length"


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_results_follow_the_typing_and_only_the_count_is_announced(page: Page, lang: str) -> None:
    page.goto(f"/{lang}/search")
    page.evaluate("window.__marker = 1; document.getElementById('search-count').__kept = 1")
    page.locator("#search-q").press_sequentially("fengqiao", delay=40)
    expect(page).to_have_url(search_url(lang, "fengqiao"))
    expect(page.locator("#search-count")).to_have_text(COUNTS[lang])
    expect(page.locator("#search-list li")).to_have_count(8)
    marks = page.locator("#search-list mark").all_inner_texts()
    assert {"枫桥" if lang == "zh-hans" else "楓橋", "Fengqiao"} & set(marks), marks
    assert page.evaluate("window.__marker") == 1, "searching reloaded the page"
    # The live region stays in the page (a replaced one is not announced); the list is not it.
    assert page.evaluate("document.getElementById('search-count').__kept") == 1
    assert page.locator("#search-count").get_attribute("role") == "status"
    assert page.locator("#search-results [aria-live], #search-results [role=status]").count() == 0
    expect(page.locator("#search-q")).to_be_focused()
    # Debounced: eight keys, not eight requests.
    assert page.evaluate(REQUESTS) <= 2


@pytest.fixture
def slow_server(serve_app: Callable[[Flask], AbstractContextManager[str]],
                tmp_path: Path) -> Iterator[str]:
    """The fixture's sample report, answering the search for 案 late (as a loaded server might)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content, ignore=shutil.ignore_patterns("example-2023"))
    app = create_app({"TESTING": True, "CONTENT_DIR": str(content),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})

    @app.before_request
    def answer_late() -> None:
        if request.path.endswith("/search") and request.args.get("q") == SLOW_QUERY:
            time.sleep(SLOW_SECONDS)

    with serve_app(app) as url:
        yield url


def test_a_stale_request_is_cancelled_and_never_shown(browser: Browser, slow_server: str,
                                                      console: Any) -> None:
    context = browser.new_context(base_url=slow_server, **DESKTOP)
    try:
        page = console.watch(context.new_page())
        failed: list[tuple[str, str | None]] = []
        page.on("requestfailed", lambda sent: failed.append((sent.url, sent.failure)))
        page.goto("/zh-hans/search")
        # Every state the results pass through, by their first mark.
        page.evaluate("""() => {
            window.__shown = [];
            new MutationObserver(() => {
                const mark = document.querySelector('#search-list mark');
                window.__shown.push(mark ? mark.textContent : '');
            }).observe(document.getElementById('search-results'), {childList: true, subtree: true});
        }""")
        field = page.locator("#search-q")
        field.press_sequentially(SLOW_QUERY)
        page.wait_for_timeout(700)  # Past the debounce: the search for 案 is under way.
        field.press_sequentially("件")
        expect(page).to_have_url(search_url("zh-hans", "案件"))
        expect(page.locator("#search-count")).to_have_text("8条结果")
        page.wait_for_timeout(SLOW_SECONDS * 1000)  # Past the time the stale answer would land.
        assert set(page.locator("#search-list mark").all_inner_texts()) == {"案件"}
        expect(page.locator("#search-count")).to_have_text("8条结果")
        assert "案" not in page.evaluate("window.__shown"), "the stale answer was swapped in"
        assert any(url.endswith(f"q={quote(SLOW_QUERY)}") and failure == "net::ERR_ABORTED"
                   for url, failure in failed), failed
        assert console.errors == []
    finally:
        context.close()


def test_back_restores_the_query_and_its_results(page: Page) -> None:
    page.goto("/zh-hans/search")
    page.locator("#search-q").press_sequentially("枫桥")
    expect(page).to_have_url(search_url("zh-hans", "枫桥"))
    expect(page.locator("#search-count")).to_have_text("8条结果")
    page.locator("#search-list .search-hit__title").first.click()
    expect(page).to_have_url(re.compile(r"/zh-hans/glossary#term-fengqiao-experience$"))

    page.go_back()
    expect(page).to_have_url(search_url("zh-hans", "枫桥"))
    expect(page.locator("#search-q")).to_have_value("枫桥")
    expect(page.locator("#search-count")).to_have_text("8条结果")
    expect(page.locator("#search-list mark").first).to_have_text("枫桥")

    # The language switch keeps the query; Back comes back to the first language's results.
    page.locator(".language-switch").get_by_role("link", name="繁體中文").click()
    expect(page).to_have_url(search_url("zh-hant", "枫桥"))
    expect(page.locator("#search-list mark").first).to_have_text("楓橋")
    page.go_back()
    expect(page).to_have_url(search_url("zh-hans", "枫桥"))
    expect(page.locator("#search-q")).to_have_value("枫桥")
    expect(page.locator("#search-list mark").first).to_have_text("枫桥")


def test_without_javascript_the_form_is_a_plain_get(
        new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False, **DESKTOP).new_page()
    page.goto("/en/search")
    page.locator("#search-q").fill("楓橋")
    with page.expect_navigation():
        page.locator("#search-q").press("Enter")
    expect(page).to_have_url(search_url("en", "楓橋"))
    expect(page.locator("#search-count")).to_have_text("5 results")
    expect(page.locator("#search-list mark").first).to_have_text("枫桥")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_header_box_searches_from_any_page(new_context: Callable[..., BrowserContext],
                                               javascript: bool) -> None:
    page = new_context(java_script_enabled=javascript, **DESKTOP).new_page()
    page.goto("/en/reports/sample-2023/economy")
    page.get_by_role("search").get_by_role("searchbox").fill("enforcement")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(search_url("en", "enforcement"))
    expect(page.locator("#search-q")).to_have_value("enforcement")
    expect(page.locator("#search-list mark").first).to_have_text(re.compile("enforcement", re.I))


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_the_search_works_on_a_phone(new_context: Callable[..., BrowserContext], lang: str) -> None:
    phone = new_context(**PHONE).new_page()
    phone.goto(f"/{lang}/reports/sample-2023/")
    box = phone.get_by_role("search").get_by_role("searchbox")
    assert box.bounding_box() is not None and box.bounding_box()["width"] >= 200  # type: ignore[index]
    phone.goto(f"/{lang}/search?q=fengqiao")
    expect(phone.locator("#search-count")).to_have_text(COUNTS[lang])
    for selector in ("#search-q", "#search-list .search-hit"):
        found = phone.locator(selector).first.bounding_box()
        assert found is not None and found["x"] >= 0 and found["x"] + found["width"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_live_search_logs_no_console_errors(page: Page, console: Any, lang: str) -> None:
    for path in ("/{lang}/search?q=枫桥", "/{lang}/search?q=%22*()%3A%5E", "/{lang}/search"):
        page.goto(path.format(lang=lang))
    field = page.locator("#search-q")
    field.press_sequentially("执行", delay=50)
    expect(page).to_have_url(search_url(lang, "执行"))
    field.fill("")
    expect(page.locator("#search-count")).to_contain_text(
        {"zh-hans": "输入", "zh-hant": "輸入", "en": "Type"}[lang])
    field.press_sequentially('"*():^', delay=50)
    expect(page).to_have_url(re.compile(r"/search\?q=%22"))
    assert console.errors == []
