"""Compare and charts in Chromium, on the real content: charts drawn in full under the strict
CSP with no console error, the compare form without JavaScript, and screenshots for humans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from webapp.charts import SERIES_COLOURS

LANGS = ("zh-hans", "zh-hant", "en")
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
         "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
# The share of the image painted in a series' colour (charts.SERIES_COLOURS): black bars, as a
# blocked style leaves them, have none. Any series counts, as a national report's bars can
# leave a district court's a sliver beside them.
SERIES_RGB = json.dumps([[int(colour[i:i + 2], 16) for i in (1, 3, 5)] for colour in SERIES_COLOURS])
ACCENT_SHARE = """async img => {
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = SERIES_RGB;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (colours.some(([r, g, b]) => Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8
                                        && Math.abs(data[i + 2] - b) < 8)) { painted++; }
    }
    return painted / (data.length / 4);
}""".replace("SERIES_RGB", SERIES_RGB)


@pytest.fixture(scope="module")
def real_url(real_app: Flask, real_content_status: tuple[bool, str],
             serve_app: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    ok, output = real_content_status
    if not ok:
        pytest.fail(f"real content fails `flask content check`: {output}", pytrace=False)
    with serve_app(real_app) as url:
        yield url


def open_page(browser: Browser, real_url: str, console: Any, **options: Any) -> Page:
    context = browser.new_context(base_url=real_url, **options)
    context.set_default_timeout(10_000)
    context.on("page", console.watch)
    return context.new_page()


@pytest.mark.parametrize("lang", LANGS)
def test_charts_render_in_full_under_the_csp(browser: Browser, real_url: str, console: Any,
                                             lang: str) -> None:
    page = open_page(browser, real_url, console, **DESKTOP)
    try:
        for path, count in ((f"/{lang}/reports/haidian-2023/", 2),
                            (f"/{lang}/reports/tibet-2024/", 0),  # No whole its types make up.
                            (f"/{lang}/compare", 1),
                            (f"/{lang}/compare?reports=tibet-2024,haidian-2023"
                             "&measures=cases-received,criminal-concluded", 1)):
            page.goto(path)
            page.wait_for_load_state("load")
            images = page.locator("img.chart__image")
            expect(images).to_have_count(count)
            for index in range(count):
                image = images.nth(index)
                image.scroll_into_view_if_needed()
                assert image.evaluate("img => img.complete && img.naturalWidth > 0"), path
                share = image.evaluate(ACCENT_SHARE)
                assert share > 0.005, f"{path}: the chart's bars lost their colour ({share})"
            assert page.locator("main svg").count() == 0, "an inline SVG: its styles are blocked"
    finally:
        page.context.close()
    assert console.errors == []


def test_the_compare_form_works_without_javascript(browser: Browser, real_url: str,
                                                   console: Any) -> None:
    page = open_page(browser, real_url, console, java_script_enabled=False, **DESKTOP)
    try:
        page.goto("/en/compare")
        form = page.locator("form.compare-form")
        form.get_by_label("2024 Work Report of the Higher People's Court of the Tibet "
                          "Autonomous Region").uncheck()
        form.get_by_label("2025 Work Report of the Supreme People's Court").uncheck()
        form.locator(".compare-form__measures summary").click()
        form.get_by_label("Civil cases concluded", exact=True).check()
        form.get_by_label("Cases pending", exact=True).check()
        with page.expect_navigation():
            form.get_by_role("button", name="Compare").click()
        expect(page).to_have_url(re.compile(
            r"/en/compare\?reports=haidian-2023&measures=cases-pending&measures=civil-concluded$"))
        table = page.locator("table.compare-table")
        expect(table.locator("thead th")).to_have_count(2)
        expect(table.locator("tbody th .compare-table__measure")).to_have_text(
            ["Cases pending", "Civil cases concluded"])
        civil = table.locator("tbody tr").nth(1)
        expect(civil.get_by_role("link")).to_have_text(["41,956 cases", "29,342 cases"])
        # The URL is the choice: opened anew, the same comparison, the same boxes ticked.
        shared = page.url
        page.goto(shared)
        expect(table.locator("tbody th .compare-table__measure")).to_have_text(
            ["Cases pending", "Civil cases concluded"])
        expect(form.get_by_label("Civil cases concluded", exact=True)).to_be_checked()
        expect(form.get_by_label("2024 Work Report of the Higher People's Court of the Tibet "
                                 "Autonomous Region")).not_to_be_checked()
        # A cell's link leads to the figure's sentence, marked in the report.
        civil.get_by_role("link", name="29,342 cases").click()
        expect(page).to_have_url(re.compile(r"/en/reports/haidian-2023/source"
                                            r"#quote-civil-concluded-2022$"))
        row = page.locator("tr:has(#quote-civil-concluded-2022)")
        expect(row).to_contain_text("29342")
        # The whole row shows it is the target, the cell of 29342 too.
        cell = row.locator("mark", has_text="29342")
        assert cell.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 213, 79)"
    finally:
        page.context.close()
    assert console.errors == []


def test_the_compare_page_fits_a_phone(browser: Browser, real_url: str, console: Any) -> None:
    page = open_page(browser, real_url, console, **PHONE)
    try:
        page.goto("/zh-hans/compare")
        width = page.viewport_size["width"]  # type: ignore[index]
        # The page never scrolls sideways; the table scrolls inside its own frame.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        chart = page.locator("img.chart__image")
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None and 300 <= box["width"] <= width
    finally:
        page.context.close()
    assert console.errors == []


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["390", "1280"])
def test_axe_finds_no_violation_on_compare_and_charts(browser: Browser, real_url: str,
                                                      console: Any, axe: Callable[[Page], list[str]],
                                                      options: dict[str, Any]) -> None:
    page = open_page(browser, real_url, console, **options, bypass_csp=True)
    violations = []
    try:
        for lang in LANGS:
            for path in (f"/{lang}/compare", f"/{lang}/compare?measures=civil-concluded",
                         f"/{lang}/reports/haidian-2023/"):
                page.goto(path)
                violations += axe(page)
    finally:
        page.context.close()
    assert violations == []


def test_screenshots_of_compare_and_charts(browser: Browser, real_url: str,
                                           artifacts: Path) -> None:
    written = []
    for size, options in (("390", PHONE), ("1280", DESKTOP)):
        context = browser.new_context(base_url=real_url, **options)
        try:
            page = context.new_page()
            for lang in LANGS:
                page.goto(f"/{lang}/compare")
                file = artifacts / f"compare-{lang}-{size}.png"
                page.screenshot(path=str(file), full_page=True)
                written.append(file)
                page.goto(f"/{lang}/reports/haidian-2023/")
                charts = page.locator(".charts")
                charts.scroll_into_view_if_needed()
                file = artifacts / f"charts-haidian-{lang}-{size}.png"
                charts.screenshot(path=str(file))
                written.append(file)
        finally:
            context.close()
    assert all(file.stat().st_size > 10_000 for file in written)


SUMMARY = {"zh-hans": "统计口径", "zh-hant": "統計口徑", "en": "What it counts"}
ACCEPTED = {"zh-hans": "上年结转的旧存案件", "zh-hant": "上年結轉的舊存案件",
            "en": "carried over from the year before"}


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_measure_s_definition_opens_in_one_click(browser: Browser, real_url: str, console: Any,
                                                   lang: str, options: dict[str, Any]) -> None:
    page = open_page(browser, real_url, console, **options)
    try:
        page.goto(f"/{lang}/compare")
        definition = page.locator("#measure-cases-accepted")
        expect(definition.get_by_text(ACCEPTED[lang]).first).to_be_hidden()
        definition.get_by_text(SUMMARY[lang], exact=True).click()
        expect(definition.get_by_text(ACCEPTED[lang]).first).to_be_visible()
        width = page.viewport_size["width"]  # type: ignore[index]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        page.context.close()
    assert console.errors == []
