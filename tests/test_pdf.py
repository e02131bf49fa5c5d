"""PDF briefings: their text, notes, metadata, fonts and bookmarks, the cache, and the 400s and 503s."""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_babel import force_locale
from flask_babel import gettext as _
from pypdf import PdfReader

from webapp import create_app, pdf
from webapp.config import LANGUAGES_BY_CODE, PROJECT_ROOT
from webapp.content.briefing import SECTION_IDS
from webapp.content.terms import Term
from webapp.disk_cache import PAGES_SUFFIX
from webapp.printing import requirements, writer
from webapp.views.presenters import display_figure
from webapp.web.content import current_content

from .conftest import FIXTURE_CONTENT, LANGUAGE_CODES

# Most of these render PDFs with WeasyPrint, seconds each.
pytestmark = pytest.mark.slow

PAGE_OF = {
    "zh-hans": r"第\s*(\d+)\s*页\s*/\s*共\s*(\d+)\s*页",
    "zh-hant": r"第\s*(\d+)\s*頁\s*/\s*共\s*(\d+)\s*頁",
    "en": r"Page (\d+) of (\d+)",
}


# The cover line of an extract of economy and team, asked for as team,economy.
# Asked for as team, economy: an extract is in the report's order.
EXTRACT_OF_TEAM_AND_ECONOMY = {
    "zh-hans": "节选：服务经济发展、队伍建设",
    "zh-hant": "節選：服務經濟發展、隊伍建設",
    "en": "Extract: Serving Development, Team Building",
}
EXTRACT = {"zh-hans": "节选", "zh-hant": "節選", "en": "Extract"}
# The author of every briefing: the app that makes it, not the court.
PUBLISHER = {"zh-hans": "法院工作报告简报", "zh-hant": "法院工作報告簡報", "en": "Court Report Briefings"}


def get(client: FlaskClient, url: str) -> tuple[int, str, bytes, dict[str, str]]:
    """Return status, mimetype, body and headers, closing the response (send_file opens a file).

    A selection's address is in report order: another order is redirected to it, and followed.
    """
    with client.get(url, follow_redirects=True) as response:
        return response.status_code, response.mimetype or "", response.data, dict(response.headers)


def fetch(client: FlaskClient, url: str) -> PdfReader:
    status, mimetype, data, _headers = get(client, url)
    assert status == 200, data.decode(errors="replace")
    assert mimetype == "application/pdf"
    return PdfReader(io.BytesIO(data))


def poppler(tool: str, data: bytes, *args: str) -> str:
    """Return what a poppler tool (pdftotext, pdfinfo, pdffonts) prints for the PDF ``data``."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "briefing.pdf"
        target.write_bytes(data)
        return subprocess.run([tool, *args, str(target), *(["-"] if tool == "pdftotext" else [])],
                              capture_output=True, text=True, check=True).stdout


def pages_text(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def outline_titles(reader: PdfReader) -> list[str]:
    """Return the titles of the PDF's top-level bookmarks."""
    return [item.title for item in reader.outline if not isinstance(item, list)]


def squeeze(text: str) -> str:
    """Drop whitespace: text extraction breaks Chinese lines and spaces apart at will."""
    return re.sub(r"\s+", "", text)


def expected(app: Flask, code: str, report_id: str) -> dict[str, object]:
    """Return the strings a briefing in ``code`` must show, from the same models as the page."""
    language = LANGUAGES_BY_CODE[code]
    with app.test_request_context(f"/{code}/"), force_locale(language.babel):
        content = current_content()
        report = content.reports[report_id]
        return {
            "title": report.briefing.title.get(language.tag),
            "court": report.briefing.court.get(language.tag),
            "sections": {info.id: info.name.get(language.tag) for info in content.sections},
            "figures": [display_figure(figure, content, language).text
                        for figure in report.briefing.figures],
            "quotes": [figure.quote_in(language.tag) for figure in report.briefing.figures],
            "terms": [content.term(term_id) for section_id in SECTION_IDS
                      for term_id in report.briefing.sections.get(section_id).terms],
            "tag": language.tag,
        }


def check_whole_briefing(reader: PdfReader, wanted: dict[str, object], code: str) -> None:
    pages = pages_text(reader)
    text = squeeze("\n".join(pages))
    assert squeeze(str(wanted["title"])) in text
    for name in wanted["sections"].values():  # type: ignore[attr-defined]
        assert squeeze(name) in text
    for shown in wanted["figures"]:  # type: ignore[attr-defined]
        assert squeeze(shown) in text, shown
    for quote in wanted["quotes"]:  # type: ignore[attr-defined]
        assert squeeze(quote) in text, quote
    assert "““" not in text and "「「" not in text, "no quotation marks of our own around the report's"
    numbers = [re.search(PAGE_OF[code], page) for page in pages[1:]]
    assert all(numbers), "every page after the cover says 'page X of Y'"
    assert [(int(m[1]), int(m[2])) for m in numbers if m] == [
        (index, len(pages)) for index in range(2, len(pages) + 1)]
    outline = outline_titles(reader)
    for name in wanted["sections"].values():  # type: ignore[attr-defined]
        assert name in outline
    metadata = reader.metadata
    assert metadata is not None and metadata.title == wanted["title"]
    # The briefing is the app's work, about the court's report.
    assert metadata.author == PUBLISHER[code]
    assert str(wanted["court"]) in str(metadata.subject) and str(wanted["title"]) in str(metadata.subject)
    # Tagged, in the language of the briefing.
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == wanted["tag"]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_whole_briefing_fixture(app: Flask, client: FlaskClient, code: str) -> None:
    status, _mimetype, data, headers = get(client, f"/{code}/reports/sample-2023/briefing.pdf")
    assert status == 200
    assert headers["Content-Disposition"].endswith(f"filename=sample-2023-{code}.pdf")
    reader = PdfReader(io.BytesIO(data))
    wanted = expected(app, code, "sample-2023")
    check_whole_briefing(reader, wanted, code)
    assert "Tagged:          yes" in poppler("pdfinfo", data)
    cover = pages_text(reader)[0]
    assert EXTRACT[code] not in cover, "a whole briefing is no extract"
    # A glossary footnote, on the page where its term is first used.
    tag = str(wanted["tag"])
    term = next(t for t in wanted["terms"] if t is not None)  # type: ignore[attr-defined]
    pages = [squeeze(page) for page in pages_text(reader)]
    short = squeeze(term.short.get(tag))
    noted = [index for index, page in enumerate(pages) if short in page]
    assert len(noted) == 1, "the term is a footnote once, at its first use"
    assert squeeze(term.term.get(tag)) in pages[noted[0]] or any(
        squeeze(form) in pages[noted[0]] for form in term.forms(tag))


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_whole_briefing_real(real_app: Flask, real_client: FlaskClient, code: str) -> None:
    reports = real_app.extensions["content"].reports
    # The published report with the most figures (a draft is not served: PREVIEW_DRAFTS is off).
    report_id = max((rid for rid in reports if not reports[rid].briefing.is_draft),
                    key=lambda rid: len(reports[rid].briefing.figures))
    reader = fetch(real_client, f"/{code}/reports/{report_id}/briefing.pdf")
    check_whole_briefing(reader, expected(real_app, code, report_id), code)


def test_chosen_sections_in_the_report_s_order(app: Flask, client: FlaskClient) -> None:
    reader = fetch(client, "/en/reports/sample-2023/briefing.pdf?sections=livelihood,economy")
    names = expected(app, "en", "sample-2023")["sections"]
    outline = outline_titles(reader)
    chosen = [title for title in outline if title in names.values()]  # type: ignore[attr-defined]
    assert chosen == [names["economy"], names["livelihood"]]  # type: ignore[index]
    text = "\n".join(pages_text(reader))
    for section_id in ("stability", "team", "supervision"):
        assert names[section_id] not in text  # type: ignore[index]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_an_extract_says_so_in_its_title_cover_and_file_name(app: Flask, client: FlaskClient,
                                                             code: str) -> None:
    status, _mimetype, data, headers = get(
        client, f"/{code}/reports/sample-2023/briefing.pdf?sections=team&sections=economy")
    assert status == 200
    # The file and the PDF name the sections in the report's order.
    assert headers["Content-Disposition"].endswith(f"filename=sample-2023-{code}-economy-team.pdf")
    reader = PdfReader(io.BytesIO(data))
    extract = EXTRACT_OF_TEAM_AND_ECONOMY[code]
    assert squeeze(extract) in squeeze(pages_text(reader)[0])
    title = str(expected(app, code, "sample-2023")["title"])
    assert reader.metadata is not None
    assert reader.metadata.title == (f"{title} ({extract})" if code == "en" else f"{title}（{extract}）")


def test_all_sections_in_another_order_are_no_extract(client: FlaskClient) -> None:
    order = ",".join(reversed(SECTION_IDS))
    status, _mimetype, data, headers = get(client, f"/en/reports/sample-2023/briefing.pdf?sections={order}")
    assert status == 200 and headers["Content-Disposition"].endswith("filename=sample-2023-en.pdf")
    assert EXTRACT["en"] not in pages_text(PdfReader(io.BytesIO(data)))[0]


def footnote_name(term: Term, tag: str) -> str:
    """Return how the note of ``term`` should open: "结收比 — closure-to-filing ratio: " or "结收比："."""
    if tag == "en":
        return f"{term.term.get('zh-Hans')} — {term.term.en}: "
    return f"{term.term.get(tag)}："


@pytest.mark.parametrize(("code", "before", "after"), [
    # The fixture puts a term right before a number (a highlight: 结收比105.5%。): its call goes
    # after the number and its unit, at the end of the clause (结收比105.5%[3]。), never between
    # them (结收比[3]105.5%),
    # where a reader copying the number would take the call with it. Before a word it stays
    # right after the term ("ratio[3] was"), bracketed so as not to fuse with it.
    ("zh-hans", "结收比105.5%", "。"),
    ("zh-hant", "結收比105.5%", "。"),
    ("en", "closure-to-filing ratio", " was"),
])
def test_footnote_calls_stay_apart_from_words_and_numbers(
        app: Flask, client: FlaskClient, code: str, before: str, after: str) -> None:
    data = get(client, f"/{code}/reports/sample-2023/briefing.pdf")[2]
    text = poppler("pdftotext", data)
    call = re.search(re.escape(before) + r"\[(\d+)\]" + re.escape(after), text)
    assert call, text
    assert not re.search(r"\]\d", text), "no call right before a number"
    # The note of that number names the term it explains.
    tag = LANGUAGES_BY_CODE[code].tag
    with app.app_context():
        term = next(term for term in current_content().glossary
                    if any(before.startswith(form) for form in term.forms(tag)))
    assert re.search(rf"^\[{call[1]}\] " + re.escape(footnote_name(term, tag)), text, re.MULTILINE)


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_footnote_calls_of_the_real_briefing_keep_off_numbers_and_quotations(
        real_client: FlaskClient, code: str) -> None:
    # Haidian's text puts terms of art before figures (诉前调解25335件) and in quotation marks
    # (“seven platforms”) throughout: what a reader copies keeps the calls out of both.
    text = poppler("pdftotext", get(real_client, f"/{code}/reports/haidian-2023/briefing.pdf")[2])
    calls = re.findall(r"\S\[\d+\]", text)
    assert len(calls) > 50, "the briefing calls its notes"
    assert not re.findall(r".{0,10}\]\d", text), "no call right before a number"
    inside = re.findall(r"[“「『][^”」』\n]*\[\d+\][^“「『\n]*[”」』]", text)
    assert not inside, "no call inside a quotation"


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", ["haidian-2023", "tibet-2024", "spc-2025"])
def test_the_cover_of_each_real_briefing_keeps_to_its_page(real_client: FlaskClient,
                                                          report_id: str, code: str) -> None:
    # The cover holds the report's facts and citation, longest in English and for a briefing
    # built on an infographic: a line that does not fit is left alone on a page of its own.
    data = get(real_client, f"/{code}/reports/{report_id}/briefing.pdf")[2]
    second = [line for line in poppler("pdftotext", data, "-f", "2", "-l", "2").splitlines()
              if line.strip()]
    contents = {"zh-hans": "目录", "zh-hant": "目錄", "en": "Contents"}[code]
    assert second[1] == contents, second[:3]  # Under the running head: the contents.


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_footnote_names_its_term(app: Flask, client: FlaskClient, code: str) -> None:
    text = squeeze(poppler("pdftotext", get(client, f"/{code}/reports/sample-2023/briefing.pdf")[2]))
    tag = LANGUAGES_BY_CODE[code].tag
    with app.app_context():
        glossary = current_content().glossary
    notes = [term for term in glossary if squeeze(term.short.get(tag)) in text]
    # Every term of the fixture glossary but example-2023's own two.
    assert {term.id for term in notes} == {"fengqiao-experience", "fengqiao-style-tribunal",
                                           "hostile"}, "the sample uses these terms"
    numbers = sorted(int(number) for term in notes for number in re.findall(
        r"\[(\d+)\]" + re.escape(squeeze(footnote_name(term, tag) + term.short.get(tag))), text))
    assert numbers == list(range(1, len(notes) + 1)), "each note once, numbered in order"


def test_repeated_sections_parameter_from_the_form(client: FlaskClient) -> None:
    reader = fetch(client, "/en/reports/sample-2023/briefing.pdf?sections=team&sections=economy")
    outline = outline_titles(reader)
    assert outline.index("Team Building") > outline.index("Overview")
    assert "Safety and Stability" not in outline


@pytest.mark.parametrize("code", ("zh-hans", "en"))
def test_every_character_has_an_embedded_font(client: FlaskClient, code: str, tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(get(client, f"/{code}/reports/sample-2023/briefing.pdf")[2])
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows), fonts.stdout
    if code == "zh-hans":
        assert all("Noto-Sans-CJK-SC" in row for row in rows)
    # Every character was mapped to a glyph of an embedded font: none came out as .notdef.
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "\ufffd" not in text


def test_traditional_uses_the_tc_face(client: FlaskClient, tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(get(client, "/zh-hant/reports/sample-2023/briefing.pdf")[2])
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True)
    assert "Noto-Sans-CJK-TC" in fonts.stdout
    # The SC face draws only the original's title the cover cites in its own script: the text
    # after the cover is all Traditional.
    after_cover = subprocess.run(["pdftotext", "-f", "2", str(target), "-"], capture_output=True,
                                 text=True, check=True).stdout
    assert "示例区人民法院工作报告" not in after_cover and "示例區人民法院工作報告" in after_cover


def section_boxes(html: str) -> dict[str, bool]:
    """Return the section checkboxes of a page: whether each is ticked."""
    return {match["id"]: match["ticked"] is not None for match in re.finditer(
        r'<input type="checkbox" name="sections" value="(?P<id>[a-z]+)"(?P<ticked> checked)?>', html)}


@pytest.mark.parametrize(("query", "message", "ticked"), [
    # The form sends `chosen` always: with no box ticked, it asks for nothing.
    ("chosen=1", ("Choose at least one section for the PDF.", {}), ()),
    ("chosen=1&sections=", ("Choose at least one section for the PDF.", {}), ()),
    ("sections=economy,nowhere", ("There is no section %(id)s.", {"id": "nowhere"}), ("economy",)),
    # A control character a reader could not have meant is shown, not echoed into the page.
    ("sections=eco%00nomy", ("There is no section %(id)s.", {"id": "eco\ufffdnomy"}), ()),
    ("sections=economy,economy", ("The section %(id)s is asked for twice.", {"id": "economy"}),
     ("economy",)),
    ("chosen=1&sections=team&sections=team", ("The section %(id)s is asked for twice.", {"id": "team"}),
     ("team",)),
])
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_bad_sections_are_a_localized_400_with_the_form_again(
        app: Flask, client: FlaskClient, code: str, query: str,
        message: tuple[str, dict[str, str]], ticked: tuple[str, ...]) -> None:
    response = client.get(f"/{code}/reports/sample-2023/briefing.pdf?{query}")
    assert response.status_code == 400 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    with app.test_request_context(f"/{code}/"), force_locale(LANGUAGES_BY_CODE[code].babel):
        localized = _(message[0], **message[1])
    assert f"<h1>{localized}</h1>" in html
    if code != "en":
        assert localized != message[0] % message[1], "the message is translated"
    assert 'name="chosen" value="1"' in html
    assert "<details class=\"pdf-sections\" open>" in html
    # The fixture report has a translation: its text is offered too, ticked only if asked for.
    assert section_boxes(html) == {section_id: section_id in ticked
                                   for section_id in (*SECTION_IDS, pdf.TEXT)}


def test_the_plain_link_and_a_full_form_give_the_whole_briefing(client: FlaskClient) -> None:
    every = "&".join(f"sections={section_id}" for section_id in SECTION_IDS)
    plain = get(client, "/en/reports/sample-2023/briefing.pdf")
    from_form = get(client, f"/en/reports/sample-2023/briefing.pdf?chosen=1&{every}")
    assert plain[0] == from_form[0] == 200
    assert plain[2] == from_form[2], "the same cached PDF"


def test_cache_hit_does_not_render(app: Flask, client: FlaskClient,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first = get(client, "/en/reports/sample-2023/briefing.pdf")[2]

    def no_render(*args: object) -> bytes:
        raise AssertionError("rendered again")

    monkeypatch.setattr(app.extensions["pdf"], "render", no_render)
    assert get(client, "/en/reports/sample-2023/briefing.pdf")[2] == first
    cache = Path(app.config["PDF_CACHE_DIR"])
    assert sorted(path.suffix for path in cache.rglob("*") if path.is_file()) == [".pages", ".pdf"], \
        "the PDF and its page count, and no temporary file"


def revised_content(tmp_path: Path) -> dict[str, object]:
    """Return the config of an app on a copy of the fixture content whose title is revised."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    briefing = content / "reports" / "sample-2023" / "briefing.yaml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace(
        "Work Report of the Sample District People's Court", "Revised Work Report"), encoding="utf-8")
    return {"TESTING": True, "CONTENT_DIR": str(content), "PDF_CACHE_DIR": str(tmp_path / "cache")}


def test_content_change_invalidates_the_cache(tmp_path: Path) -> None:
    config = revised_content(tmp_path)
    before = create_app({**config, "CONTENT_DIR": str(FIXTURE_CONTENT)})
    first = fetch(before.test_client(), "/en/reports/sample-2023/briefing.pdf")
    after = create_app(config)
    second = fetch(after.test_client(), "/en/reports/sample-2023/briefing.pdf")
    assert first.metadata is not None and second.metadata is not None
    assert first.metadata.title != second.metadata.title == "Revised Work Report"
    assert len(list((tmp_path / "cache").rglob("*.pdf"))) == 2, \
        "the old generation stays while a worker that has not reloaded may still serve it"


def briefing_path(app: Flask, sections: str = "") -> Path:
    """Return where the cache keeps the English briefing of ``sections`` (all if empty)."""
    with app.test_request_context("/en/"):
        return app.extensions["pdf"].cache_path(current_content().reports["sample-2023"],
                                                pdf.requested_sections([sections]),
                                                LANGUAGES_BY_CODE["en"])


def pages_path(pdf_path: Path) -> Path:
    """Return where the cache keeps the page count of a cached PDF."""
    return pdf_path.with_suffix(PAGES_SUFFIX)


def two_hours_old(path: Path) -> None:
    two_hours_ago = time.time() - 7200
    os.utime(path, (two_hours_ago, two_hours_ago))


def test_other_generations_go_once_unused_and_nothing_else(tmp_path: Path) -> None:
    config = revised_content(tmp_path)
    before = create_app({**config, "CONTENT_DIR": str(FIXTURE_CONTENT)})
    fetch(before.test_client(), "/en/reports/sample-2023/briefing.pdf")
    old = briefing_path(before)
    cache = tmp_path / "cache"
    foreign = cache / ("0" * 16) / "notes.txt"  # named like a generation, not made by the cache
    foreign.parent.mkdir()
    foreign.write_text("keep", encoding="utf-8")
    two_hours_old(foreign)
    after = create_app(config)
    fetch(after.test_client(), "/en/reports/sample-2023/briefing.pdf")
    assert old.is_file(), "unused for less than an hour: another worker may still serve it"
    two_hours_old(old)
    assert pages_path(old).is_file()
    fetch(after.test_client(), "/en/reports/sample-2023/briefing.pdf?sections=economy")
    assert not old.parent.exists(), "unused for two hours: the old generation is gone, page counts too"
    assert briefing_path(after).is_file() and briefing_path(after, "economy").is_file()
    assert foreign.is_file()


def test_the_cache_keeps_within_its_cap_dropping_the_least_recently_used(
        app: Flask, client: FlaskClient) -> None:
    urls = {name: f"/en/reports/sample-2023/briefing.pdf?sections={name}"
            for name in ("economy", "livelihood", "stability")}
    sizes = {name: len(get(client, url)[2]) for name, url in urls.items()}
    for name in urls:
        briefing_path(app, name).unlink()
    app.extensions["pdf"].cache.max_bytes = sum(sizes.values()) - 1
    get(client, urls["economy"])
    get(client, urls["livelihood"])
    get(client, urls["economy"])  # a hit: economy is now more recently used than livelihood
    get(client, urls["stability"])
    kept = {name for name in urls if briefing_path(app, name).is_file()}
    assert kept == {"economy", "stability"}
    assert {name for name in urls if pages_path(briefing_path(app, name)).is_file()} == kept, \
        "a page count goes with its PDF"


def test_page_counts_left_alone_go_once_unused(app: Flask, client: FlaskClient) -> None:
    fetch(client, "/en/reports/sample-2023/briefing.pdf?sections=economy")
    generation = briefing_path(app).parent
    # A write that failed between the page count and its PDF leaves the count alone.
    orphan, young_orphan = generation / "gone.pages", generation / "being-written.pages"
    for path in (orphan, young_orphan):
        path.write_text("9\n", encoding="utf-8")
    two_hours_old(orphan)
    with_its_pdf = pages_path(briefing_path(app, "economy"))
    two_hours_old(with_its_pdf)  # written long ago; its PDF is still there
    fetch(client, "/en/reports/sample-2023/briefing.pdf")
    assert not orphan.exists()
    assert young_orphan.exists(), "its PDF may be on its way"
    assert with_its_pdf.exists()


def test_abandoned_temporary_files_are_removed(app: Flask, client: FlaskClient) -> None:
    fetch(client, "/en/reports/sample-2023/briefing.pdf?sections=economy")
    generation = briefing_path(app).parent
    abandoned, in_progress = generation / ".abandoned.tmp", generation / ".in-progress.tmp"
    abandoned.write_bytes(b"%PDF-half")
    in_progress.write_bytes(b"%PDF-half")
    two_hours_old(abandoned)
    fetch(client, "/en/reports/sample-2023/briefing.pdf")
    assert not abandoned.exists()
    assert in_progress.exists(), "another process may still be writing it"


def test_a_briefing_from_the_cache_survives_pruning(app: Flask, client: FlaskClient) -> None:
    rendered = get(client, "/en/reports/sample-2023/briefing.pdf")[2]
    with app.test_request_context("/en/"):
        report = current_content().reports["sample-2023"]
        with pdf.briefing_pdf(report, list(SECTION_IDS), LANGUAGES_BY_CODE["en"]) as hit:
            assert not isinstance(hit.file, io.BytesIO), "a hit is the cached file, opened"
            briefing_path(app).unlink()
            assert hit.file.read() == rendered


def test_a_write_that_fails_still_serves_the_pdf(app: Flask, client: FlaskClient) -> None:
    cache = Path(app.config["PDF_CACHE_DIR"])
    cache.write_text("not a folder", encoding="utf-8")
    reader = fetch(client, "/en/reports/sample-2023/briefing.pdf")
    assert reader.metadata is not None and reader.metadata.title


def test_briefing_has_length_ranges_and_an_etag_that_answers_304(client: FlaskClient) -> None:
    url = "/en/reports/sample-2023/briefing.pdf"
    status, _mimetype, data, rendered = get(client, url)
    assert status == 200 and int(rendered["Content-Length"]) == len(data)
    status, _mimetype, again, hit = get(client, url)
    assert status == 200 and again == data and int(hit["Content-Length"]) == len(data)
    assert hit["ETag"] == rendered["ETag"], "the ETag is the bytes', however they are served"
    with client.get(url, headers={"If-None-Match": hit["ETag"]}) as unchanged:
        assert unchanged.status_code == 304 and not unchanged.data
    with client.get(url, headers={"Range": "bytes=0-99"}) as part:
        assert part.status_code == 206 and part.data == data[:100]
    with client.get(url, headers={"Range": f"bytes={len(data) + 10}-"}) as beyond:
        assert beyond.status_code == 416
    other = get(client, f"{url}?sections=economy")[3]
    assert other["ETag"] != hit["ETag"]


@pytest.mark.parametrize("missing", ["fonts", "subsetter"])
def test_missing_requirement_is_503_with_the_fix(app: Flask, client: FlaskClient, runner: FlaskCliRunner,
                                                 monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    if missing == "fonts":
        monkeypatch.setattr(requirements, "font_families", lambda pattern: set())
    else:
        monkeypatch.setattr(requirements, "harfbuzz_subsetter", lambda: False)
    response = client.get("/en/reports/sample-2023/briefing.pdf")
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert "make setup" in response.get_data(as_text=True)
    assert not list(Path(app.config["PDF_CACHE_DIR"]).glob("*"))
    result = runner.invoke(args=["doctor"])
    assert result.exit_code == 1
    assert "FAIL pdf" in result.output and "make setup" in result.output


def test_busy_is_503_at_once(app: Flask, client: FlaskClient) -> None:
    renderer = app.extensions["pdf"]
    with ExitStack() as slots:
        for _slot in range(app.config["PDF_MAX_CONCURRENT"]):
            assert slots.enter_context(renderer.slots.taken())
        started = time.monotonic()
        response = client.get("/zh-hans/reports/sample-2023/briefing.pdf")
        assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert "当前正在生成的 PDF 过多" in response.get_data(as_text=True)


def test_doctor_reports_pdf_requirements(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["doctor"])
    for name in ("pdf fonts", "pdf subsetter", "pdf cache"):
        assert f"ok   {name}" in result.output


def test_report_page_offers_the_pdf_and_a_sections_form(client: FlaskClient) -> None:
    html = client.get("/en/reports/sample-2023/").get_data(as_text=True)
    assert 'href="/en/reports/sample-2023/briefing.pdf"' in html
    # Every section ticked; the report's text with its translation offered, not ticked.
    assert section_boxes(html) == {**dict.fromkeys(SECTION_IDS, True), pdf.TEXT: False}
    assert 'name="chosen" value="1"' in html


@pytest.mark.parametrize(("code", "label"), [
    ("zh-hans", "PDF，{size} KB，{pages}页"),
    ("zh-hant", "PDF，{size} KB，{pages}頁"),
    ("en", "PDF, {size} KB, {pages} pages"),
])
@pytest.mark.parametrize(("page", "query"), [("", ""), ("economy", "?sections=economy")])
def test_the_download_states_size_and_pages_once_cached(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
        code: str, label: str, page: str, query: str) -> None:
    page_url = f"/{code}/reports/sample-2023/{page}"
    renderer = app.extensions["pdf"]
    render = renderer.render

    def no_render(*args: object) -> object:
        raise AssertionError("a page rendered a PDF")

    monkeypatch.setattr(renderer, "render", no_render)
    assert 'id="pdf-facts"' not in client.get(page_url).get_data(as_text=True), "not known yet"
    monkeypatch.setattr(renderer, "render", render)
    status, _mimetype, data, _headers = get(client, f"/{code}/reports/sample-2023/briefing.pdf{query}")
    assert status == 200
    monkeypatch.setattr(renderer, "render", no_render)
    html = client.get(page_url).get_data(as_text=True)
    facts = label.format(size=round(len(data) / 1024), pages=len(PdfReader(io.BytesIO(data)).pages))
    assert 'aria-describedby="pdf-facts">' in html
    assert f'<span class="muted" id="pdf-facts">{facts}</span>' in html


def test_page_count_is_recorded_beside_the_pdf(app: Flask, client: FlaskClient) -> None:
    reader = fetch(client, "/en/reports/sample-2023/briefing.pdf")
    recorded = pages_path(briefing_path(app)).read_text(encoding="utf-8")
    assert int(recorded) == len(reader.pages) > 2


def test_an_unreadable_page_count_states_nothing(app: Flask, client: FlaskClient) -> None:
    get(client, "/en/reports/sample-2023/briefing.pdf")
    pages_path(briefing_path(app)).write_text("", encoding="utf-8")
    html = client.get("/en/reports/sample-2023/").get_data(as_text=True)
    assert 'id="pdf-facts"' not in html


def test_warm_renders_the_most_read_pdfs_into_the_cache(app: Flask, runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["pdf", "warm"])
    assert result.exit_code == 0, result.output
    cached = sorted(Path(app.config["PDF_CACHE_DIR"]).rglob("*.pdf"))
    # Each whole briefing and each single section, in each language; no other selection.
    with app.app_context():
        reports = len(current_content().reports)
    assert len(cached) == reports * (1 + len(SECTION_IDS)) * len(LANGUAGE_CODES)
    assert {path.read_bytes()[:5] for path in cached} == {b"%PDF-"}
    assert briefing_path(app).is_file() and briefing_path(app, "economy").is_file()
    assert not briefing_path(app, "economy,livelihood").exists()
    with app.test_request_context("/en/"):
        assert pdf.warmth() == {"cached": len(cached), "of": len(cached)}


@pytest.mark.parametrize("values", [[], [""], [",,"], [" , ", ""]])
def test_no_sections_named_means_the_whole_briefing(app: Flask, values: list[str]) -> None:
    assert pdf.requested_sections(values) == list(SECTION_IDS)
    with app.test_request_context("/en/"), pytest.raises(pdf.BadSections):
        pdf.requested_sections(values, from_form=True)


def test_garbage_collector_paused_during_renders_and_resumed_after() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def render_elsewhere() -> None:
        with writer._collector_paused():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=render_elsewhere)
    other.start()
    inside.wait(5)
    with writer._collector_paused():
        assert not gc.isenabled()
    # The other render is still going: collection stays paused until it ends.
    assert not gc.isenabled()
    release.set()
    other.join(5)
    assert gc.isenabled()


def link_targets(reader: PdfReader) -> list[str]:
    """Return the URI of every link annotation in a PDF, page by page."""
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def test_the_cover_cites_the_briefing_and_links_back_to_its_page(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf"),
                      "PUBLIC_URL": "https://briefings.example.org"})
    reader = fetch(app.test_client(), "/en/reports/sample-2023/briefing.pdf")
    cover = reader.pages[0].extract_text()
    page = "https://briefings.example.org/en/reports/sample-2023/"
    for fact in ("示例区人民法院工作报告", "Sample District People's Court", "Version 2",
                 "15 March 2024", page):
        assert fact in cover, fact
    targets = link_targets(reader)
    assert page in targets
    # Every figure of the appendix links to its sentence in the source view.
    quotes = [uri for uri in targets if "/source#quote-" in uri]
    with app.app_context():
        figures = current_content().reports["sample-2023"].briefing.figures
    assert {uri.rsplit("#quote-", 1)[1] for uri in quotes} == {figure.id for figure in figures}
    assert all(uri.startswith("https://briefings.example.org/en/reports/sample-2023/source#")
               for uri in quotes)


@pytest.mark.content
def test_an_infographic_briefing_says_so_on_its_cover(real_client: FlaskClient) -> None:
    reader = fetch(real_client, "/en/reports/tibet-2024/briefing.pdf")
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "built on the official infographic summary of the report" in cover


def test_there_are_31_selections_each_in_report_order() -> None:
    found = pdf.selections()
    assert len(found) == 31 and len({tuple(selection) for selection in found}) == 31
    assert found[0] == list(SECTION_IDS)
    for selection in found:
        assert selection == [section for section in SECTION_IDS if section in selection]


@pytest.mark.parametrize(("query", "location"), [
    ("?sections=team&sections=economy", "?sections=economy&sections=team"),
    ("?sections=economy,team", "?sections=economy&sections=team"),
    ("?chosen=1&sections=livelihood", "?sections=livelihood"),
    ("?sections=stability&sections=economy&sections=livelihood&sections=team&sections=supervision",
     ""),
])
def test_a_selection_has_one_address_in_report_order(client: FlaskClient, query: str,
                                                     location: str) -> None:
    response = client.get(f"/en/reports/sample-2023/briefing.pdf{query}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/en/reports/sample-2023/briefing.pdf{location}"


def test_the_canonical_address_is_served(client: FlaskClient) -> None:
    response = client.get("/en/reports/sample-2023/briefing.pdf?sections=economy&sections=team")
    assert response.status_code == 200 and response.mimetype == "application/pdf"


def test_pdf_code_imports_nothing_of_the_views() -> None:
    # Run apart: in the test session the views are long imported.
    probe = ("import sys, webapp.pdf, webapp.pdf.render, webapp.disk_cache, webapp.pdf_processes; "
             "print(sorted(name for name in sys.modules if name.startswith('webapp.views')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=PROJECT_ROOT)
    assert result.stdout.strip() == "[]"


# The report's text with this site's translation (sections=text), for a report that has one.
TEXT_PART = {
    "zh-hans": "报告原文及英文译文",
    "zh-hant": "報告原文及英文譯文",
    "en": "The report's text, with the English translation",
}
# A paragraph of the fixture's source and its English (tests/fixtures/content, sample-2023);
# a table's translated column heading, its numbers as the original's.
ORIGINAL = {"zh-hans": "涉投资人58.2万人", "zh-hant": "涉投資人58.2萬人"}
TRANSLATED = "The cases involved 582,000 investors and sums of over RMB 265.9 billion."
TRANSLATED_HEADING = "Cases received in 2023"
UNOFFICIAL = {
    "zh-hans": "非官方译文",
    "zh-hant": "非官方譯文",
    "en": "Unofficial translation by Court Report Briefings; the Chinese is authoritative.",
}


@pytest.mark.parametrize(("values", "translated", "wanted"), [
    (["text"], True, ["text"]),
    (["text,economy"], True, ["text", "economy"]),
    (["economy", "text"], True, ["economy", "text"]),
])
def test_the_text_part_parses_where_the_report_is_translated(
        values: list[str], translated: bool, wanted: list[str]) -> None:
    assert pdf.requested_sections(values, translated=translated) == wanted


@pytest.mark.parametrize(("chosen", "canonical", "name"), [
    # After the sections, whatever order it was asked in; the whole briefing with it names it.
    (["text", "team", "economy"], ["economy", "team", "text"], "sample-2023-en-economy-team-text.pdf"),
    (["text", *SECTION_IDS], [*SECTION_IDS, "text"], "sample-2023-en-text.pdf"),
    (["text"], ["text"], "sample-2023-en-text.pdf"),
])
def test_the_text_part_has_one_canonical_form_and_file_name(
        app: Flask, chosen: list[str], canonical: list[str], name: str) -> None:
    ordered = pdf.in_report_order(chosen)
    assert ordered == canonical
    # The whole briefing with the text keeps its sections in the address: it is not the briefing.
    assert pdf.selection_values(ordered) == {"sections": canonical}
    with app.test_request_context("/en/"):
        report = current_content().reports["sample-2023"]
    assert pdf.download_name(report, ordered, LANGUAGES_BY_CODE["en"]) == name
    assert pdf.TEXT not in [part for selection in pdf.selections() for part in selection], \
        "never warmed or frozen"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_bad_text_requests_are_400(client: FlaskClient, code: str) -> None:
    # example-2023 has no translation: its text is no part of a PDF.
    response = client.get(f"/{code}/reports/example-2023/briefing.pdf?sections=text")
    assert response.status_code == 400
    assert client.get(f"/{code}/reports/sample-2023/briefing.pdf?sections=text,text").status_code == 400


def test_the_text_part_redirects_to_its_canonical_address(client: FlaskClient) -> None:
    response = client.get("/en/reports/sample-2023/briefing.pdf?sections=text&sections=economy")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        "/en/reports/sample-2023/briefing.pdf?sections=economy&sections=text")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_text_alone_pairs_each_paragraph_with_its_translation(
        app: Flask, client: FlaskClient, code: str) -> None:
    status, _mimetype, data, headers = get(client, f"/{code}/reports/sample-2023/briefing.pdf?sections=text")
    assert status == 200
    assert headers["Content-Disposition"].endswith(f"filename=sample-2023-{code}-text.pdf")
    reader = PdfReader(io.BytesIO(data))
    text = squeeze("\n".join(pages_text(reader)))
    # The original in the PDF's script (Simplified in the English PDF), then its English.
    original = squeeze(ORIGINAL["zh-hant" if code == "zh-hant" else "zh-hans"])
    assert original in text
    assert text.index(original) < text.index(squeeze(TRANSLATED))
    assert squeeze(TRANSLATED_HEADING) in text
    assert squeeze(UNOFFICIAL[code]) in text
    # Every page of the text says so in its footer, the last as the first of it.
    with app.test_request_context(f"/{code}/"), force_locale(LANGUAGES_BY_CODE[code].babel):
        footer = _("Unofficial translation; the Chinese is authoritative.")
    chapter = next(item for item in reader.outline
                   if not isinstance(item, list) and item.title == TEXT_PART[code])
    first = reader.get_destination_page_number(chapter)
    assert first < len(reader.pages) - 1, "the fixture's text runs over pages"
    assert all(squeeze(footer) in squeeze(page) for page in pages_text(reader)[first:])
    assert not any(squeeze(footer) in squeeze(page) for page in pages_text(reader)[:first])
    assert squeeze(TEXT_PART[code]) in squeeze(pages_text(reader)[0]), "the cover says what it holds"
    assert TEXT_PART[code] in outline_titles(reader)
    # Alone, without the briefing's chapters.
    names = expected(app, code, "sample-2023")["sections"]
    assert not any(name in outline_titles(reader) for name in names.values())  # type: ignore[attr-defined]
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog, "still tagged"


def test_the_text_follows_the_chosen_sections(app: Flask, client: FlaskClient) -> None:
    reader = fetch(client, "/en/reports/sample-2023/briefing.pdf?sections=economy&sections=text")
    names = expected(app, "en", "sample-2023")["sections"]
    outline = outline_titles(reader)
    assert names["economy"] in outline and TEXT_PART["en"] in outline  # type: ignore[index]
    assert outline.index(names["economy"]) < outline.index(TEXT_PART["en"])  # type: ignore[index]
    assert squeeze(TRANSLATED) in squeeze("\n".join(pages_text(reader)))


def test_a_report_without_translation_does_not_offer_its_text(client: FlaskClient) -> None:
    html = client.get("/en/reports/example-2023/").get_data(as_text=True)
    assert section_boxes(html) == dict.fromkeys(SECTION_IDS, True)
    assert TEXT_PART["en"] not in html.replace("&#39;", "'")


def test_the_form_offers_the_text_of_a_translated_report(client: FlaskClient) -> None:
    html = client.get("/zh-hans/reports/sample-2023/").get_data(as_text=True)
    assert section_boxes(html)[pdf.TEXT] is False
    assert TEXT_PART["zh-hans"] in html
