"""The language switch keeps the reader's target and place: on the source view at a quote, the
same quote stays highlighted (:target) where it was; on a section page scrolled down, the same
element stays in view. However the switch is reached: a click, a tap, or the keyboard (a
focused link in the sticky header once made Chromium scroll the page by hundreds of pixels)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .screen import FIRST_VISIBLE_ID, NAMES, SCREENS, TAGS, switch_link

# How far the element kept may move: the other language's lines wrap differently.
DRIFT = 40
QUOTE = "quote-fraud-amount"
TARGET_ID = "() => document.querySelector(':target') && document.querySelector(':target').id"


def top_of(page: Page, element_id: str) -> float:
    return float(page.evaluate(f"document.getElementById('{element_id}')"
                               ".getBoundingClientRect().top"))


def switch(page: Page, lang: str, how: str) -> None:
    """Switch to ``lang`` as a reader would: with the keyboard, or with Playwright's own
    click, which first scrolls the link into view if Chromium thinks it needs to be."""
    link = switch_link(page, lang)
    if how == "keyboard":
        link.focus()
        page.keyboard.press("Enter")
    else:
        link.click()
    expect(page.locator("main#main")).to_have_attribute("data-lang", TAGS[lang])


@pytest.mark.parametrize("how", ["keyboard", "click"])
@pytest.mark.parametrize("size", SCREENS)
def test_the_source_view_keeps_the_highlighted_quote_where_it_was(
        new_context: Callable[..., BrowserContext], size: str, how: str) -> None:
    page = new_context(**SCREENS[size]).new_page()
    page.goto(f"/zh-hans/reports/sample-2023/source#{QUOTE}")
    assert page.evaluate(TARGET_ID) == QUOTE
    before = top_of(page, QUOTE)
    for lang in ("en", "zh-hant", "zh-hans"):
        switch(page, lang, how)
        expect(page).to_have_url(re.compile(rf"/{lang}/reports/sample-2023/source#{QUOTE}$"))
        assert page.evaluate(TARGET_ID) == QUOTE, f"the quote lost its highlight in {lang}"
        # The highlight shows: the quote's marks take the target's colour.
        assert page.evaluate(f"getComputedStyle(document.querySelector('#{QUOTE} mark'))"
                             ".backgroundColor") == "rgb(255, 213, 79)"
        after = top_of(page, QUOTE)
        assert abs(after - before) < DRIFT, (NAMES[lang], before, after)
    # Back goes back through the languages, one step each, the quote still the target.
    page.go_back()
    expect(page.locator("main#main")).to_have_attribute("data-lang", "zh-Hant")
    expect(page).to_have_url(re.compile(rf"/zh-hant/reports/sample-2023/source#{QUOTE}$"))


@pytest.mark.parametrize("how", ["keyboard", "click"])
@pytest.mark.parametrize("size", SCREENS)
def test_a_section_page_scrolled_down_keeps_the_same_element_in_view(
        new_context: Callable[..., BrowserContext], size: str, how: str) -> None:
    options = dict(SCREENS[size])
    options["viewport"] = {**options["viewport"], "height": 500}  # type: ignore[dict-item]
    page = new_context(**options).new_page()
    page.goto("/zh-hans/reports/sample-2023/stability")
    page.evaluate("document.getElementById('cases-heading').scrollIntoView({block: 'center'})")
    assert page.evaluate("window.scrollY") > 300
    anchor_id, before = page.evaluate(FIRST_VISIBLE_ID)
    for lang in ("en", "zh-hant", "zh-hans"):
        switch(page, lang, how)
        expect(page).to_have_url(re.compile(rf"/{lang}/reports/sample-2023/stability$"))
        after = top_of(page, anchor_id)
        assert abs(after - before) < DRIFT, (NAMES[lang], anchor_id, before, after)
    # Nothing became the target on the way: no element was highlighted for the reader.
    assert page.evaluate(TARGET_ID) is None
