"""The form of chosen sections as a reader uses it in Chromium, with and without JavaScript.

A form sent with no box ticked must come back as a 400 with the form, not as the whole
briefing; a choice gives a PDF whose file names its sections.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
REPORT = "/{lang}/reports/sample-2023/"
NOTHING_TICKED = {"zh-hans": "请至少选择一个部分来生成 PDF。", "zh-hant": "請至少選擇一個部分來生成 PDF。",
                  "en": "Choose at least one section for the PDF."}
OPEN_FORM = {"zh-hans": "所选部分的 PDF", "zh-hant": "所選部分的 PDF", "en": "PDF of chosen sections"}
SUBMIT = {"zh-hans": "下载所选部分", "zh-hant": "下載所選部分", "en": "Download selected sections"}
RENDER_TIMEOUT = 60_000  # ms: a PDF rendered on demand, on a shared machine.


def boxes(page: Page) -> list[str]:
    """Return the values of the ticked section boxes."""
    ticked: list[str] = page.locator("form input[name=sections]:checked").evaluate_all(
        "boxes => boxes.map(box => box.value)")
    return ticked


def send_with_nothing_ticked(page: Page, lang: str) -> None:
    page.goto(REPORT.format(lang=lang))
    page.get_by_text(OPEN_FORM[lang], exact=True).click()
    for box in page.locator("form input[name=sections]").all():
        box.uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name=SUBMIT[lang]).click()


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_nothing_ticked_gives_the_form_again(new_context: Callable[..., BrowserContext],
                                             lang: str, javascript: bool) -> None:
    page = new_context(java_script_enabled=javascript, **DESKTOP).new_page()
    statuses: list[int] = []
    page.on("response", lambda response: statuses.append(response.status)
            if "briefing.pdf" in response.url else None)
    send_with_nothing_ticked(page, lang)
    assert statuses == [400]
    expect(page).to_have_url(re.compile(r"/briefing\.pdf\?chosen=1$"))
    expect(page.locator("h1")).to_have_text(NOTHING_TICKED[lang])
    expect(page.get_by_role("button", name=SUBMIT[lang])).to_be_visible()
    assert boxes(page) == []


@pytest.mark.parametrize("javascript", [True, False])
def test_a_choice_gives_the_extract_named_for_its_sections(
        new_context: Callable[..., BrowserContext], javascript: bool) -> None:
    page = new_context(java_script_enabled=javascript, **DESKTOP).new_page()
    send_with_nothing_ticked(page, "en")
    # From the 400 page's form, as a reader who was told to choose would.
    page.get_by_label("Team Building").check()
    page.get_by_label("Serving Development").check()
    # The form's answer leads to the selection's one address, which gives the PDF.
    with page.expect_response(re.compile(r"briefing\.pdf\?sections=economy&sections=team$"),
                              timeout=RENDER_TIMEOUT) as answer:
        # The click waits for the navigation, which ends when the PDF is rendered: on a busy
        # machine that takes longer than an ordinary action's few seconds.
        page.get_by_role("button", name=SUBMIT["en"]).click(timeout=RENDER_TIMEOUT)
    response = answer.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.url.endswith("?chosen=1&sections=economy&sections=team")
    assert response.headers["content-disposition"].endswith("filename=sample-2023-en-economy-team.pdf")
