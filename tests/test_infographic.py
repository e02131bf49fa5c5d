"""A briefing built on an infographic: its quotes as a reader sees them, and the document named
for what it is, on pages, in the API, the CSV, search and the PDF (fixture ``sample-graphic-2024``).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from pypdf import PdfReader

from webapp import create_app
from webapp.config import LANGUAGES
from webapp.views.documents import words_for
from webapp.web.locale import rendering_in

from .conftest import BRIEFING, FIXTURE_CONTENT, FIXTURES, GRAPHIC, edit

# The infographic's quotes as a reader sees them: no ** emphasis, no blank beside a figure, no
# list bullet (the source writes "- 审结商事案件 **9000** 件").
SEEN = {
    "cases-accepted": "受理案件突破5万件",
    "criminal-concluded": "审结刑事案件1200件1300人",
    "commercial-concluded": "审结商事案件9000件",
    "pre-suit-mediation": "诉前调解7000件,40家调解组织入驻平台",
    "enforcement-recovered": "执行到位3.5亿元",
}
SEEN_HANT = {"cases-accepted": "受理案件突破5萬件", "enforcement-recovered": "執行到位3.5億元"}


def no_markup(text: str) -> bool:
    return "**" not in text and not re.search(r"(^|\n)- ", text)


@pytest.mark.parametrize("code", ["zh-hans", "zh-hant", "en"])
def test_the_api_gives_the_quotes_as_a_reader_sees_them(graphic_client: FlaskClient,
                                                         code: str) -> None:
    data = graphic_client.get(f"/api/v1/reports/{GRAPHIC}?lang={code}").get_json()
    quotes = {figure["id"]: figure["quote"] for figure in data["figures"]}
    assert quotes == SEEN
    shown = {figure["id"]: figure["quote_display"] for figure in data["figures"]}
    if code == "zh-hant":
        assert {key: shown[key] for key in SEEN_HANT} == SEEN_HANT
    else:
        assert shown == SEEN


def test_the_source_api_gives_the_text_without_markup(graphic_client: FlaskClient) -> None:
    blocks = graphic_client.get(f"/api/v1/reports/{GRAPHIC}/source?lang=en").get_json()["blocks"]
    texts = [block["text"] for block in blocks]
    assert all(no_markup(text) for text in texts), texts
    assert "审结刑事案件1200件1300人" in texts and "受理案件突破5万件" in texts


def test_the_csv_gives_the_quotes_as_seen_and_names_the_document(
        graphic_client: FlaskClient) -> None:
    raw = graphic_client.get(f"/en/reports/{GRAPHIC}/figures.csv").get_data()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {row["id"]: row["quote"] for row in rows} == SEEN
    assert {row["document_kind"] for row in rows} == {"infographic"}
    full = graphic_client.get("/en/reports/sample-2023/figures.csv").get_data()
    assert {row["document_kind"] for row in csv.DictReader(
        io.StringIO(full.decode("utf-8-sig")))} == {"full-text"}


def test_figure_cards_show_the_quote_as_seen_and_link_into_the_infographic(
        graphic_client: FlaskClient) -> None:
    html = graphic_client.get(f"/en/reports/{GRAPHIC}/economy").get_data(as_text=True)
    assert "<blockquote lang=\"zh-Hans\">审结商事案件9000件</blockquote>" in html
    assert "**" not in html
    assert ">In the infographic<" in html and ">In the report<" not in html
    full = graphic_client.get("/en/reports/sample-2023/economy").get_data(as_text=True)
    assert ">In the report<" in full and ">In the infographic<" not in full


def test_a_shared_figure_is_described_from_the_infographic(graphic_client: FlaskClient) -> None:
    html = graphic_client.get(f"/en/reports/{GRAPHIC}/economy?figure=commercial-concluded"
                              ).get_data(as_text=True)
    assert ('content="Commercial cases concluded: 9,000 cases. From the infographic: '
            '审结商事案件9000件"') in html


def test_the_source_view_is_the_infographic_s_text_with_bullets_not_hyphens(
        graphic_client: FlaskClient) -> None:
    html = graphic_client.get(f"/en/reports/{GRAPHIC}/source").get_data(as_text=True)
    assert "<title>The infographic&#39;s text ·" in html
    assert "<h1>The infographic&#39;s text</h1>" in html
    assert "The report&#39;s text" not in html
    item = re.search(r'<p class="source-list-item source-list-item--bullet">(.*?)</p>', html)
    assert item is not None and not item[1].startswith("-")
    assert "**" not in html
    full = graphic_client.get("/en/reports/sample-2023/source").get_data(as_text=True)
    assert "<h1>The report&#39;s text</h1>" in full


@pytest.mark.parametrize(("code", "none"), [
    ("en", "The infographic lists no shortcomings."),
    ("zh-hans", "图解未列出不足。"),
])
def test_an_infographic_lists_no_shortcomings_on_the_page_and_in_the_api(
        graphic_client: FlaskClient, code: str, none: str) -> None:
    html = graphic_client.get(f"/{code}/reports/{GRAPHIC}/").get_data(as_text=True)
    assert none in html
    data = graphic_client.get(f"/api/v1/reports/{GRAPHIC}?lang={code}").get_json()
    assert data["shortcomings"] == [] and data["shortcomings_note"] == none
    # A report that names shortcomings gets none of this.
    full = graphic_client.get(f"/api/v1/reports/sample-2023?lang={code}").get_json()
    assert full["shortcomings"] and full["shortcomings_note"] is None


def test_a_full_text_states_no_shortcomings(content_dir: Path, tmp_path: Path) -> None:
    edit(content_dir, BRIEFING, "shortcomings:\n  - {zh-Hans: 审判效率有待提升。, en: Trial "
                                "efficiency needs to improve.}", "shortcomings: []")
    client = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content_dir),
                         "PDF_CACHE_DIR": str(tmp_path / "pdf")}).test_client()
    data = client.get("/api/v1/reports/sample-2023?lang=en").get_json()
    assert data["shortcomings_note"] == "This report states no shortcomings."


def test_the_report_list_names_each_document_kind(graphic_client: FlaskClient) -> None:
    reports = graphic_client.get("/api/v1/reports?lang=en").get_json()["reports"]
    assert {report["id"]: report["document_kind"] for report in reports} == {
        "example-2023": "full-text", "sample-2023": "full-text", GRAPHIC: "infographic"}


def test_search_results_say_the_briefing_rests_on_an_infographic(
        graphic_client: FlaskClient) -> None:
    data = graphic_client.get("/api/v1/search?q=9000&lang=en").get_json()
    group = next(group for group in data["groups"] if group["report"] == GRAPHIC)
    assert group["document"] == ("Built on the official infographic summary (一图读懂), not "
                                 "the full report")
    labels = {kind["kind"]: kind["label"] for kind in group["kinds"]}
    assert labels["paragraph"] == "The infographic's text"
    passages = [hit["passage"]["text"] for kind in group["kinds"] for hit in kind["hits"]]
    assert passages and all(no_markup(passage) for passage in passages)
    html = graphic_client.get("/en/search?q=9000").get_data(as_text=True)
    assert '<p class="search-group__document">Built on the official infographic' in html
    full = graphic_client.get("/api/v1/search?q=1.95万&lang=en").get_json()
    assert all(group["document"] is None for group in full["groups"])


@pytest.fixture(scope="module")
def graphic_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The infographic's PDF in English and Simplified Chinese (rendered once)."""
    folder = tmp_path_factory.mktemp("graphic")
    shutil.copytree(FIXTURE_CONTENT, folder / "content")
    shutil.copytree(FIXTURES / "infographic" / GRAPHIC, folder / "content" / "reports" / GRAPHIC)
    client = create_app({"TESTING": True, "PDF_PROCESSES": 0,
                         "CONTENT_DIR": str(folder / "content"),
                         "PDF_CACHE_DIR": str(folder / "pdf")}).test_client()
    return {code: client.get(f"/{code}/reports/{GRAPHIC}/briefing.pdf",
                             follow_redirects=True).data for code in ("en", "zh-hans")}


def pdf_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "briefing.pdf"
        target.write_bytes(data)
        return subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                              check=True).stdout


@pytest.mark.parametrize(("code", "kind", "named", "none", "not_said"), [
    ("en", "Infographic summary (一图读懂)", "Shortcomings the infographic names",
     "The infographic lists no shortcomings.", "This report states no shortcomings."),
    ("zh-hans", "图解摘要（一图读懂）", "图解指出的不足", "图解未列出不足。", "本报告未列明不足"),
])
@pytest.mark.slow
def test_the_pdf_names_the_infographic_in_its_head_metadata_and_shortcomings(
        graphic_pdfs: dict[str, bytes], code: str, kind: str, named: str, none: str,
        not_said: str) -> None:
    data = graphic_pdfs[code]
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None
    assert str(metadata.title).endswith(f" · {kind}")
    assert "一图读懂" in str(metadata.subject)
    text = pdf_text(data)
    pages = text.split("\f")
    # The running head of every page after the cover names the document.
    assert all(kind in page for page in pages[1:] if page.strip())
    flat = re.sub(r"\s+", "", text)
    assert named in text and none in text and not_said not in flat
    assert ("infographic it comes from" in text) == (code == "en")
    # The appendix gives each quote as a reader sees it.
    assert "**" not in text
    assert all(quote in flat for quote in SEEN.values())


def test_the_words_for_a_document_are_each_languages_own(fixture_app: Flask) -> None:
    # Translated once per kind and language (words_for): never one language's words in another's.
    said = {}
    with fixture_app.test_request_context():
        for _round in range(2):
            for language in LANGUAGES:
                with rendering_in(language):
                    said[language.code] = (words_for("infographic").in_it,
                                           words_for("full-text").in_it)
    assert said == {"zh-hans": ("图解出处", "报告出处"), "zh-hant": ("圖解出處", "報告出處"),
                    "en": ("In the infographic", "In the report")}
    # The API's briefing says them in its language, whatever the request's (force_locale).
    with fixture_app.test_request_context("/zh-hans/"), force_locale("en"):
        assert words_for("full-text").no_shortcomings == "This report states no shortcomings."
