"""Reading comfort in a browser: tooltips a pointer can reach and a tap can close, a switch
that keeps the place, the query and the fragment on a phone, the bilingual view, the redirect
and the 404's suggestions, and no axe violation on any page type.

At 390 px (a touch phone) and 1280 px, in the three languages, on the fixture content; the
wrapped terms of the Haidian overview need the real content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from .screen import (
    DESKTOP,
    FIRST_VISIBLE_ID,
    LANGS,
    PHONE,
    SCREENS,
    TAGS,
    switch_link,
    tip_of,
)

SECTION = "/{lang}/reports/sample-2023/stability"
COMPANION = {"zh-hans": "en", "zh-hant": "en", "en": "zh-hans"}
BILINGUAL = {"zh-hans": "中英对照", "zh-hant": "中英對照", "en": "Bilingual view"}
# The fixture's stability summary in each language, as the bilingual view pairs it.
SUMMARY = {"zh-hans": "坚持和发展新时代", "zh-hant": "堅持和發展新時代",
           "en": "The court applied the Fengqiao Experience"}


def in_sight(locator: Locator) -> bool:
    """Tell whether an element is inside the viewport, without scrolling to it."""
    return bool(locator.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight"
        " && r.left >= 0 && r.right <= document.documentElement.clientWidth; }"))


# Tooltips: a pointer reaches a wrapped term's link ----------------------------------------

@pytest.fixture(scope="module")
def real_server(real_content_status: tuple[bool, str],
                serve_app: Callable[[Flask], AbstractContextManager[str]],
                request: pytest.FixtureRequest) -> Iterator[str]:
    ok, output = real_content_status
    if not ok:
        pytest.skip(f"real content fails `flask content check`: {output.splitlines()[-1:]}")
    with serve_app(request.getfixturevalue("real_app")) as url:
        yield url


# Every word of a table heading on one line: English words and Chinese headings (结案数)
# broke letter by letter in a narrow column of the paired view. Each run of Latin letters or
# of Chinese characters is measured (digits aside: 2022年收案数 may wrap after 2022).
_BROKEN_WORDS = """els => els.flatMap(el => {
  const text = el.textContent, found = [];
  for (const match of text.matchAll(/[A-Za-z]+|[\\u4e00-\\u9fff]+/g)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0, node;
    while ((node = walker.nextNode())) {
      const end = offset + node.data.length;
      if (match.index >= offset && match.index + match[0].length <= end) {
        const range = document.createRange();
        range.setStart(node, match.index - offset);
        range.setEnd(node, match.index - offset + match[0].length);
        const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
        if (tops.size > 1) found.push(match[0]);
      }
      offset = end;
    }
  }
  return found;
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_source_table_s_headings_break_only_between_words(
        browser: Browser, real_server: str, width: int) -> None:
    context = browser.new_context(base_url=real_server, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto("/zh-hans/reports/haidian-2023/source?with=en")
        headings = page.locator(".source-table th")
        assert headings.count() > 20
        assert headings.evaluate_all(_BROKEN_WORDS) == []
    finally:
        context.close()


def move_straight(page: Page, start: tuple[float, float], end: tuple[float, float],
                  steps: int = 12) -> None:
    (x0, y0), (x1, y1) = start, end
    for step in range(1, steps + 1):
        page.mouse.move(x0 + (x1 - x0) * step / steps, y0 + (y1 - y0) * step / steps)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_a_wrapped_term_s_tooltip_link_is_reachable_by_mouse(
        browser: Browser, real_server: str, lang: str, width: int) -> None:
    """From the first line of every term that wraps, straight to “More in the glossary”."""
    context = browser.new_context(base_url=real_server, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"/{lang}/reports/haidian-2023/")
        triggers = page.locator("main .term__trigger")
        wrapped = [index for index, lines in enumerate(triggers.evaluate_all(
            "els => els.map(el => el.getClientRects().length)")) if lines > 1]
        assert wrapped, "no wrapped term to test with"
        lost = []
        for index in wrapped:
            trigger = triggers.nth(index)
            trigger.evaluate("el => el.scrollIntoView({block: 'center'})")
            first = trigger.evaluate("el => { const r = el.getClientRects()[0];"
                                     " return [r.left + r.width / 2, r.top + r.height / 2]; }")
            page.mouse.move(*first)
            more = tip_of(trigger).locator(".term__more")
            expect(more).to_be_visible()
            # The link's words, not the middle of its box: a link that wraps has a gap there.
            end = more.evaluate("el => { const r = el.getClientRects()[0];"
                                " return [r.left + r.width / 2, r.top + r.height / 2]; }")
            move_straight(page, tuple(first), tuple(end))
            if not more.evaluate("el => el.matches(':hover') && el.checkVisibility()"):
                lost.append(trigger.inner_text())
            page.mouse.move(1, 1)
        assert lost == [], f"{len(lost)} of {len(wrapped)} wrapped terms lose their tooltip"
    finally:
        context.close()


# Tooltips on a phone: a tap on the tip or its close button closes it ----------------------

@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(**PHONE).new_page()


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_closes_a_tooltip_by_a_tap_on_it_or_its_button_and_taps_the_next_term(
        phone: Page, lang: str) -> None:
    phone.goto(SECTION.format(lang=lang))
    first, second = (phone.locator(f'main .term[data-term="{term}"] .term__trigger').first
                     for term in ("fengqiao-experience", "fengqiao-style-tribunal"))
    first.evaluate("el => el.scrollIntoView({block: 'start'})")
    tip = tip_of(first)
    close = tip.locator(".term__close")

    first.tap()
    expect(tip).to_be_visible()
    assert in_sight(tip), "the open tooltip is not on screen"
    assert in_sight(second), "the open tooltip covers the next term"
    expect(close).to_be_visible()
    # The tip's link joins the tab order while the tip is open, and leaves it after.
    expect(tip.locator(".term__more")).to_have_attribute("tabindex", "0")

    tip.locator(".term__short").tap()
    expect(tip).to_be_hidden()
    expect(first).to_have_attribute("aria-expanded", "false")
    expect(tip.locator(".term__more")).to_have_attribute("tabindex", "-1")

    first.tap()
    expect(tip).to_be_visible()
    close.tap()
    expect(tip).to_be_hidden()
    expect(close).to_be_hidden()

    # With one tip open, the next term is a tap away: its tip replaces the first.
    first.tap()
    expect(tip).to_be_visible()
    second.tap()
    expect(tip_of(second)).to_be_visible()
    expect(tip).to_be_hidden()
    assert phone.url.endswith(SECTION.format(lang=lang)), "a tap on a term left the page"


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_a_focused_tooltip_stays_on_a_phone_screen(
        new_context: Callable[..., BrowserContext], lang: str) -> None:
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto(SECTION.format(lang=lang))
    triggers = page.locator("main .term__trigger")
    rights = triggers.evaluate_all("els => els.map(el => el.getBoundingClientRect().right)")
    trigger = triggers.nth(rights.index(max(rights)))
    trigger.focus()
    tip = tip_of(trigger)
    expect(tip).to_be_visible()
    assert in_sight(tip), tip.bounding_box()


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_skips_a_closed_tip_s_link_and_enter_opens_the_entry(
        new_context: Callable[..., BrowserContext], lang: str) -> None:
    page = new_context(**DESKTOP).new_page()
    page.goto(SECTION.format(lang=lang))
    trigger = page.locator('main .term[data-term="fengqiao-experience"] .term__trigger').first
    trigger.focus()
    expect(tip_of(trigger)).to_be_visible()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused != "term__more", "Tab went into the tooltip"
    trigger.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{lang}/glossary#term-fengqiao-experience$"))


# The language switch on a phone: in reach, and it keeps the place, query and fragment ------

@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_switch_stays_in_reach_and_keeps_the_place(phone: Page,
                                                                   lang: str) -> None:
    phone.goto(SECTION.format(lang=lang))
    phone.evaluate("document.getElementById('cite-heading').scrollIntoView({block: 'center'})")
    assert phone.evaluate("window.scrollY") > 600
    anchor_id, top_before = phone.evaluate(FIRST_VISIBLE_ID)
    other = "en" if lang != "en" else "zh-hant"
    link = switch_link(phone, other)
    assert in_sight(link), "the language switch scrolled away"
    box = link.bounding_box()
    assert box is not None
    # A tap where the reader sees it, without Playwright scrolling first.
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(phone).to_have_url(re.compile(rf"/{other}/reports/sample-2023/stability$"))
    expect(phone.locator("main#main")).to_have_attribute("data-lang", TAGS[other])
    top_after = phone.evaluate(f"document.getElementById('{anchor_id}').getBoundingClientRect().top")
    assert abs(top_after - top_before) < 4, (anchor_id, top_before, top_after)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_switch_keeps_the_query_as_typed_and_the_fragment(
        new_context: Callable[..., BrowserContext], javascript: bool) -> None:
    page = new_context(java_script_enabled=javascript, **PHONE).new_page()
    page.goto("/en/glossary?q=Fengqiao")
    expect(page.locator("#glossary-results .glossary__entry")).to_have_count(2)
    switch_link(page, "zh-hant").click()
    expect(page).to_have_url(re.compile(r"/zh-hant/glossary\?q=Fengqiao$"))
    expect(page.locator("#glossary-results .glossary__entry")).to_have_count(2)
    if not javascript:
        return
    # A query typed after the page came keeps too, and so does a fragment.
    page.locator("#glossary-filter").fill("結收比")
    expect(page.locator("#glossary-results .glossary__entry")).to_have_count(1)
    expect(page.locator("#glossary-count")).to_contain_text("1")
    switch_link(page, "en").click()
    expect(page).to_have_url(re.compile(r"/en/glossary\?q=%E7%B5%90%E6%94%B6%E6%AF%94$"))
    expect(page.locator("#glossary-results .glossary__entry")).to_have_count(1)
    page.goto(SECTION.format(lang="en") + "#figure-fraud-amount")
    switch_link(page, "zh-hans").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/reports/sample-2023/stability"
                                        r"#figure-fraud-amount$"))


# The bilingual view ----------------------------------------------------------------------------

@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_bilingual_view_is_reached_from_the_switch_and_kept(
        new_context: Callable[..., BrowserContext], lang: str, size: str) -> None:
    page = new_context(**SCREENS[size]).new_page()
    page.goto(SECTION.format(lang=lang))
    toggle = page.locator(".language-switch__pair")
    expect(toggle).to_have_text(BILINGUAL[lang])
    toggle.click()
    companion = COMPANION[lang]
    expect(page).to_have_url(re.compile(rf"/{lang}/reports/sample-2023/stability\?with={companion}$"))
    summary = page.locator(".summary .pair__text")
    expect(summary).to_have_count(2)
    expect(summary.nth(0)).to_contain_text(SUMMARY[lang])
    expect(summary.nth(1)).to_contain_text(SUMMARY[companion])
    expect(summary.nth(1)).to_have_attribute("lang", TAGS[companion])
    own, other = (summary.nth(i).bounding_box() for i in (0, 1))
    assert own is not None and other is not None
    if size == "1280":
        assert other["x"] > own["x"] + own["width"] - 1 and abs(other["y"] - own["y"]) < 2
    else:
        assert abs(other["x"] - own["x"]) < 20 and other["y"] >= own["y"] + own["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[size]["viewport"]["width"]
    # Each highlight stands beside its companion too, and figures give both.
    expect(page.locator(".highlights li .pair")).to_have_count(3)
    expect(page.locator(f'.figure-card__companion[lang="{TAGS[companion]}"]').first).to_be_visible()

    # Switching language keeps the pair; the next section keeps the view; it turns off again.
    switch_link(page, companion).click()
    expect(page).to_have_url(re.compile(rf"/{companion}/reports/sample-2023/stability\?with={lang}$"))
    page.locator(".section-nav a[href*='/economy']").click()
    expect(page).to_have_url(re.compile(rf"/{companion}/reports/sample-2023/economy\?with={lang}$"))
    page.locator(".language-switch__pair").click()
    expect(page).to_have_url(re.compile(rf"/{companion}/reports/sample-2023/economy$"))
    expect(page.locator(".pair")).to_have_count(0)


# A stray slash, a mistyped section -------------------------------------------------------------

@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_trailing_slash_redirects_and_a_mistyped_section_offers_the_sections(
        new_context: Callable[..., BrowserContext], lang: str, size: str) -> None:
    page = new_context(**SCREENS[size]).new_page()
    page.goto(f"/{lang}/reports/sample-2023/economy/")
    expect(page).to_have_url(re.compile(rf"/{lang}/reports/sample-2023/economy$"))
    expect(page.locator(".section-nav [aria-current]")).to_be_visible()

    response = page.goto(f"/{lang}/reports/sample-2023/economics")
    assert response is not None and response.status == 404
    suggestions = page.locator(".suggestions a")
    expect(suggestions).to_have_count(6)
    suggestions.nth(2).click()
    expect(page).to_have_url(re.compile(rf"/{lang}/reports/sample-2023/economy$"))


# Accessibility: axe on every page type -------------------------------------------------------

PAGE_TYPES = [
    "/{lang}/",
    "/{lang}/reports/sample-2023/",
    "/{lang}/reports/sample-2023/stability",
    "/{lang}/reports/sample-2023/livelihood?with={companion}",
    "/{lang}/reports/sample-2023/?with={companion}",
    "/{lang}/reports/sample-2023/source",
    "/{lang}/reports/sample-2023/source?highlight=stability-1#p-fa7bd7bc",
    "/{lang}/glossary",
    "/{lang}/glossary?q=nothing-matches",
    "/{lang}/about",
    "/{lang}/corrections",
    "/{lang}/reports/sample-2023/economics",
]


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_on_any_page_type(
        new_context: Callable[..., BrowserContext], axe: Callable[[Page], list[str]],
        lang: str, size: str) -> None:
    options: dict[str, Any] = {**SCREENS[size], "bypass_csp": True}
    page = new_context(**options).new_page()
    violations = []
    for path in PAGE_TYPES:
        page.goto(path.format(lang=lang, companion=COMPANION[lang]))
        violations += axe(page)
    # And with a tooltip open, the way each screen opens one.
    page.goto(SECTION.format(lang=lang))
    trigger = page.locator("main .term__trigger").first
    if size == "390":
        trigger.tap()
    else:
        trigger.hover()
    expect(tip_of(trigger)).to_be_visible()
    violations += axe(page)
    assert violations == []
