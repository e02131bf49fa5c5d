"""Every link from a number lands on it, on the fixture reports: the checks of
``test_links`` (which follow every link of the real reports) run on ``sample-2023`` and
``example-2023``, whose panel, table and appendix cases the links must find too."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from . import test_links
from .conftest import FIXTURE_REPORTS, LANGUAGE_CODES

CASES = [(report_id, code) for report_id in FIXTURE_REPORTS for code in LANGUAGE_CODES]


@pytest.mark.parametrize(("report_id", "code"), CASES)
def test_every_figure_link_lands_on_its_number_marked(fixture_app: Flask,
                                                      fixture_client: FlaskClient,
                                                      report_id: str, code: str) -> None:
    test_links.test_every_figure_link_lands_on_its_number_marked(
        fixture_app, fixture_client, report_id, code)


@pytest.mark.parametrize(("report_id", "code"), CASES)
def test_every_link_to_a_sentence_on_the_report_s_pages_lands_on_its_figure(
        fixture_app: Flask, fixture_client: FlaskClient, report_id: str, code: str) -> None:
    test_links.test_every_link_to_a_sentence_on_the_report_s_pages_lands_on_its_figure(
        fixture_app, fixture_client, report_id, code)


@pytest.mark.parametrize(("report_id", "code"), CASES)
def test_every_highlight_and_case_link_marks_all_its_blocks(fixture_app: Flask,
                                                            fixture_client: FlaskClient,
                                                            report_id: str, code: str) -> None:
    test_links.test_every_highlight_and_case_link_marks_all_its_blocks(
        fixture_app, fixture_client, report_id, code)
