"""Citing in a browser: the copy button copies the citation as it reads, dated the day it is
read; without JavaScript the button is gone and the text stays to select. Three languages, a
phone and a desktop, under the site's CSP."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from babel.dates import format_date
from playwright.sync_api import BrowserContext, expect

from .conftest import Console
from .screen import LANGS, SCREENS

REPORT = "/{lang}/reports/sample-2023/"
# The label with what follows it: a full-width colon carries its own space.
LABEL = {"zh-hans": "引用格式：", "zh-hant": "引用格式：", "en": "As a reference: "}
OPENING = {"zh-hans": "示例区人民法院：《示例区人民法院工作报告》，2024年1月5日",
           "zh-hant": "示例區人民法院：《示例区人民法院工作报告》，2024年1月5日",
           "en": "Sample District People's Court, 示例区人民法院工作报告 "
                 "[Work Report of the Sample District People's Court], delivered on 5 January 2024"}
COPIED = {"zh-hans": "已复制", "zh-hant": "已複製", "en": "Copied"}
LOCALES = {"zh-hans": "zh_Hans", "zh-hant": "zh_Hant", "en": "en_GB"}


def today(lang: str) -> str:
    """Return today's date as the page writes dates (2026年12月7日 / 7 December 2026)."""
    return format_date(datetime.date.today(), format="long", locale=LOCALES[lang])


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_button_copies_the_citation_dated_today(new_context: Callable[..., BrowserContext],
                                                    console: Console, lang: str,
                                                    size: str) -> None:
    options: dict[str, Any] = {**SCREENS[size], "permissions": ["clipboard-read", "clipboard-write"]}
    page = new_context(**options).new_page()
    page.goto(REPORT.format(lang=lang))
    block = page.locator(".cite .cite__block")
    button = block.locator(".copy-button")
    expect(button).to_be_visible()
    expect(block.locator(".cite__accessed")).to_have_text(today(lang))
    button.click()
    expect(block.locator(".copy-status")).to_have_text(COPIED[lang])
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = " ".join(block.locator(".cite__text").inner_text().split())
    # What is shown, without its label: a citation to paste.
    assert shown == f"{LABEL[lang]}{copied}"
    assert copied.startswith(OPENING[lang]), copied
    assert today(lang) in copied and "[" not in copied.split("]", 1)[-1]
    assert console.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_card_copies_its_own_citation(new_context: Callable[..., BrowserContext],
                                               console: Console, lang: str) -> None:
    context = new_context(**SCREENS["1280"], permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(REPORT.format(lang=lang))
    card = page.locator("#figure-cases-received")
    card.locator(".figure-card__source > summary").click()
    card.locator(".figure-cite > summary").click()
    card.locator(".figure-cite .copy-button").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "100344" in copied and "?figure=cases-received#figure-cases-received" in copied
    assert copied.index("示例区人民法院工作报告") < copied.index("100344") < copied.index("?figure=")
    assert console.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_citation_is_text_to_select(
        new_context: Callable[..., BrowserContext], lang: str) -> None:
    page = new_context(**SCREENS["390"], java_script_enabled=False).new_page()
    page.goto(REPORT.format(lang=lang))
    block = page.locator(".cite .cite__block")
    expect(block.locator(".copy-button")).to_be_hidden()
    expect(block.locator(".cite__accessed")).to_have_text(
        {"zh-hans": "[访问日期]", "zh-hant": "[訪問日期]", "en": "[date of access]"}[lang])
    text = " ".join(block.locator(".cite__text").inner_text().split())
    assert text.startswith(f"{LABEL[lang]}{OPENING[lang]}")
