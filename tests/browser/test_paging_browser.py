"""The pages of a listing of every report in Chromium: axe on each screen, links that lead on.

The fixture content with one report a page, so that its listings have two pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from tests.browser.screen import SCREENS
from tests.conftest import FIXTURE_CONTENT
from webapp import create_app


@pytest.fixture(scope="module")
def paged_url(serve_app: Callable[[Flask], AbstractContextManager[str]],
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path_factory.mktemp("pdf-cache")),
                      "REPORTS_PER_PAGE": 1})
    with serve_app(app) as url:
        yield url


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_axe_finds_no_violation_on_a_listing_s_pages(browser: Browser, paged_url: str,
                                                     axe: Callable[[Page], list[str]],
                                                     lang: str, size: str) -> None:
    context = browser.new_context(base_url=paged_url, bypass_csp=True, **SCREENS[size])
    try:
        page = context.new_page()
        violations = []
        for path in (f"/{lang}/", f"/{lang}/page/2"):
            page.goto(path)
            expect(page.locator("nav.pagination")).to_be_visible()
            violations += axe(page)
        page.goto(f"/{lang}/corrections")  # The fixture's one correction: one page.
        expect(page.locator(".corrections-log li")).to_have_count(1)
        violations += axe(page)
        assert violations == []
    finally:
        context.close()


def test_the_page_links_lead_from_page_to_page(browser: Browser, paged_url: str) -> None:
    context = browser.new_context(base_url=paged_url, **SCREENS["390"])
    try:
        page = context.new_page()
        page.goto("/en/")
        pagination = page.locator("nav.pagination")
        pagination.get_by_role("link", name="Older").tap()
        expect(page).to_have_url(re.compile(r"/en/page/2$"))
        expect(page).to_have_title(re.compile("Page 2 of 2"))
        expect(pagination.locator('[aria-current="page"]')).to_have_text("2")
        pagination.get_by_role("link", name="Page 1").tap()
        expect(page).to_have_url(re.compile(r"/en/$"))
        expect(pagination.locator('[aria-current="page"]')).to_have_text("1")
    finally:
        context.close()
