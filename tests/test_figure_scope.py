"""Every figure says which courts it counts: the report's own, or those its sentence names."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app

from .conftest import BRIEFING, LANGUAGE_CODES, edit, name_courts_in_overview

OWN_COURTS = {"zh-hans": "示例区人民法院", "zh-hant": "示例區人民法院",
              "en": "Sample District People's Court"}
OTHER_COURTS = {"zh-hans": "示例区法院", "zh-hant": "示例區法院", "en": "The Sample District courts"}
COUNTED = {"zh-hans": "统计范围：", "zh-hant": "統計範圍：", "en": "Courts counted: "}


@pytest.fixture
def scoped_app(content_dir: Path, tmp_path: Path) -> Flask:
    """The fixture report with one figure (cases received) of other courts than the report's,
    named in its paragraph."""
    name_courts_in_overview(content_dir)
    edit(content_dir, BRIEFING, "    measure: cases-received\n",
         "    measure: cases-received\n    scope: {kind: some-courts, courts: {zh-Hans: 示例区法院, "
         "en: The Sample District courts}}\n")
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content_dir),
                       "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})


def card(page: str, figure_id: str) -> str:
    start = page.index(f'id="figure-{figure_id}"')
    return page[start:page.index("</figure>", start)]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_page_names_the_report_s_courts_and_a_card_its_own(scoped_app: Flask, code: str) -> None:
    page = html.unescape(scoped_app.test_client().get(f"/{code}/reports/sample-2023/")
                         .get_data(as_text=True))
    assert OWN_COURTS[code] in page[page.index('class="facts"'):page.index("</dl>")]
    assert COUNTED[code] + OTHER_COURTS[code] in card(page, "cases-received")
    # A figure of the report's own courts says nothing more: the page's facts name them.
    assert COUNTED[code] not in card(page, "closure-ratio")


def test_the_api_and_the_download_give_each_figure_s_courts(scoped_app: Flask) -> None:
    client: FlaskClient = scoped_app.test_client()
    briefing = client.get("/api/v1/reports/sample-2023?lang=en").get_json()
    assert briefing["scope"] == {"kind": "court", "courts": OWN_COURTS["en"]}
    scopes = {figure["id"]: figure["scope"] for figure in briefing["figures"]}
    assert scopes["cases-received"] == {"kind": "some-courts", "courts": OTHER_COURTS["en"]}
    assert scopes["enforcement-recovered"] == briefing["scope"]
    text = client.get("/en/reports/sample-2023/figures.csv").get_data(as_text=True).lstrip("\ufeff")
    courts = {row["id"]: row["courts"] for row in csv.DictReader(io.StringIO(text))}
    assert courts["cases-received"] == OTHER_COURTS["en"]
    assert courts["enforcement-recovered"] == OWN_COURTS["en"]
