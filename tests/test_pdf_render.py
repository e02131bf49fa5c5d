"""The print template's charts drawn by the caller: a worker draws them, its render process
(which never loads matplotlib) prints them as it would have drawn them itself."""

from __future__ import annotations

import pytest
from flask import Flask

from webapp.config import LANGUAGES_BY_CODE
from webapp.content.briefing import SECTION_IDS
from webapp.pdf import KEPT_DRAWINGS, Briefings
from webapp.pdf import render as printing
from webapp.recent import Recent
from webapp.web.content import current_content

from .conftest import EXAMPLE, LANGUAGE_CODES


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_charts_drawn_apart_print_as_charts_drawn_in_place(fixture_app: Flask, code: str) -> None:
    language = LANGUAGES_BY_CODE[code]
    with fixture_app.test_request_context(f"/{code}/"):
        briefings: Briefings = fixture_app.extensions["pdf"]
        report = current_content().reports[EXAMPLE]
        drawings = printing.chart_drawings(report, current_content(), language)
        # example-2023 breaks down the cases it concluded by case type: one chart, drawn.
        assert len(drawings) == 1
        assert all(svg.startswith("<svg ") for svg in drawings.values())
        in_place = briefings.printer.html(report, list(SECTION_IDS), language)
        apart = briefings.printer.html(report, list(SECTION_IDS), language, drawings)
        # What the caller gives is what is printed: nothing is drawn again.
        given = {title: '<svg id="drawn-by-the-worker"></svg>' for title in drawings}
        printed = briefings.printer.html(report, list(SECTION_IDS), language, given)
    assert apart == in_place
    assert 'id="drawn-by-the-worker"' in printed and "<path" not in printed.split("<svg")[1]


def test_a_worker_draws_a_report_s_charts_once_per_language(
        fixture_app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = []

    def counted(*args: object) -> printing.Drawings:
        drawn.append(args)
        return {"title": "<svg></svg>"}

    monkeypatch.setattr("webapp.pdf.chart_drawings", counted)
    briefings: Briefings = fixture_app.extensions["pdf"]
    monkeypatch.setattr(briefings, "_drawings", Recent(KEPT_DRAWINGS))
    with fixture_app.test_request_context("/en/"):
        report = current_content().reports[EXAMPLE]
        first = briefings.drawings(report, LANGUAGES_BY_CODE["en"])
        assert briefings.drawings(report, LANGUAGES_BY_CODE["en"]) is first
        briefings.drawings(report, LANGUAGES_BY_CODE["zh-hans"])
    assert len(drawn) == 2
