"""The source view on the fixture reports: every figure, highlight and case one click from
its sentence, in a report with chapters, an infographic-style panel, an appendix table and an
appendix of cases (``example-2023``, invented), so that the behaviour is tested without the real
reports."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp.content.reports import Report
from webapp.content.sources import visible_text
from webapp.web.content import current_content

from .conftest import EXAMPLE, FIXTURE_REPORTS, LANGUAGE_CODES
from .test_source_view import element_by_id, squeezed, text_of

TAG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
# The characters of the table's column headings that Traditional Chinese writes otherwise.
TRADITIONAL = str.maketrans("结数减计", "結數減計")


def report_of(app: Flask, report_id: str) -> Report:
    with app.app_context():
        return current_content().reports[report_id]


@pytest.fixture(scope="module")
def pages(fixture_app: Flask) -> dict[tuple[str, str], str]:
    client = fixture_app.test_client()
    return {(report, code): client.get(f"/{code}/reports/{report}/source").get_data(as_text=True)
            for report in FIXTURE_REPORTS for code in LANGUAGE_CODES}


def source_page(client: FlaskClient, code: str, query: str = "") -> str:
    response = client.get(f"/{code}/reports/{EXAMPLE}/source{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", FIXTURE_REPORTS)
def test_every_figure_link_lands_on_a_paragraph_holding_its_quote(
        fixture_client: FlaskClient, pages: dict[tuple[str, str], str], report_id: str,
        code: str) -> None:
    api = fixture_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    page = pages[(report_id, code)]
    assert api["figures"]
    for figure in api["figures"]:
        url = urlsplit(figure["source"]["url"])
        assert url.path == f"/{code}/reports/{report_id}/source"
        paragraph = element_by_id(page, figure["source"]["paragraph"])
        # A quote across a table's cells reads with spaces between them; the page has cells.
        assert squeezed(figure["quote_display"]) in squeezed(text_of(paragraph)), figure["id"]
        assert f'id="{url.fragment}"' in paragraph


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", FIXTURE_REPORTS)
def test_every_highlight_and_case_links_to_paragraphs_that_exist(
        fixture_client: FlaskClient, pages: dict[tuple[str, str], str], report_id: str,
        code: str) -> None:
    api = fixture_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    items = [item for section in api["sections"]
             for item in (*section["highlights"], *section["cases"])]
    assert items
    for item in items:
        source = item["source"]
        assert source["paragraph"] == source["paragraphs"][0]
        assert urlsplit(source["url"]).fragment == source["paragraph"]
        for paragraph in source["paragraphs"]:
            assert f'id="{paragraph}"' in pages[(report_id, code)]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("report_id", FIXTURE_REPORTS)
def test_the_page_holds_every_block_once_in_order_as_a_reader_sees_it(
        fixture_app: Flask, pages: dict[tuple[str, str], str], report_id: str, code: str) -> None:
    report = report_of(fixture_app, report_id)
    page = pages[(report_id, code)]
    text_start = page.index('class="source-text"')
    positions = [page.index(f'id="{block.id}"', text_start) for block in report.source.blocks]
    assert positions == sorted(positions)
    for block in report.source.blocks:
        assert page.count(f'id="{block.id}"') == 1
        # The original alone: an English page pairs it with the translation, in its own element.
        inner = re.search(r'class="source-block__text"[^>]*>(.*?)'
                          r'(?:<div class="source-block__translation"|<a class="source-block__link")',
                          element_by_id(page, block.id), flags=re.S)
        assert inner is not None
        expected = "".join(visible_text(report.text_in(span.start, span.end, TAG[code]))
                           for span in block.spans)
        assert squeezed(text_of(inner[1])) == squeezed(expected), block.id
    # The panel's ** emphasis and - bullets are markup, never shown.
    assert "**" not in text_of(page[text_start:])


@pytest.mark.parametrize(("code", "sentence"), [
    ("zh-hans", "执行到位金额12.6亿元"),
    ("zh-hant", "執行到位金額12.6億元"),
    ("en", "执行到位金额12.6亿元"),
])
def test_a_panel_figure_s_sentence_is_marked_without_its_emphasis(
        pages: dict[tuple[str, str], str], code: str, sentence: str) -> None:
    target = element_by_id(pages[(EXAMPLE, code)], "quote-enforcement-recovered")
    assert "<mark>" in target and text_of(target) == sentence


def test_the_report_s_headings_and_panels_make_the_table_of_contents(
        fixture_app: Flask, pages: dict[tuple[str, str], str]) -> None:
    page = pages[(EXAMPLE, "zh-hans")]
    nav = page[page.index('class="source-toc"'):page.index('class="source-text"')]
    entries = re.findall(r'<li class="source-toc__level-(\d)"><a href="#([^"]+)">([^<]+)</a>', nav)
    shown = [(int(level), title) for level, _, title in entries]
    for expected in [(1, "2023年的主要工作"), (2, "01 执法办案质效提升"), (3, "审判执行"),
                     (2, "一、坚持稳中求进，全力护航平安范例"), (3, "（一）依法惩治刑事犯罪"),
                     (1, "2024年工作安排"), (1, "附件1 2023年全市法院结案情况"),
                     (1, "附件2 典型案例")]:
        assert expected in shown
    report = report_of(fixture_app, EXAMPLE)
    headings = [block.id for block in report.source.blocks if block.kind == "heading"]
    assert [block for _, block, _ in entries] == headings


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize(("figure_id", "number", "column", "row"), [
    ("concluded-civil-2022", "26850", "2022年结案数", "民事案件"),
    ("concluded-civil", "28406", "2023年结案数", "民事案件"),
    ("cases-concluded", "45575", "2023年结案数", "合计"),
])
def test_a_table_figure_lands_on_its_own_number_s_cell_with_its_headings_marked(
        pages: dict[tuple[str, str], str], code: str, figure_id: str, number: str, column: str,
        row: str) -> None:
    page = pages[(EXAMPLE, code)]
    table = page[page.index('<table class="source-table">'):page.index("</table>")]
    rows = [re.findall(r"<t[hd]\b.*?</t[hd]>", tr) for tr in table.split("</tr>")[:-1]]
    anchor = f'id="quote-{figure_id}"'
    (cells,) = [cells for cells in rows if anchor in "".join(cells)]
    index = next(index for index, cell in enumerate(cells) if anchor in cell)
    assert cells[index] == (f'<td><span class="quote-target" id="quote-{figure_id}"><mark>{number}'
                            "</mark></span></td>")
    script = TRADITIONAL if code == "zh-hant" else {}
    assert rows[0][index] == f'<th scope="col"><mark>{column}</mark></th>'.translate(script)
    assert cells[0] == f'<th scope="row"><mark>{row}</mark></th>'.translate(script)
    # A column no figure quotes is a heading, not marked.
    assert rows[0][3] == '<th scope="col">同比增减</th>'.translate(script)


def test_a_table_is_a_table_of_its_rows_and_columns(pages: dict[tuple[str, str], str]) -> None:
    page = pages[(EXAMPLE, "zh-hans")]
    table = page[page.index('<table class="source-table">'):page.index("</table>")]
    assert table.count("<tr>") == 6  # The headings' row and five rows of figures.
    assert len(re.findall(r'<th scope="row">', table)) == 5
    assert "\t" not in table


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_an_appendix_case_s_link_marks_its_block(fixture_client: FlaskClient, code: str) -> None:
    html = fixture_client.get(f"/{code}/reports/{EXAMPLE}/livelihood").get_data(as_text=True)
    url = f"/{code}/reports/{EXAMPLE}/source?case=tipping-refund#p-64b8e1f7"
    assert f'href="{url}"' in html
    page = source_page(fixture_client, code, "?case=tipping-refund")
    assert page.count("source-block--chosen") == 1
    chosen = element_by_id(page, "p-64b8e1f7")
    assert "source-block--chosen" in chosen.split(">", 1)[0]
    assert "11岁的王某" in text_of(chosen) or "11歲的王某" in text_of(chosen)


def test_a_highlight_s_link_marks_the_block_it_draws_on(fixture_client: FlaskClient) -> None:
    html = fixture_client.get(f"/en/reports/{EXAMPLE}/stability").get_data(as_text=True)
    url = f"/en/reports/{EXAMPLE}/source?highlight=stability-3#p-05ec6859"
    assert f'href="{url}"' in element_by_id(html, "highlight-stability-3")
    page = source_page(fixture_client, "en", "?highlight=stability-3")
    assert page.count("source-block--chosen") == 1
    assert '<mark class="source-chosen">' in element_by_id(page, "p-05ec6859")
    assert "source-block--chosen" not in source_page(fixture_client, "en")


@pytest.mark.parametrize("query", ["?highlight=stability-4", "?case=yu-case"])
def test_an_item_of_another_report_or_none_is_a_404(fixture_client: FlaskClient,
                                                    query: str) -> None:
    # yu-case is sample-2023's: a case is marked on its own report's text only.
    assert fixture_client.get(f"/en/reports/{EXAMPLE}/source{query}").status_code == 404


def test_each_block_names_its_part(fixture_app: Flask, pages: dict[tuple[str, str], str]) -> None:
    page = pages[(EXAMPLE, "en")]
    parts = re.findall(r'<p class="source-part">(.*?)</p>', page, flags=re.S)
    assert len(parts) == len(report_of(fixture_app, EXAMPLE).briefing.parts)
    assert any(f"/en/reports/{EXAMPLE}/team" in part for part in parts)
    # The appendix is a part of the report, not of a section of the briefing.
    assert f"/en/reports/{EXAMPLE}/appendix" not in page


def test_english_shows_the_chinese_with_each_figure_s_english_beside_it(
        pages: dict[tuple[str, str], str]) -> None:
    page = pages[(EXAMPLE, "en")]
    block = element_by_id(page, "p-ee8ac0b9")
    assert '<div class="source-block__text" lang="zh-Hans">' in block
    assert "新收案件48760件" in text_of(block)
    assert "Cases newly received: <strong>48,760 cases</strong>" in block
    assert f'href="/en/reports/{EXAMPLE}/#figure-cases-received"' in block


def test_traditional_shows_the_conversion(pages: dict[tuple[str, str], str]) -> None:
    page = pages[(EXAMPLE, "zh-hant")]
    assert "执行到位金额" not in page and "執行到位金額12.6億元" in page
