"""Figures displayed per language, with the scale, decimals and qualifier the report wrote."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask import Flask
from flask_babel import force_locale

from webapp.config import LANGUAGES_BY_CODE
from webapp.content import load_content
from webapp.content.figures import format_figure

from .conftest import FIXTURE_CONTENT, displayed


@pytest.mark.parametrize(
    ("figure_id", "code", "expected"),
    [
        ("enforcement-recovered", "en", "RMB 7.258 billion"),
        ("enforcement-recovered", "zh-hans", "72.58亿元"),
        ("enforcement-recovered", "zh-hant", "72.58億元"),
        ("commercial-concluded", "en", "19,500 cases"),
        ("commercial-concluded", "zh-hans", "1.95万件"),
        ("fraud-amount", "en", "over RMB 265.9 billion"),
        ("fraud-amount", "zh-hans", "2659亿余元"),
        ("fraud-amount", "zh-hant", "2659億餘元"),
        ("cases-received", "en", "100,344 cases"),
        ("closure-ratio", "en", "105.5%"),
    ],
)
def test_display_per_language(app: Flask, figure_id: str, code: str, expected: str) -> None:
    assert displayed(app, "sample-2023", figure_id, code).text == expected


@pytest.mark.parametrize(
    ("app_fixture", "report_id", "figure_id", "code", "expected"),
    [
        ("app", "sample-2023", "closure-ratio", "en", "up 5.5 percentage points year on year"),
        ("app", "sample-2023", "closure-ratio", "zh-hans", "同比上升5.5个百分点"),
        ("app", "sample-2023", "closure-ratio", "zh-hant", "同比上升5.5個百分點"),
        # 上升1.4倍 is an increase of 140%: "up 1.4 times" would read to many as 1.4 times as many.
        ("real_app", "haidian-2023", "small-claims-concluded", "en", "up 140% year on year"),
        ("real_app", "haidian-2023", "small-claims-concluded", "zh-hans", "同比上升1.4倍"),
        ("real_app", "haidian-2023", "small-claims-concluded", "zh-hant", "同比上升1.4倍"),
    ],
)
def test_change_per_language(request: pytest.FixtureRequest, app_fixture: str, report_id: str,
                             figure_id: str, code: str, expected: str) -> None:
    app: Flask = request.getfixturevalue(app_fixture)
    assert displayed(app, report_id, figure_id, code).change == expected


@pytest.mark.content
@pytest.mark.parametrize(("code", "expected"), [("zh-hans", "达17.0%"), ("zh-hant", "達17.0%"),
                                                ("en", "17.0%")])
def test_a_number_keeps_the_decimals_the_report_wrote(real_app: Flask, code: str,
                                                      expected: str) -> None:
    # 适用率达17.0%: the report's trailing zero is part of what it says, and kept.
    assert displayed(real_app, "haidian-2023", "small-claims-rate", code).text == expected


@pytest.mark.parametrize(("code", "request_code", "expected"),
                         [("en", "zh-hans", ("over RMB 265.9 billion", "")),
                          ("zh-hant", "en", ("2659億餘", "元")),
                          ("zh-hans", "en", ("2659亿余", "元"))])
def test_a_figure_is_formatted_in_the_language_passed_not_the_request_locale(
        app: Flask, code: str, request_code: str, expected: tuple[str, str]) -> None:
    # Once "RMB 265.9 billion余": the qualifier followed the locale of the request around.
    content = load_content(FIXTURE_CONTENT)
    figure = content.reports["sample-2023"].figure("fraud-amount")
    with app.test_request_context(), force_locale(LANGUAGES_BY_CODE[request_code].babel):
        shown = format_figure(figure, content.units, LANGUAGES_BY_CODE[code])
    assert (shown.number, shown.unit) == expected


def test_a_change_is_formatted_in_the_language_passed_without_any_app() -> None:
    content = load_content(FIXTURE_CONTENT)
    figure = content.reports["sample-2023"].figure("closure-ratio")
    shown = format_figure(figure, content.units, LANGUAGES_BY_CODE["zh-hant"])
    assert shown.change == "同比上升5.5個百分點"


def test_an_amount_of_a_trillion_or_more_is_written_in_trillions() -> None:
    # The national report's 2.2万亿元 recovered in enforcement: never “RMB 2,200 billion”.
    content = load_content(FIXTURE_CONTENT)
    figure = next(figure for figure in content.reports["sample-2023"].briefing.figures
                  if figure.unit == "yuan")
    trillions = figure.model_copy(update={"value": Decimal("2200000000000"), "written": "2.2万亿"})
    assert format_figure(trillions, content.units, LANGUAGES_BY_CODE["en"]).text.startswith(
        "RMB 2.2 trillion")


@pytest.mark.parametrize(("code", "expected"), [("zh-hans", "8600余万"), ("zh-hant", "8600餘萬"),
                                                ("en", "over RMB 86 million")])
def test_over_written_inside_a_number_stays_where_the_report_writes_it(code: str, expected: str) -> None:
    # 追缴违法所得8600余万元: the Chinese keeps 余 before 万 (never 8600万余), the English says over.
    content = load_content(FIXTURE_CONTENT)
    figure = next(figure for figure in content.reports["sample-2023"].briefing.figures
                  if figure.unit == "yuan")
    over = figure.model_copy(update={"value": Decimal(86000000), "written": "8600余万", "qualifier": "over"})
    assert format_figure(over, content.units, LANGUAGES_BY_CODE[code]).number == expected
