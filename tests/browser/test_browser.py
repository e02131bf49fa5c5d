"""What only a browser can check: htmx language switching and history, CSP-clean pages,
glossary tooltips on mouse, keyboard and touch, the live glossary filter, and screenshots.

Runs against the fixture content (report sample-2023, section stability) in Debian's Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from .screen import (
    DESKTOP,
    FIRST_VISIBLE_ID,
    NAMES,
    PHONE,
    SCREENS,
    TAGS,
    switch_link,
    tip_of,
)

SECTION = "/{lang}/reports/sample-2023/stability"
TITLES = {"zh-hans": "维护安全稳定", "zh-hant": "維護安全穩定", "en": "Safety and Stability"}
# Text of the stability section that exists in one language only.
BODY_TEXT = {"zh-hans": "枫桥经验", "zh-hant": "楓橋經驗", "en": "Fengqiao Experience"}
# The short definition of fengqiao-experience, as its tooltip shows it.
SHORT = {"zh-hans": "就地化解矛盾的基层治理经验。", "zh-hant": "就地化解矛盾的基層治理經驗。",
         "en": "A grassroots approach of resolving disputes locally."}


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A desktop page with JavaScript."""
    return new_context(**DESKTOP).new_page()


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> Page:
    """A 390×844 touch-screen phone page."""
    return new_context(**PHONE).new_page()


def section_url(lang: str) -> str:
    return SECTION.format(lang=lang)


def url_is(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + r"(\?.*)?$")


def expect_language(page: Page, lang: str) -> None:
    """The page shows ``lang``: URL, <html lang>, <main data-lang>, title and body text."""
    expect(page).to_have_url(url_is(section_url(lang)))
    expect(page.locator("html")).to_have_attribute("lang", TAGS[lang])
    expect(page.locator("main#main")).to_have_attribute("data-lang", TAGS[lang])
    expect(page).to_have_title(re.compile(re.escape(TITLES[lang])))
    expect(page.locator("main#main")).to_contain_text(BODY_TEXT[lang])
    expect(page.locator(".language-switch__current")).to_have_text(NAMES[lang])


# 1. Language switch without reload, and back/forward -------------------------------------

def test_language_switch_swaps_content_without_reload_and_history_restores(page: Page) -> None:
    page.goto(section_url("zh-hans"))
    expect_language(page, "zh-hans")
    page.evaluate("window.__marker = 1")

    switch_link(page, "zh-hant").click()
    expect_language(page, "zh-hant")
    assert page.evaluate("window.__marker") == 1, "switching language reloaded the page"
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert "維護安全穩定" in page.title()
    assert "维护安全稳定" not in page.title()
    assert "枫桥经验" not in page.locator("main#main").inner_text()
    # The fragment swapped in must not nest a second page frame.
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("main#main")).to_have_count(1)

    switch_link(page, "en").click()
    expect_language(page, "en")
    assert page.evaluate("window.__marker") == 1, "switching language reloaded the page"
    assert "Safety and Stability" in page.title()

    page.go_back()
    expect_language(page, "zh-hant")
    page.go_back()
    expect_language(page, "zh-hans")
    page.go_forward()
    expect_language(page, "zh-hant")
    assert page.evaluate("window.__marker") == 1, "back/forward reloaded the page"
    expect(page.locator("header.site-header")).to_have_count(1)


# 2. Without JavaScript the switch is a plain link -----------------------------------------

def test_language_switch_keeps_the_reader_at_the_same_place(page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(section_url("zh-hans"))
    page.evaluate("window.scrollBy(0, document.getElementById('highlights-heading')"
                  ".getBoundingClientRect().top - 150)")
    anchor_id, top_before = page.evaluate(FIRST_VISIBLE_ID)
    assert page.evaluate("window.scrollY") > 200
    # Click where a reader would, without Playwright scrolling the target into view first.
    box = page.locator(".language-switch a[hreflang='en']").bounding_box()
    assert box is not None and box["y"] >= 0, "the language switch is not in sight"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"/en/reports/sample-2023/stability$"))
    expect(page.locator("#highlights-heading")).to_have_text("Highlights")
    top_after = page.evaluate(f"document.getElementById('{anchor_id}').getBoundingClientRect().top")
    assert abs(top_after - top_before) < 4, (anchor_id, top_before, top_after)


def test_language_switch_is_a_plain_link_without_javascript(
        new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False, **DESKTOP).new_page()
    page.goto(section_url("zh-hans"))
    with page.expect_navigation():
        switch_link(page, "zh-hant").click()
    expect_language(page, "zh-hant")
    with page.expect_navigation():
        switch_link(page, "en").click()
    expect_language(page, "en")


# 3. No CSP violations or other console errors ----------------------------------------------

PAGES = [
    "/{lang}/",
    "/{lang}/reports/sample-2023/",
    "/{lang}/reports/sample-2023/stability",
    "/{lang}/reports/sample-2023/economy",
    "/{lang}/reports/sample-2023/source",
    "/{lang}/reports/sample-2023/source#quote-commercial-concluded",
    "/{lang}/glossary",
    "/{lang}/glossary?q=fengqiao",
    "/{lang}/compare",
    "/{lang}/search",
    "/{lang}/search?q=枫桥",
    "/{lang}/no-such-page",
]


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_pages_log_no_console_errors(page: Page, console: Any, lang: str) -> None:
    for path in PAGES:
        page.goto(path.format(lang=lang))
        page.wait_for_load_state("load")
    # Exercise the scripts too: a swap, a tooltip, the filter.
    page.goto(section_url(lang))
    other = "en" if lang != "en" else "zh-hans"
    switch_link(page, other).click()
    expect_language(page, other)
    page.locator(".term__trigger").first.hover()
    page.keyboard.press("Escape")
    page.go_back()
    expect_language(page, lang)
    page.goto(f"/{lang}/glossary")
    page.locator("#glossary-filter").fill("fengqiao")
    expect(page).to_have_url(re.compile(r"\?q=fengqiao"))
    # The 404 page's own status is reported by Chromium; that one is expected.
    missing = re.compile(r"status of 404 .*/no-such-page'")
    assert [error for error in console.errors if not missing.search(error)] == []


def test_console_watch_sees_csp_violations(page: Page, console: Any) -> None:
    """Guard the guard: an inline script on our pages must show up as an error."""
    page.goto(section_url("en"))
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.body.append(script);
    }""")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__inline") is None
    assert any("Content Security Policy" in error for error in console.errors), console.errors


# 4. Tooltips: hover, keyboard, touch, on screen --------------------------------------------

def fengqiao_trigger(page: Page) -> Locator:
    return page.locator('main .term[data-term="fengqiao-experience"] .term__trigger').first


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_tooltip_opens_on_hover_and_keyboard(page: Page, lang: str) -> None:
    page.goto(section_url(lang))
    trigger = fengqiao_trigger(page)
    tip = tip_of(trigger)
    expect(tip).to_be_hidden()

    trigger.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(SHORT[lang])
    page.mouse.move(5, page.viewport_size["height"] - 5)  # type: ignore[index]
    expect(tip).to_be_hidden()

    # Keyboard: Tab from the element before it.
    trigger.focus()
    page.keyboard.press("Shift+Tab")
    expect(tip).to_be_hidden()
    page.keyboard.press("Tab")
    expect(trigger).to_be_focused()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(SHORT[lang])
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(trigger).to_be_focused()
    # Dismissal lasts until the reader comes back to the term.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(tip).to_be_visible()

    # Hostile glossary text is shown as text, never run.
    hostile = page.locator('main .term[data-term="hostile"] .term__trigger').first
    hostile.hover()
    expect(tip_of(hostile)).to_contain_text("<script>alert(1)</script>")


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_tooltip_opens_on_tap_and_closes_on_tap_elsewhere(phone: Page, lang: str) -> None:
    phone.goto(section_url(lang))
    trigger = fengqiao_trigger(phone)
    term = trigger.locator("xpath=..")
    tip = tip_of(trigger)
    expect(tip).to_be_hidden()

    trigger.tap()
    expect(tip).to_be_visible()
    expect(term).to_have_class(re.compile(r"\bis-open\b"))
    expect(trigger).to_have_attribute("aria-expanded", "true")
    expect(tip).to_contain_text(SHORT[lang])

    phone.locator("main h1").tap()
    expect(tip).to_be_hidden()
    expect(term).not_to_have_class(re.compile(r"\bis-open\b"))
    expect(trigger).to_have_attribute("aria-expanded", "false")

    # A second tap on the term itself closes it too, though the term keeps hover and focus.
    trigger.tap()
    expect(tip).to_be_visible()
    trigger.tap()
    expect(tip).to_be_hidden()
    expect(trigger).to_have_attribute("aria-expanded", "false")


def test_pointer_can_move_from_term_onto_its_tooltip(page: Page) -> None:
    page.goto(section_url("en"))
    trigger = fengqiao_trigger(page)
    tip = tip_of(trigger)
    trigger.hover()
    expect(tip).to_be_visible()
    box = trigger.bounding_box()
    tip_box = tip.bounding_box()
    assert box is not None and tip_box is not None
    # Walk straight down from the term into the tip, through the gap between them.
    x = tip_box["x"] + tip_box["width"] / 2
    for y in range(int(box["y"] + box["height"] - 2), int(tip_box["y"] + 6), 2):
        page.mouse.move(x if y > box["y"] + box["height"] else box["x"] + 2, y)
    expect(tip).to_be_visible()
    tip.locator(".term__more").click()
    expect(page).to_have_url(re.compile(r"/en/glossary#term-fengqiao-experience$"))


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_tooltips_stay_inside_a_phone_screen(phone: Page, lang: str) -> None:
    phone.goto(section_url(lang))
    width = phone.viewport_size["width"]  # type: ignore[index]
    # Hidden tooltips must not widen the page: no sideways scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    triggers = phone.locator("main .term__trigger")
    count = triggers.count()
    assert count >= 2
    # Open every term, rightmost-first, so the one nearest the right edge is surely checked.
    boxes = []
    for index in range(count):
        box = triggers.nth(index).bounding_box()
        assert box is not None
        boxes.append((box["x"] + box["width"], index))
    rightmost = max(boxes)[0]
    assert rightmost > width / 2, "no term near the right edge to test with"
    for _right, index in sorted(boxes, reverse=True):
        trigger = triggers.nth(index)
        trigger.scroll_into_view_if_needed()
        trigger.tap()
        tip = tip_of(trigger)
        expect(tip).to_be_visible()
        box = tip.bounding_box()
        assert box is not None
        assert box["x"] >= 0, f"tooltip {index} cut off on the left: {box}"
        assert box["x"] + box["width"] <= width, f"tooltip {index} cut off on the right: {box}"
        phone.locator("main h1").tap()
        expect(tip).to_be_hidden()
    # No horizontal scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= width


# 5. Glossary filter --------------------------------------------------------------------------

def test_glossary_filter_narrows_results_as_you_type(page: Page) -> None:
    page.goto("/zh-hans/glossary")
    results = page.locator("#glossary-results")
    expect(results.locator("#term-hostile")).to_have_count(1)
    page.evaluate("window.__marker = 1")

    page.locator("#glossary-filter").press_sequentially("楓橋")
    expect(results.locator("#term-fengqiao-experience")).to_be_visible(timeout=2_000)
    expect(results.locator("#term-hostile")).to_have_count(0, timeout=2_000)
    expect(results).to_contain_text("枫桥经验")
    expect(page).to_have_url(re.compile(r"/zh-hans/glossary\?q="), timeout=2_000)
    assert unquote(page.url.split("?q=", 1)[1]) == "楓橋"
    assert page.evaluate("window.__marker") == 1, "filtering reloaded the page"
    expect(page.locator("#glossary-filter")).to_be_focused()
    expect(page.locator("#glossary-results")).to_have_count(1)

    page.locator("#glossary-filter").fill("")
    expect(results.locator("#term-hostile")).to_have_count(1, timeout=2_000)


def test_glossary_filter_works_without_javascript(
        new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False, **DESKTOP).new_page()
    page.goto("/zh-hans/glossary")
    page.locator("#glossary-filter").fill("楓橋")
    with page.expect_navigation():
        page.locator("#glossary-filter").press("Enter")
    expect(page).to_have_url(re.compile(r"/zh-hans/glossary\?q="))
    results = page.locator("#glossary-results")
    expect(results.locator("#term-fengqiao-experience")).to_be_visible()
    expect(results.locator("#term-hostile")).to_have_count(0)


# 6. From a number to its sentence, and back -----------------------------------------------------

def in_viewport(locator: Locator) -> bool:
    return bool(locator.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }"))


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_a_figure_leads_to_its_highlighted_sentence_and_back(
        new_context: Callable[..., BrowserContext], lang: str, javascript: bool) -> None:
    page = new_context(**DESKTOP, java_script_enabled=javascript).new_page()
    page.goto(f"/{lang}/reports/sample-2023/economy")
    card = page.locator("#figure-commercial-concluded")
    card.get_by_role("link", name={"zh-hans": "报告出处", "en": "In the report"}[lang],
                     exact=True).click()

    expect(page).to_have_url(re.compile(
        re.escape(f"/{lang}/reports/sample-2023/source#quote-commercial-concluded") + "$"))
    sentence = page.locator("#quote-commercial-concluded mark")
    expect(sentence).to_have_text("审结商事案件1.95万件")
    assert in_viewport(sentence), "the sentence is not scrolled into view"
    # Highlighted as the target: the :target rule's colour, not the plain mark's.
    assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 213, 79)"
    other = page.locator(".source-text mark").filter(has_not_text="1.95").first
    assert other.evaluate("el => getComputedStyle(el).backgroundColor") != "rgb(255, 213, 79)"

    page.go_back()
    expect(page).to_have_url(url_is(f"/{lang}/reports/sample-2023/economy"))
    assert in_viewport(page.locator("#figure-commercial-concluded")), "Back lost the card"


def test_a_linked_figure_card_is_highlighted(page: Page) -> None:
    page.goto("/en/reports/sample-2023/#figure-closure-ratio")
    shadow = "el => getComputedStyle(el).boxShadow"
    assert page.locator("#figure-closure-ratio").evaluate(shadow) != "none"
    assert page.locator("#figure-cases-received").evaluate(shadow) == "none"
    assert in_viewport(page.locator("#figure-closure-ratio"))


TARGET_COLOUR = "rgb(255, 213, 79)"


def background(locator: Locator) -> str:
    return str(locator.evaluate("el => getComputedStyle(el).backgroundColor"))


def test_a_table_figure_lights_its_cell_and_both_headings(
        browser: Browser, serve_app: Callable[[Flask], AbstractContextManager[str]],
        request: pytest.FixtureRequest) -> None:
    # Haidian's 附件1: the row 民事案件 gives 28683 (2022) and 38151 (2023), quoted by two figures.
    with serve_app(request.getfixturevalue("real_app")) as url:
        context = browser.new_context(base_url=url, **DESKTOP)
        try:
            page = context.new_page()
            page.goto("/en/reports/haidian-2023/source#quote-civil-received-2023")
            cell = page.locator("td:has(> #quote-civil-received-2023)")
            expect(cell).to_have_text("38151")
            assert in_viewport(cell)
            assert cell.evaluate("el => getComputedStyle(el).boxShadow") != "none"
            table = page.locator("table:has(#quote-civil-received-2023)")
            row_heading = table.locator("tr:has(#quote-civil-received-2023) > th mark")
            assert background(row_heading) == TARGET_COLOUR
            other_row = table.locator("tr:has(#quote-criminal-received-2023) > th mark")
            assert background(other_row) != TARGET_COLOUR
            columns = table.locator("tr").first.locator("th mark")
            expect(columns.nth(1)).to_have_text("2023年收案数")
            assert background(columns.nth(1)) == TARGET_COLOUR
            assert background(columns.nth(0)) != TARGET_COLOUR
            # The other year's number in the same row is not the target.
            assert background(page.locator("#quote-civil-received-2022 mark")) != TARGET_COLOUR
        finally:
            context.close()


def test_a_highlight_link_marks_every_block_and_leads_through_them(
        browser: Browser, serve_app: Callable[[Flask], AbstractContextManager[str]],
        request: pytest.FixtureRequest) -> None:
    with serve_app(request.getfixturevalue("real_app")) as url:
        context = browser.new_context(base_url=url, **DESKTOP, java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto("/zh-hant/reports/tibet-2024/economy")
            # The Tibet briefing rests on the infographic, and its links say so.
            page.locator("#highlight-economy-1").get_by_role("link", name="圖解出處").click()
            expect(page).to_have_url(re.compile(r"/source\?highlight=economy-1#p-[0-9a-f]+$"))
            chosen = page.locator(".source-block--chosen")
            expect(chosen).to_have_count(5)
            assert in_viewport(chosen.first.locator(".source-block__text"))
            for index in range(4):
                chosen.nth(index).get_by_role("link", name="下一段").click()
                assert in_viewport(chosen.nth(index + 1).locator(".source-block__text"))
        finally:
            context.close()


# 7. Screenshots for humans (not assertions) ---------------------------------------------------



def take_screenshots(browser: Browser, base_url: str, artifacts: Path, prefix: str,
                     paths: dict[str, str]) -> list[str]:
    """Screenshot each path in each language at each size; return the file names."""
    written = []
    for size, options in SCREENS.items():
        context = browser.new_context(base_url=base_url, **options)
        try:
            page = context.new_page()
            for name, path in paths.items():
                for lang in ("zh-hans", "zh-hant", "en"):
                    page.goto(path.format(lang=lang))
                    file = artifacts / f"{prefix}-{name}-{lang}-{size}.png"
                    page.screenshot(path=str(file), full_page=True)
                    written.append(file.name)
                    triggers = page.locator("main .term__trigger")
                    if name.endswith("section") and triggers.count():
                        # The tooltip of the term nearest the right edge, scrolled mid-screen.
                        rights = triggers.evaluate_all(
                            "els => els.map(el => el.getBoundingClientRect().right)")
                        trigger = triggers.nth(rights.index(max(rights)))
                        trigger.evaluate("el => el.scrollIntoView({block: 'center'})")
                        trigger.click()
                        file = artifacts / f"{prefix}-{name}-{lang}-{size}-tooltip.png"
                        page.screenshot(path=str(file))
                        written.append(file.name)
        finally:
            context.close()
    return written


def test_screenshots_of_fixture_content(browser: Browser, live_server: str,
                                        artifacts: Path) -> None:
    written = take_screenshots(browser, live_server, artifacts, "fixture", {
        "overview": "/{lang}/reports/sample-2023/",
        "section": "/{lang}/reports/sample-2023/stability",
    })
    assert len(written) == 18


def test_screenshots_of_real_content(
        browser: Browser, artifacts: Path, real_content_status: tuple[bool, str],
        serve_app: Callable[[Flask], AbstractContextManager[str]],
        request: pytest.FixtureRequest) -> None:
    ok, output = real_content_status
    if not ok:
        pytest.skip(f"real content fails `flask content check`: {output.splitlines()[-1:]}")
    with serve_app(request.getfixturevalue("real_app")) as url:
        written = take_screenshots(browser, url, artifacts, "real", {
            "haidian-overview": "/{lang}/reports/haidian-2023/",
            "tibet-economy-section": "/{lang}/reports/tibet-2024/economy",
            "search": "/{lang}/search?q=调解",
        })
    assert len(written) >= 12
