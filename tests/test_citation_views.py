"""Citing on the site: the citation block (report first, then briefing), its copy button and
downloads, figure citations, the original's link, the corrections log and where to report an
error."""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path

import jsonschema_rs
import pytest
from flask import Flask
from flask.testing import FlaskClient
from pybtex.database import parse_string

from webapp import create_app

from .conftest import FIXTURE_CONTENT, LANGUAGE_CODES
from .csl_shape import CSL_DATA

SAMPLE = "/reports/sample-2023/"
NOT_LOCATED = {"zh-hans": "未找到原文发布出处", "zh-hant": "未找到原文發布出處",
               "en": "Original publication not located"}
# What the real reports' citations name, in order, in each language: court, title, delivery
# (Haidian's report states it; the Tibet infographic does not), original, then the briefing.
REAL_ORDER = {
    ("haidian-2023", "en"): ["Haidian District People's Court", "海淀区人民法院工作报告",
                             "[Work Report of the Haidian District People's Court]",
                             "delivered on 5 January 2024 at the Fourth Session of the 17th "
                             "People's Congress of Haidian District",
                             "original publication not located", "Briefing: Court Report Briefings",
                             "“2023 Work Report of the Haidian District People's Court”",
                             "/en/reports/haidian-2023/", "version 2",
                             "last changed 7 December 2026", "accessed [date of access]"],
    ("haidian-2023", "zh-hans"): ["海淀区人民法院：《海淀区人民法院工作报告》",
                                  "2024年1月5日在海淀区第十七届人民代表大会第四次会议上所作",
                                  "未找到原文发布出处", "简报：法院工作报告简报",
                                  "《2023年海淀区人民法院工作报告》", "/zh-hans/reports/haidian-2023/",
                                  "第2版", "2026年12月7日更新", "[访问日期]访问"],
    ("haidian-2023", "zh-hant"): ["海淀區人民法院：《海淀区人民法院工作报告》",
                                  "2024年1月5日在海淀區第十七屆人民代表大會第四次會議上所作",
                                  "未找到原文發布出處", "簡報：法院工作報告簡報",
                                  "/zh-hant/reports/haidian-2023/", "第2版", "[訪問日期]訪問"],
    ("tibet-2024", "en"): ["Higher People's Court of the Tibet Autonomous Region",
                           "一图读懂 2024年西藏自治区高级人民法院工作报告",
                           "original publication not located", "Briefing: Court Report Briefings",
                           "/en/reports/tibet-2024/", "version 2", "accessed [date of access]"],
    ("tibet-2024", "zh-hans"): ["西藏自治区高级人民法院：《一图读懂 2024年西藏自治区高级人民法院工作报告》",
                                "未找到原文发布出处", "简报：法院工作报告简报",
                                "/zh-hans/reports/tibet-2024/", "第2版"],
    ("tibet-2024", "zh-hant"): ["西藏自治區高級人民法院：《一图读懂 2024年西藏自治区高级人民法院工作报告》",
                                "未找到原文發布出處", "簡報：法院工作報告簡報",
                                "/zh-hant/reports/tibet-2024/", "第2版"],
}


def text_of(fragment: str) -> str:
    """Return an HTML fragment's text as a reader (or a copy button) gets it."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def citation(page: str) -> str:
    found = re.search(r'<p class="cite__text">(.*?)</p>', page, re.S)
    assert found, "no citation on the page"
    return text_of(found[1])


def in_order(text: str, parts: list[str]) -> None:
    at = 0
    for part in parts:
        index = text.find(part, at)
        assert index >= 0, f"{part!r} missing or out of order in {text!r}"
        at = index + len(part)


@pytest.mark.content
@pytest.mark.parametrize(("report_id", "code"), list(REAL_ORDER))
def test_citation_names_the_report_then_the_briefing(real_client: FlaskClient, report_id: str,
                                                    code: str) -> None:
    page = real_client.get(f"/{code}/reports/{report_id}/").get_data(as_text=True)
    text = citation(page)
    in_order(text, REAL_ORDER[(report_id, code)])
    if report_id == "tibet-2024":
        # The infographic states no delivery: the citation says nothing of one.
        assert "delivered" not in text and "所作" not in text


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_section_pages_cite_the_section_address(real_client: FlaskClient, code: str) -> None:
    page = real_client.get(f"/{code}/reports/haidian-2023/economy").get_data(as_text=True)
    after = {"en": ", version 2", "zh-hans": "，第2版", "zh-hant": "，第2版"}[code]
    assert f"/{code}/reports/haidian-2023/economy{after}" in citation(page)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_located_original_is_linked_from_the_report_and_its_text(fixture_client: FlaskClient,
                                                                   code: str) -> None:
    link = '<a class="original-link" href="https://court.example.org/reports/2023?id=1&amp;lang=zh"'
    for path in (SAMPLE, SAMPLE + "source"):
        assert link in fixture_client.get(f"/{code}{path}").get_data(as_text=True), path
    # The source view's label takes the language's colon, with no space after a full-width one.
    label = {"zh-hans": "原文发布出处：", "zh-hant": "原文發布出處：",
             "en": "Original publication: "}[code]
    assert f'<p class="source__publication">{label}' in \
        fixture_client.get(f"/{code}{SAMPLE}source").get_data(as_text=True)
    assert "https://court.example.org/reports/2023?id=1&lang=zh" in \
        citation(fixture_client.get(f"/{code}{SAMPLE}").get_data(as_text=True))


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", ["haidian-2023", "tibet-2024"])
def test_an_original_not_located_is_said_so(real_client: FlaskClient, code: str,
                                            report_id: str) -> None:
    for path in ("/", "/source"):
        page = real_client.get(f"/{code}/reports/{report_id}{path}").get_data(as_text=True)
        assert f'<span class="original-missing">{NOT_LOCATED[code]}</span>' in page, path
        assert 'class="original-link"' not in page


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_copy_button_is_a_script_of_its_own(fixture_client: FlaskClient, code: str) -> None:
    response = fixture_client.get(f"/{code}{SAMPLE}")
    page = response.get_data(as_text=True)
    # Hidden until site.js shows it: without JavaScript there is no button that does nothing.
    assert re.search(r'<button type="button" class="[^"]*copy-button[^"]*"[^>]* hidden>', page)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "an inline script"
    assert "hx-on" not in page and " onclick=" not in page
    script = re.search(r'<script[^>]+src="([^"]*/js/site\.js)"', page)
    assert script
    source = fixture_client.get(script[1]).get_data(as_text=True)
    assert "copy-button" in source and "clipboard.writeText" in source
    assert "cite__accessed" in source


def test_a_figure_is_cited_on_its_own(fixture_client: FlaskClient) -> None:
    page = fixture_client.get(f"/en{SAMPLE}").get_data(as_text=True)
    card = re.search(r'<figure class="figure-card" id="figure-cases-received">(.*?)</figure>', page,
                     re.S)
    assert card
    cite = re.search(r'<details class="figure-cite" data-cite>\s*<summary>Cite this figure</summary>\s*'
                     r'<p class="cite__text figure-cite__text">(.*?)</p>', card[1], re.S)
    assert cite
    in_order(text_of(cite[1]), [
        "Sample District People's Court", "示例区人民法院工作报告",
        "original at https://court.example.org/reports/2023?id=1&lang=zh",
        "Figure “Cases received”: 100,344 cases", "written 100344", "“全年共收案100344件",
        "Briefing: Court Report Briefings",
        "/en/reports/sample-2023/?figure=cases-received#figure-cases-received",
        "version 2", "accessed [date of access]"])


def test_a_figure_citation_keeps_the_quote_in_its_characters(fixture_client: FlaskClient) -> None:
    page = fixture_client.get(f"/zh-hant{SAMPLE}").get_data(as_text=True)
    cite = re.search(r'<p class="cite__text figure-cite__text">(.*?)</p>', page, re.S)
    assert cite
    assert '<span lang="zh-Hant">100344</span>' in cite[1]
    # Taiwan's quotation marks, as in every zh-Hant text; the number as the report writes it.
    assert "數字「收案」：100,344件，原文寫作100344，原句：「全年共收案100344件" in text_of(cite[1])


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_bibtex_download(fixture_client: FlaskClient, code: str) -> None:
    response = fixture_client.get(f"/{code}{SAMPLE}citation.bib")
    assert response.status_code == 200
    assert response.content_type == "application/x-bibtex; charset=utf-8"
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="sample-2023-{code}.bib"'
    entries = parse_string(response.get_data(as_text=True), "bibtex").entries
    briefing = entries[f"sample-2023-briefing-{code}"]
    assert briefing.fields["url"] == f"http://localhost/{code}{SAMPLE}"
    assert briefing.fields["urldate"] == datetime.date.today().isoformat()
    assert briefing.fields["version"] == "2"
    assert entries["sample-2023"].fields["url"] == "https://court.example.org/reports/2023?id=1&lang=zh"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_csl_json_download(fixture_client: FlaskClient, code: str) -> None:
    response = fixture_client.get(f"/{code}{SAMPLE}citation.json")
    assert response.status_code == 200
    assert response.content_type == "application/vnd.citationstyles.csl+json; charset=utf-8"
    items = json.loads(response.get_data(as_text=True))
    jsonschema_rs.validate(CSL_DATA, items)
    assert [item["id"] for item in items] == ["sample-2023", f"sample-2023-briefing-{code}"]
    today = datetime.date.today()
    assert items[1]["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}


@pytest.mark.content
def test_real_downloads_say_the_original_was_not_located(real_client: FlaskClient) -> None:
    items = real_client.get("/zh-hans/reports/haidian-2023/citation.json").get_json(force=True)
    assert items[0]["note"] == "未找到原文发布出处"
    bib = real_client.get("/en/reports/tibet-2024/citation.bib").get_data(as_text=True)
    assert parse_string(bib, "bibtex").entries["tibet-2024"].fields["note"] == \
        "Original publication not located"


@pytest.mark.content
def test_downloads_cite_an_infographic_as_what_it_is(real_client: FlaskClient) -> None:
    # The Tibet briefing rests on the official infographic, not the report's full text.
    bib = real_client.get("/en/reports/tibet-2024/citation.bib").get_data(as_text=True)
    assert parse_string(bib, "bibtex").entries["tibet-2024"].fields["type"] == \
        "Infographic summary (一图读懂)"
    items = real_client.get("/zh-hans/reports/tibet-2024/citation.json").get_json(force=True)
    assert "一图读懂" in items[0]["genre"]
    haidian = real_client.get("/en/reports/haidian-2023/citation.json").get_json(force=True)
    assert "genre" not in haidian[0]


def test_citation_downloads_404_for_an_unknown_report(fixture_client: FlaskClient) -> None:
    assert fixture_client.get("/en/reports/nope/citation.bib").status_code == 404
    assert fixture_client.get(f"/en{SAMPLE}citation.xml").status_code == 404


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_report_pages_and_list_say_when_a_report_last_changed(fixture_client: FlaskClient,
                                                              code: str) -> None:
    changed = {"zh-hans": "2024年3月15日", "zh-hant": "2024年3月15日", "en": "15 March 2024"}[code]
    report = text_of(fixture_client.get(f"/{code}{SAMPLE}").get_data(as_text=True))
    listing = text_of(fixture_client.get(f"/{code}/").get_data(as_text=True))
    assert changed in report and changed in listing


CORRECTION = {"zh-hans": "更正商事案件数字的标签。", "zh-hant": "更正商事案件數字的標籤。",
              "en": "The label of the commercial cases figure corrected."}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_corrections_page_lists_each_reports_corrections(fixture_client: FlaskClient, code: str) -> None:
    page = fixture_client.get(f"/{code}/corrections").get_data(as_text=True)
    assert f'<a href="/{code}/reports/sample-2023/#corrections-heading">' in page
    text = text_of(page)
    version = {"zh-hans": "第2版", "zh-hant": "第2版", "en": "version 2"}[code]
    in_order(text, [CORRECTION[code]])
    assert version in text
    assert '<time datetime="2024-03-15">' in page
    # The report page shows its own log too.
    assert CORRECTION[code] in text_of(fixture_client.get(f"/{code}{SAMPLE}").get_data(as_text=True))


@pytest.mark.content
def test_real_corrections_are_dated_and_versioned(real_client: FlaskClient) -> None:
    # Every page of the log (12 corrections a page).
    page = "".join(real_client.get(path).get_data(as_text=True)
                   for path in ("/en/corrections", "/en/corrections/page/2", "/en/corrections/page/3"))
    for report_id in ("haidian-2023", "tibet-2024"):
        assert f'<a href="/en/reports/{report_id}/#corrections-heading">' in page
    assert page.count('<time datetime="2026-12-01">') == 8
    # The second fact-check's corrections in both reports' logs, and the SPC briefing's own.
    assert page.count('<time datetime="2026-12-07">') == 18
    assert "90%以上 was rendered “more than 90%”" in text_of(page)


def test_the_api_gives_the_original_and_the_corrections(fixture_client: FlaskClient) -> None:
    briefing = fixture_client.get("/api/v1/reports/sample-2023?lang=en").get_json()
    assert briefing["original"] == {
        "status": "located", "publisher": "Sample District People's Court",
        "url": "https://court.example.org/reports/2023?id=1&lang=zh", "published": "2024-01-08",
        "retrieved": "2024-02-01", "searched": None}
    assert briefing["corrections"] == [{"date": "2024-03-15", "version": 2,
                                        "note": CORRECTION["en"]}]
    assert briefing["corrections_url"] == "/en/reports/sample-2023/#corrections-heading"
    assert briefing["citation"] == {"bibtex": "/en/reports/sample-2023/citation.bib",
                                    "csl_json": "/en/reports/sample-2023/citation.json"}
    listing = fixture_client.get("/api/v1/reports?lang=en").get_json()
    (listed,) = [report for report in listing["reports"] if report["id"] == "sample-2023"]
    assert listed["last_changed"] == "2024-03-15" and listed["version"] == 2


@pytest.mark.content
def test_the_api_says_an_original_was_not_located(real_client: FlaskClient) -> None:
    original = real_client.get("/api/v1/reports/tibet-2024?lang=zh-hant").get_json()["original"]
    assert original["status"] == "not-located" and original["url"] is None
    assert original["searched"].startswith("西藏自治區高級人民法院網站")


def test_the_openapi_document_describes_the_new_fields(fixture_client: FlaskClient) -> None:
    schemas = fixture_client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert {"original", "corrections", "corrections_url", "citation"} <= \
        set(schemas["Briefing"]["properties"])
    assert set(schemas["Correction"]["properties"]) == {"date", "version", "note"}
    assert schemas["OriginalPublication"]["properties"]["status"]["enum"] == ["located",
                                                                             "not-located"]


def configured_app(tmp_path: Path, **config: object) -> Flask:
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                       "PDF_CACHE_DIR": str(tmp_path / "pdf"), **config})


def test_the_configured_error_address_is_shown(tmp_path: Path) -> None:
    client = configured_app(tmp_path, REPORT_ERROR_URL="https://example.net/errors").test_client()
    for path in ("/en/corrections", f"/en{SAMPLE}", "/en/reports/sample-2023/economy", "/en/about"):
        assert 'href="https://example.net/errors"' in client.get(path).get_data(as_text=True), path


def test_the_default_error_address_is_a_mail_naming_the_briefing(fixture_client: FlaskClient) -> None:
    page = fixture_client.get(f"/en{SAMPLE}").get_data(as_text=True)
    mail = re.search(r'href="(mailto:corrections@example\.org\?subject=[^"]+)"', page)
    assert mail
    assert "Work%20Report%20of%20the%20Sample%20District%20People%27s%20Court" in mail[1]
    assert "version%202" in mail[1]


def test_an_error_address_that_is_not_mail_or_https_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="REPORT_ERROR_URL"):
        configured_app(tmp_path, REPORT_ERROR_URL="javascript:alert(1)")


def test_the_publisher_is_named_on_the_about_page(tmp_path: Path) -> None:
    client = configured_app(tmp_path, PUBLISHER="Example Newsroom Ltd").test_client()
    about = text_of(client.get("/en/about").get_data(as_text=True))
    assert "This site is published by Example Newsroom Ltd." in about
    assert "reviews the whole draft against the report" in about
    bib = client.get(f"/en{SAMPLE}citation.bib").get_data(as_text=True)
    assert "author = {{Example Newsroom Ltd}}" in bib


def test_doctor_warns_while_the_error_address_is_the_placeholder(tmp_path: Path) -> None:
    placeholder = configured_app(tmp_path).test_cli_runner().invoke(args=["doctor"])
    assert "warn settings: REPORT_ERROR_URL is the placeholder" in placeholder.output
    configured = configured_app(tmp_path, REPORT_ERROR_URL="mailto:desk@newsroom.test")
    assert "REPORT_ERROR_URL" not in configured.test_cli_runner().invoke(args=["doctor"]).output
