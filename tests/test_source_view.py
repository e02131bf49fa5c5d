"""Every number one click from its sentence: the source view, links, citations, downloads."""

from __future__ import annotations

import csv
import html as html_module
import io
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app
from webapp.config import PROJECT_ROOT
from webapp.content.briefing import SECTION_IDS
from webapp.content.reports import Report
from webapp.markup import visible_text
from webapp.web.content import current_content

from .conftest import BRIEFING, FIXTURE_CONTENT, LANGUAGE_CODES, edit

REPORTS = ("haidian-2023", "tibet-2024", "spc-2025")
TAG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}


def report_of(app: Flask, report_id: str) -> Report:
    with app.app_context():
        return current_content().reports[report_id]


def element_by_id(html: str, element_id: str) -> str:
    """Return the HTML of the element with ``element_id``, up to its own closing tag."""
    start = html.index(f'id="{element_id}"')
    opening = html.rindex("<", 0, start)
    tag = re.match(r"<(\w+)", html[opening:])
    assert tag is not None
    depth, position = 0, opening
    pattern = re.compile(rf"<(/?){tag[1]}\b[^>]*>")
    for found in pattern.finditer(html, opening):
        depth += -1 if found[1] else 1
        position = found.end()
        if depth == 0:
            break
    return html[opening:position]


# A glossary term's note number and tooltip, which a reader sees only on opening the term.
_TERM_TIP = re.compile(r'<sup class="term__ref"[^>]*>.*?</sup>'
                       r'|<span class="term__tip"[^>]*>.*?</button></span>', re.S)


def text_of(html: str) -> str:
    """Return the text of an HTML fragment as a reader sees it (glossary tooltips closed)."""
    return html_module.unescape(re.sub(r"<[^>]+>", "", _TERM_TIP.sub("", html)))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def source_pages(real_app: Flask) -> dict[tuple[str, str], str]:
    client = real_app.test_client()
    return {(report, code): client.get(f"/{code}/reports/{report}/source").get_data(as_text=True)
            for report in REPORTS for code in LANGUAGE_CODES}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", REPORTS)
def test_every_figure_link_lands_on_a_paragraph_holding_its_quote(
        real_app: Flask, real_client: FlaskClient, source_pages: dict[tuple[str, str], str],
        report_id: str, code: str) -> None:
    api = real_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    page = source_pages[(report_id, code)]
    for figure in api["figures"]:
        url = urlsplit(figure["source"]["url"])
        assert url.path == f"/{code}/reports/{report_id}/source"
        paragraph = text_of(element_by_id(page, figure["source"]["paragraph"]))
        # A quote across a table's cells reads with spaces between them; the page has cells.
        assert squeezed(figure["quote_display"]) in squeezed(paragraph), figure["id"]
        # The link's anchor is inside that paragraph (what it holds: tests/test_links.py).
        assert f'id="{url.fragment}"' in element_by_id(page, figure["source"]["paragraph"])


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", REPORTS)
def test_every_highlight_and_case_links_to_paragraphs_that_exist(
        real_client: FlaskClient, source_pages: dict[tuple[str, str], str], report_id: str,
        code: str) -> None:
    api = real_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    page = source_pages[(report_id, code)]
    items = [item for section in api["sections"] for item in (*section["highlights"],
                                                              *section["cases"])]
    assert items
    for item in items:
        source = item["source"]
        assert source["paragraph"] == source["paragraphs"][0]
        assert urlsplit(source["url"]).fragment == source["paragraph"]
        for paragraph in source["paragraphs"]:
            assert f'id="{paragraph}"' in page


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", REPORTS)
def test_the_source_page_holds_every_paragraph_once_in_order(
        real_app: Flask, source_pages: dict[tuple[str, str], str], report_id: str,
        code: str) -> None:
    report = report_of(real_app, report_id)
    page = source_pages[(report_id, code)]
    text_start = page.index('class="source-text"')
    positions = [page.index(f'id="{block.id}"', text_start) for block in report.source.blocks]
    assert positions == sorted(positions)
    for block in report.source.blocks:
        assert page.count(f'id="{block.id}"') == 1
        html = element_by_id(page, block.id)
        inner = re.search(r'class="source-block__text"[^>]*>(.*?)</div>\s*'
                          r'<(?:a class="source-block__link"|div class="source-block__translation")',
                          html, flags=re.S)
        assert inner is not None
        shown = text_of(inner[1])
        # What the block shows is its own text, in the reader's script, and nothing else: no
        # markup of the source (** emphasis, a - bullet).
        expected = "".join(visible_text(report.text_in(span.start, span.end, TAG[code]))
                           for span in block.spans)
        assert squeezed(shown) == squeezed(expected), block.id
        assert "**" not in shown


def test_every_line_of_the_source_is_on_the_page(real_app: Flask,
                                                 source_pages: dict[tuple[str, str], str]) -> None:
    for report_id in REPORTS:
        report = report_of(real_app, report_id)
        shown = re.sub(r"\s+", "", text_of(source_pages[(report_id, "zh-hans")]))
        for line in report.source.text.split("\n"):
            assert squeezed(visible_text(line)) in shown, line


@pytest.mark.content
def test_english_shows_the_chinese_original_marked_as_such(
        source_pages: dict[tuple[str, str], str]) -> None:
    page = source_pages[("haidian-2023", "en")]
    assert '<div class="source-block__text" lang="zh-Hans">' in page
    assert "全年共收案" in page
    # Beside the paragraph: the figure's English label and value, linking back to its card.
    assert "Cases received: <strong>100,344 cases</strong>" in page
    assert 'href="/en/reports/haidian-2023/#figure-cases-received"' in page


@pytest.mark.content
def test_traditional_shows_the_conversion_and_says_so(
        source_pages: dict[tuple[str, str], str]) -> None:
    page = source_pages[("haidian-2023", "zh-hant")]
    assert '<div class="source-block__text" lang="zh-Hant">' in page
    assert "执行到位总金额72.58亿元" not in page
    assert "執行到位總金額72.58億元" in page
    assert "逐字轉換" in page


@pytest.mark.content
def test_the_sentence_of_a_figure_is_marked_on_the_server(
        source_pages: dict[tuple[str, str], str]) -> None:
    page = source_pages[("haidian-2023", "zh-hans")]
    target = element_by_id(page, "quote-enforcement-recovered")
    assert "<mark>" in target and "执行到位总金额72.58亿元" in text_of(target)
    # Following the link highlights the sentence through :target, without JavaScript.
    css = (PROJECT_ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert ".quote-target:target mark" in css


@pytest.mark.content
def test_headings_make_the_table_of_contents(real_app: Flask,
                                             source_pages: dict[tuple[str, str], str]) -> None:
    page = source_pages[("haidian-2023", "zh-hans")]
    nav = page[page.index('class="source-toc"'):page.index('class="source-text"')]
    for heading in ("2023年的主要工作", "一、牢牢把握维护安全稳定首要任务", "附件1 各类案件明细"):
        assert heading in nav
    report = report_of(real_app, "haidian-2023")
    first_chapter = next(block for block in report.source.blocks if block.text.startswith("一、"))
    assert f'href="#{first_chapter.id}"' in nav


@pytest.mark.content
def test_a_table_is_a_table(source_pages: dict[tuple[str, str], str]) -> None:
    page = source_pages[("haidian-2023", "zh-hans")]
    # The row's heading, marked where a figure quotes the row.
    assert re.search(r'<th scope="row">(?:<[^>]+>)*知识产权案件(?:</[^>]+>)*</th>', page)
    assert '<th scope="col">2023年与2022年同比情况</th>' in page


@pytest.mark.content
def test_each_block_names_its_part(source_pages: dict[tuple[str, str], str]) -> None:
    page = source_pages[("tibet-2024", "en")]
    parts = re.findall(r'<p class="source-part">(.*?)</p>', page, flags=re.S)
    assert len(parts) == 12  # One per run of `parts` in the briefing.
    assert any("/en/reports/tibet-2024/team" in part for part in parts)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_figure_cards_link_to_their_sentence_and_to_themselves(real_client: FlaskClient,
                                                               code: str) -> None:
    for path in ("/reports/haidian-2023/", "/reports/tibet-2024/economy"):
        html = real_client.get(f"/{code}{path}").get_data(as_text=True)
        cards = re.findall(r'<figure class="figure-card".*?</figure>', html, flags=re.S)
        assert cards
        for card in cards:
            assert re.search(rf'href="/{code}/reports/[a-z0-9-]+/source#quote-[a-z0-9-]+"', card)
            assert re.search(rf'href="/{code}/reports/[a-z0-9-]+/[a-z]*\?figure=([a-z0-9-]+)#figure-\1"',
                             card)


@pytest.mark.content
def test_the_home_pages_figures_land_on_their_cards_which_cite_their_sentence(
        real_client: FlaskClient) -> None:
    html = real_client.get("/en/").get_data(as_text=True)
    links = re.findall(r'<li class="listed-figure"><a href="(/en/reports/[a-z0-9-]+/[a-z]*)'
                       r'#figure-([a-z0-9-]+)"', html)
    assert len(links) >= 6  # The newest reports' first headline figures.
    for page, figure in links:
        card = re.search(rf'<figure class="figure-card"[^>]*id="figure-{figure}".*?</figure>',
                         real_client.get(page).get_data(as_text=True), flags=re.S)
        assert card is not None and "/source#quote-" in card.group(), (page, figure)


@pytest.mark.parametrize("report_id", REPORTS)
def test_the_overview_shows_the_headline_figures(real_app: Flask, real_client: FlaskClient,
                                                report_id: str) -> None:
    report = report_of(real_app, report_id)
    html = real_client.get(f"/en/reports/{report_id}/").get_data(as_text=True)
    shown = re.findall(r'<figure class="figure-card" id="figure-([a-z0-9-]+)"', html)
    assert shown[:len(report.briefing.headline_figures)] == list(report.briefing.headline_figures)


@pytest.mark.content
def test_highlights_and_cases_link_to_their_paragraphs(real_client: FlaskClient) -> None:
    html = real_client.get("/en/reports/haidian-2023/stability").get_data(as_text=True)
    highlight = element_by_id(html, "highlight-stability-1")
    assert 'href="/en/reports/haidian-2023/source?highlight=stability-1#p-' in highlight
    case = element_by_id(html, "case-psychological-abuse-maltreatment")
    assert re.search(r'href="/en/reports/haidian-2023/source\?case=psychological-abuse-maltreatment'
                     r'#p-[0-9a-f]+">Appendix 3, case 1</a>', case)


@pytest.mark.parametrize(("code", "notice"), [
    ("en", "built on the official infographic summary"), ("zh-hans", "一图读懂"),
])
@pytest.mark.content
def test_an_infographic_briefing_says_so(real_client: FlaskClient, code: str, notice: str) -> None:
    for path in ("/reports/tibet-2024/", "/reports/tibet-2024/team"):
        html = real_client.get(f"/{code}{path}").get_data(as_text=True)
        assert 'class="notice"' in html and notice in html
    haidian = real_client.get(f"/{code}/reports/haidian-2023/").get_data(as_text=True)
    assert 'class="notice"' not in haidian


@pytest.mark.content
def test_an_infographic_without_shortcomings_is_not_a_report_without_them(
        real_client: FlaskClient) -> None:
    html = real_client.get("/en/reports/tibet-2024/").get_data(as_text=True)
    assert "The infographic lists no shortcomings." in html
    assert "This report states no shortcomings." not in html


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_citation_block(real_app: Flask, real_client: FlaskClient, code: str) -> None:
    for path in ("/reports/haidian-2023/", "/reports/haidian-2023/economy"):
        html = real_client.get(f"/{code}{path}").get_data(as_text=True)
        cite = element_by_id(html, "cite-heading")
        block = html[html.index('<section class="cite"'):]
        block = block[:block.index("</section>")]
        assert cite
        # The original's title in Chinese on every page, its English on English pages.
        assert '<span lang="zh-Hans">海淀区人民法院工作报告</span>' in block
        assert ("Work Report of the Haidian District People" in block) == (code == "en")
        assert f"http://localhost/{code}{path}" in block
        assert {"zh-hans": "2023年海淀区人民法院工作报告", "zh-hant": "2023年海淀區人民法院工作報告",
                "en": "2023 Work Report of the Haidian District People"}[code] in block
        assert {"zh-hans": "2024年1月5日", "zh-hant": "2024年1月5日", "en": "5 January 2024"}[code] in block
        version = report_of(real_app, "haidian-2023").version
        assert {"zh-hans": f"第{version}版", "zh-hant": f"第{version}版",
                "en": f"Version {version}"}[code] in block


def test_the_citation_uses_the_public_address_when_configured(real_app: Flask) -> None:
    real_app.config["PUBLIC_URL"] = "https://briefings.example.org/"
    try:
        html = real_app.test_client().get("/en/reports/tibet-2024/").get_data(as_text=True)
    finally:
        real_app.config["PUBLIC_URL"] = None
    assert "https://briefings.example.org/en/reports/tibet-2024/" in html


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", REPORTS)
def test_the_figures_download_as_csv_with_the_api_values(real_client: FlaskClient,
                                                          report_id: str, code: str) -> None:
    response = real_client.get(f"/{code}/reports/{report_id}/figures.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert f'filename="{report_id}-{code}-figures.csv"' in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    api = real_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    assert [row["id"] for row in rows] == [figure["id"] for figure in api["figures"]]
    for row, figure in zip(rows, api["figures"], strict=True):
        assert row["value"] == str(figure["value"])
        assert (row["label"], row["unit"], row["written"]) == (
            figure["label"], figure["unit"], figure["written"])
        assert row["quote"] == figure["quote_display"]
        assert row["source"] == "http://localhost" + figure["source"]["url"]
        assert row["change"] == (figure["change"]["display"] if figure["change"] else "")


@pytest.mark.content
def test_a_figure_of_another_span_says_it_and_is_never_the_years(real_client: FlaskClient) -> None:
    # What the real SPC report states of the past five years (过去五年): not a figure of 2025.
    text = real_client.get("/en/reports/spc-2025/figures.csv").get_data(as_text=True)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    five_years = rows["cybersecurity-crime-five-years"]
    assert (five_years["year"], five_years["period"]) == ("", "the past five years")
    assert (rows["cases-accepted"]["year"], rows["cases-accepted"]["period"]) == ("2025", "")
    api = real_client.get("/api/v1/reports/spc-2025?lang=zh-hans").get_json()
    periods = {figure["id"]: figure["period"] for figure in api["figures"]}
    assert periods["cybersecurity-crime-five-years"] == "过去五年"
    assert periods["cases-accepted"] is None


@pytest.mark.content
def test_the_figures_download_as_json(real_client: FlaskClient) -> None:
    data = real_client.get("/zh-hant/reports/tibet-2024/figures.json").get_json()
    assert data["language"] == "zh-Hant"
    recovered = next(row for row in data["figures"] if row["id"] == "enforcement-recovered")
    assert recovered["display"] == "41.33億元" and recovered["value"] == 4133000000


def test_the_report_page_links_to_the_downloads_and_the_text(real_client: FlaskClient) -> None:
    html = real_client.get("/en/reports/haidian-2023/").get_data(as_text=True)
    for href in ("/en/reports/haidian-2023/figures.csv", "/en/reports/haidian-2023/figures.json",
                 "/en/reports/haidian-2023/source"):
        assert f'href="{href}"' in html


@pytest.mark.content
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_source_api(real_app: Flask, real_client: FlaskClient, code: str) -> None:
    data = real_client.get(f"/api/v1/reports/haidian-2023/source?lang={code}").get_json()
    report = report_of(real_app, "haidian-2023")
    assert [block["id"] for block in data["blocks"]] == [block.id for block in report.source.blocks]
    parts = {block["section"] for block in data["blocks"]}
    assert parts == {"front-matter", "overview", *SECTION_IDS, "shortcomings", "outlook", "appendix"}
    first = data["blocks"][0]
    assert first["kind"] == "title" and first["url"] == f"/{code}/reports/haidian-2023/source#{first['id']}"
    recovered = next(block for block in data["blocks"] if "72.58" in block["text"])
    assert ("執行到位總金額72.58億元" in recovered["text"]) == (code == "zh-hant")
    assert ("执行到位总金额72.58亿元" in recovered["text"]) == (code != "zh-hant")
    table = next(block for block in data["blocks"] if block["kind"] == "table")
    assert "\t" in table["text"]


@pytest.mark.parametrize("path", [
    "/api/v1/reports/nope/source?lang=en", "/api/v1/reports/haidian-2023/source?lang=fr",
])
def test_source_api_errors_are_json(real_client: FlaskClient, path: str) -> None:
    response = real_client.get(path)
    assert response.status_code in (400, 404)
    assert response.is_json and response.get_json()["error"]


@pytest.mark.parametrize("path", [
    "/en/reports/nope/source", "/en/reports/nope/figures.csv", "/en/reports/haidian-2023/figures.xml",
])
def test_unknown_reports_and_formats_are_404(real_client: FlaskClient, path: str) -> None:
    assert real_client.get(path).status_code == 404


# The fixture report with what the marks must handle (invented, as the fixture is): a quote
# crossing another (执结案件3.83万件，执行到位 / 执行到位总金额72.58亿元), a quote holding another
# (涉投资人58.2万人、犯罪金额2659亿余元 / 犯罪金额2659亿余元), two figures quoting one table row
# (刑事案件 1337 1770), and a highlight drawing on two paragraphs.
MARKS_FIGURES = """  - id: enforcement-concluded
    section: livelihood
    label: {zh-Hans: 执结案件, en: Enforcement cases concluded}
    value: 38300
    unit: cases
    written: "3.83万"
    quote: 执结案件3.83万件，执行到位
  - id: fund-raising-investors
    section: stability
    label: {zh-Hans: 非法集资涉投资人, en: Investors in illegal fund-raising}
    value: 582000
    unit: people
    written: "58.2万"
    quote: 涉投资人58.2万人、犯罪金额2659亿余元
  - id: criminal-received-2022
    section: stability
    year: 2022
    label: {zh-Hans: 刑事案件收案, en: Criminal cases received}
    value: 1337
    unit: cases
    written: "1337"
    quote: "刑事\\n案件\\n\\t1337\\n\\t1770"
  - id: criminal-received-2023
    section: stability
    label: {zh-Hans: 刑事案件收案, en: Criminal cases received}
    value: 1770
    unit: cases
    written: "1770"
    quote: "刑事\\n案件\\n\\t1337\\n\\t1770"
parts:
"""


@pytest.fixture(scope="module")
def marks_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """A client of the fixture report with overlapping quotes, a table's figures, a long highlight."""
    folder = tmp_path_factory.mktemp("marks")
    content_dir = folder / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    edit(content_dir, "units.yaml", "cases:", "people: {zh-Hans: 人, en: [person, people]}\ncases:")
    edit(content_dir, BRIEFING, "\nparts:\n", "\n" + MARKS_FIGURES)
    edit(content_dir, BRIEFING, "en: The case of Yu was summarised., paragraphs: [p-fa7bd7bc]}",
         "en: The case of Yu was summarised., paragraphs: [p-dac4db9e, p-fa7bd7bc]}")
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content_dir),
                      "PDF_CACHE_DIR": str(folder / "pdf-cache")})
    return app.test_client()


def marks_page(client: FlaskClient, code: str, query: str = "") -> str:
    response = client.get(f"/{code}/reports/sample-2023/source{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(("code", "union"), [
    ("zh-hans", "执结案件3.83万件，执行到位总金额72.58亿元"),
    ("zh-hant", "執結案件3.83萬件，執行到位總金額72.58億元"),
    ("en", "执结案件3.83万件，执行到位总金额72.58亿元"),
])
def test_crossing_quotes_are_marked_as_one_stretch_each_anchor_holding_its_whole_quote(
        marks_client: FlaskClient, code: str, union: str) -> None:
    page = marks_page(marks_client, code)
    for figure_id in ("enforcement-concluded", "enforcement-recovered"):
        target = element_by_id(page, f"quote-{figure_id}")
        assert text_of(target) == union and "<mark>" in target
    # Marked once, not split into pieces at each quote's edge.
    assert page.count(union) == 1


@pytest.mark.parametrize(("code", "outer", "inner"), [
    ("zh-hans", "涉投资人58.2万人、犯罪金额2659亿余元", "犯罪金额2659亿余元"),
    ("zh-hant", "涉投資人58.2萬人、犯罪金額2659億餘元", "犯罪金額2659億餘元"),
])
def test_a_quote_inside_another_is_marked_inside_it(marks_client: FlaskClient, code: str,
                                                    outer: str, inner: str) -> None:
    page = marks_page(marks_client, code)
    outer_html = element_by_id(page, "quote-fund-raising-investors")
    assert text_of(outer_html) == outer
    # The inner quote's own anchor, inside the outer one, holds exactly its quote, marked twice.
    assert 'id="quote-fraud-amount"' in outer_html
    inner_html = element_by_id(page, "quote-fraud-amount")
    assert text_of(inner_html) == inner
    assert outer_html.count("<mark>") == 2


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize(("figure_id", "number", "column"), [
    ("criminal-received-2022", "1337", "2022年收案数"),
    ("criminal-received-2023", "1770", "2023年收案数"),
])
def test_a_table_figure_lands_on_its_own_number_s_cell_with_its_headings_marked(
        marks_client: FlaskClient, code: str, figure_id: str, number: str, column: str) -> None:
    page = marks_page(marks_client, code)
    # Both figures quote the same row; each anchor is the cell of its own number.
    assert re.search(rf'<td><span class="quote-target" id="quote-{figure_id}"><mark>{number}</mark>'
                     r'</span></td>', page)
    table = page[page.index('<table class="source-table">'):page.index("</table>")]
    heading_row, row = (re.findall(r"<t[hd]\b.*?</t[hd]>", tr) for tr in table.split("</tr>")[:2])
    column_index = next(index for index, cell in enumerate(row) if f"quote-{figure_id}" in cell)
    shown_column = column.replace("数", "數") if code == "zh-hant" else column
    assert heading_row[column_index] == f'<th scope="col"><mark>{shown_column}</mark></th>'
    assert row[0] == '<th scope="row"><mark>刑事案件</mark></th>'
    # The :target rules light the row's and the column's headings with the cell.
    css = (PROJECT_ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert '.source-table tr:has(> * > .quote-target:target) > th[scope="row"] mark' in css
    assert (".source-table:has(tr > :nth-child(2) > .quote-target:target) "
            "tr:first-child > :nth-child(2) mark") in css


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_highlight_s_link_marks_each_block_it_draws_on(marks_client: FlaskClient,
                                                         code: str) -> None:
    html = marks_client.get(f"/{code}/reports/sample-2023/stability").get_data(as_text=True)
    url = f"/{code}/reports/sample-2023/source?highlight=stability-1#p-dac4db9e"
    assert f'href="{url}"' in element_by_id(html, "highlight-stability-1")
    api = marks_client.get(f"/api/v1/reports/sample-2023?lang={code}").get_json()
    assert api["sections"][0]["highlights"][0]["source"]["url"] == url
    page = marks_page(marks_client, code, "?highlight=stability-1")
    first, second = element_by_id(page, "p-dac4db9e"), element_by_id(page, "p-fa7bd7bc")
    for block in (first, second):
        assert "source-block--chosen" in block.split(">", 1)[0]
        assert '<mark class="source-chosen">' in block
    assert page.count("source-block--chosen") == 2
    # Each says where it stands among them, the first leading to the next.
    assert 'href="#p-fa7bd7bc"' in first and 'href="#p-' not in second.split("source-uses", 1)[1]
    assert 'class="notice source__chosen"' in page
    assert "source-block--chosen" not in marks_page(marks_client, code)


def test_a_case_s_link_marks_its_blocks(marks_client: FlaskClient) -> None:
    html = marks_client.get("/en/reports/sample-2023/stability").get_data(as_text=True)
    assert 'href="/en/reports/sample-2023/source?case=yu-case#p-fa7bd7bc"' in html
    page = marks_page(marks_client, "en", "?case=yu-case")
    assert page.count("source-block--chosen") == 1
    assert "source-block--chosen" in element_by_id(page, "p-fa7bd7bc").split(">", 1)[0]
    assert "1 paragraph marked below for" in page


@pytest.mark.parametrize("query", ["?highlight=stability-9", "?highlight=nope", "?case=nope"])
def test_marking_an_item_the_report_does_not_have_is_a_404(marks_client: FlaskClient,
                                                          query: str) -> None:
    response = marks_client.get(f"/en/reports/sample-2023/source{query}")
    assert response.status_code == 404
    assert 'href="/en/reports/sample-2023/source"' in response.get_data(as_text=True)


@pytest.mark.parametrize(("query", "canonical"), [
    ("?utm_source=x", "/en/reports/sample-2023/source"),
    ("?highlight=stability-1&utm_source=x", "/en/reports/sample-2023/source?highlight=stability-1"),
    ("?highlight=stability-1&case=yu-case", "/en/reports/sample-2023/source?highlight=stability-1"),
    ("?case=yu-case&case=yu-case", "/en/reports/sample-2023/source?case=yu-case"),
])
def test_the_source_view_has_one_address_per_marking(marks_client: FlaskClient, query: str,
                                                     canonical: str) -> None:
    response = marks_client.get(f"/en/reports/sample-2023/source{query}")
    assert response.status_code == 302
    assert response.headers["Location"] == canonical


# The translation beside the original ------------------------------------------------------

def translation_of(page: str, block_id: str) -> str:
    """Return the HTML of a block's translation on a source page."""
    found = re.search(r'<div class="source-block__translation" lang="en"[^>]*>(.*?)</div>',
                      element_by_id(page, block_id), re.S)
    assert found is not None, block_id
    return found[1]


def test_english_pairs_each_paragraph_with_its_translation(client: FlaskClient) -> None:
    page = client.get("/en/reports/sample-2023/source").get_data(as_text=True)
    report = report_of(client.application, "sample-2023")
    assert page.count("source-block--paired") == len(report.source.blocks)
    assert "Unofficial translation by Court Report Briefings; the Chinese is authoritative." in page
    # The original stays the anchored, authoritative text: figure links land on its quotes.
    assert 'id="quote-commercial-concluded"' in element_by_id(page, "p-97a6c263")
    english = translation_of(page, "p-97a6c263")
    assert "Upholding and developing the" in english
    # The figure's number is marked where the English states its value, and the glossary
    # term in both texts of the pair.
    assert "<mark>19,500</mark>" in english
    assert 'data-term="fengqiao-experience"' in english
    original = element_by_id(page, "p-97a6c263").split('class="source-block__translation"')[0]
    assert 'data-term="fengqiao-experience"' in original
    # A percentage is marked as a percentage, a change is not a figure's value.
    overview = translation_of(page, "p-84e4c5f9")
    assert "<mark>100,344</mark>" in overview and "<mark>105.5%</mark>" in overview
    assert "<mark>10.2%</mark>" not in overview
    # A table's translation keeps its shape, the figure's cell marked where the source's is.
    table = translation_of(page, "p-7facc03d")
    assert "<th scope=\"col\">Cases received in 2022</th>" in table
    assert re.search(r"<tr><th scope=\"row\">Criminal cases</th><td>1337</td><td>1770</td></tr>",
                     table)


def marked_cells(table: str) -> list[list[bool]]:
    """Return, row by row, whether each cell of a table's HTML holds a mark."""
    return [["<mark" in cell for cell in re.findall(r"<t[hd]\b.*?</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


@pytest.mark.content
@pytest.mark.parametrize("report_id", REPORTS)
def test_a_tables_translation_marks_the_cells_its_original_marks(
        source_pages: dict[tuple[str, str], str], report_id: str) -> None:
    # A reader comparing the pair sees the same numbers and headings highlighted in both:
    # Haidian's 2023 total (100344) was marked in the original only.
    page = source_pages[(report_id, "en")]
    tables = 0
    for block_id in re.findall(r'<div class="source-block [^"]*source-block--paired[^"]*" '
                               r'id="([^"]+)"', page):
        block = element_by_id(page, block_id)
        if '<table class="source-table">' not in block:
            continue
        original, english = block.split('class="source-block__translation"')
        tables += any(any(row) for row in marked_cells(original))
        assert marked_cells(english) == marked_cells(original), block_id
    if report_id == "haidian-2023":
        assert tables >= 2


def test_the_english_headings_lead_the_table_of_contents(client: FlaskClient) -> None:
    page = client.get("/en/reports/sample-2023/source").get_data(as_text=True)
    assert ('<a href="#p-b692fd76" lang="en">II. Serving economic development</a> '
            '<span class="source-toc__original">二、服务经济发展</span>') in page


def test_chinese_readers_ask_for_the_translation_with_the_bilingual_view(
        client: FlaskClient) -> None:
    plain = client.get("/zh-hans/reports/sample-2023/source").get_data(as_text=True)
    assert "source-block--paired" not in plain
    assert 'href="/zh-hans/reports/sample-2023/source?with=en"' in plain
    paired = client.get("/zh-hans/reports/sample-2023/source?with=en").get_data(as_text=True)
    assert "<mark>19,500</mark>" in translation_of(paired, "p-97a6c263")
    # The site names itself as the page's language does.
    assert "非官方译文，译者：法院工作报告简报；以中文原文为准。" in paired
    traditional = client.get("/zh-hant/reports/sample-2023/source?with=en").get_data(as_text=True)
    assert "非官方譯文，譯者：法院工作報告簡報；以中文原文為準。" in traditional


def test_another_translator_keeps_their_own_name(tmp_path: Path) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    edit(content_dir, "reports/sample-2023/translation.yaml",
         "translator: Court Report Briefings", "translator: Jane Doe")
    client = create_app({"TESTING": True, "PDF_PROCESSES": 0,
                         "CONTENT_DIR": str(content_dir)}).test_client()
    paired = client.get("/zh-hans/reports/sample-2023/source?with=en").get_data(as_text=True)
    assert "非官方译文，译者：Jane Doe；以中文原文为准。" in paired


def test_a_report_without_translation_shows_the_original_alone(tmp_path: Path) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    (content_dir / "reports" / "sample-2023" / "translation.yaml").unlink()
    client = create_app({"TESTING": True, "PDF_PROCESSES": 0,
                         "CONTENT_DIR": str(content_dir)}).test_client()
    page = client.get("/en/reports/sample-2023/source").get_data(as_text=True)
    assert "source-block__translation" not in page and "Unofficial translation" not in page
    data = client.get("/api/v1/reports/sample-2023/source?lang=en").get_json()
    assert data["translation"] is None
    assert {block["translation"] for block in data["blocks"]} == {None}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_source_api_gives_each_block_its_translation(client: FlaskClient, code: str) -> None:
    data = client.get(f"/api/v1/reports/sample-2023/source?lang={code}").get_json()
    assert data["translation"] == {
        "language": "en", "official": False, "translator": "Court Report Briefings",
        "updated": "2026-12-07",
        "note": "Unofficial translation by Court Report Briefings; the Chinese is authoritative."}
    by_id = {block["id"]: block for block in data["blocks"]}
    assert by_id["p-97a6c263"]["translation"] == (
        "Upholding and developing the Fengqiao Experience of the new era, the court concluded "
        "19,500 commercial cases.")
    assert by_id["p-7facc03d"]["translation"] == (
        "\tCases received in 2022\tCases received in 2023\nCriminal cases\t1337\t1770")
    assert all(block["translation"] for block in data["blocks"])
