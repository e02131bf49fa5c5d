"""Every link from a number lands on it: each figure, highlight and case of every real report, in
every language, followed to the source view and looked at there.

The real reports must say: each figure's number as the report writes it, inside the marked
element its links name (for a table, the number's own cell, with its row's and column's
headings marked); each highlight's and case's blocks all marked when its link is followed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from urllib.parse import urlsplit

import lxml.html
import pytest
from flask import Flask
from flask.testing import FlaskClient
from lxml.html import HtmlElement

from webapp.content.briefing import SECTION_IDS
from webapp.content.reports import Report
from webapp.content.statistics import Figure
from webapp.markup import squeezed
from webapp.numerals import find_written
from webapp.web.content import current_content

from .conftest import LANGUAGE_CODES

TAG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}


def parse(html: str) -> HtmlElement:
    return lxml.html.fromstring(html)


def by_id(tree: HtmlElement, element_id: str) -> HtmlElement:
    found = tree.xpath(f'//*[@id="{element_id}"]')
    assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
    element: HtmlElement = found[0]
    return element


def marked_text(element: HtmlElement) -> str:
    """Return the text of the outermost marks within ``element`` (or all of it, if it is one)."""
    return "".join(reader_text(mark) for mark in element.iter("mark")
                   if not any(ancestor.tag == "mark" for ancestor in ancestors(mark, element)))


def reader_text(element: HtmlElement) -> str:
    """Return an element's text as a reader sees it: glossary terms' tooltips closed."""
    copy = deepcopy(element)
    for hidden in copy.xpath('.//*[contains(@class, "term__tip") or contains(@class, "term__ref")]'):
        hidden.drop_tree()
    return str(copy.text_content())


def ancestors(element: HtmlElement, within: HtmlElement) -> Iterator[HtmlElement]:
    """Yield the ancestors of ``element`` up to (not including) ``within``."""
    parent = element.getparent()
    while parent is not None and element is not within and parent is not within:
        yield parent
        parent = parent.getparent()


def reports(app: Flask) -> dict[str, Report]:
    with app.app_context():
        return dict(current_content().reports)


def number_as_shown(report: Report, figure: Figure, tag: str) -> str:
    """Return the figure's number as the source view shows it in ``tag`` (converted for zh-Hant)."""
    where = report.quotes[figure.id]
    found = find_written(figure.written, report.source.text[where.start:where.end])
    assert found is not None, figure.id
    shown = squeezed(report.text_in(where.start + found.start(), where.start + found.end(), tag))
    if tag == "zh-Hans":
        assert shown == squeezed(figure.written), figure.id
    return shown


def cases() -> Iterator[tuple[str, str]]:
    for report_id in ("haidian-2023", "tibet-2024"):
        for code in LANGUAGE_CODES:
            yield report_id, code


@pytest.mark.slow
@pytest.mark.content
@pytest.mark.parametrize(("report_id", "code"), list(cases()))
def test_every_figure_link_lands_on_its_number_marked(real_app: Flask, real_client: FlaskClient,
                                                      report_id: str, code: str) -> None:
    report = reports(real_app)[report_id]
    tag = TAG[code]
    page = parse(real_client.get(f"/{code}/reports/{report_id}/source").get_data(as_text=True))
    api = real_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    assert len(api["figures"]) == len(report.briefing.figures)
    for entry in api["figures"]:
        figure = report.figure(entry["id"])
        url = urlsplit(entry["source"]["url"])
        assert (url.path, url.query) == (f"/{code}/reports/{report_id}/source", "")
        target = by_id(page, url.fragment)
        shown = squeezed(reader_text(target))
        # Everything the target holds is marked, and it holds the number as the report writes it.
        assert squeezed(marked_text(target)) == shown, figure.id
        assert number_as_shown(report, figure, tag) in shown, figure.id
        where = report.quotes[figure.id]
        if where.block.rows:
            assert_table_target(target, figure.id)
        else:
            # The whole quote, however other figures' quotes overlap it.
            quote = squeezed(report.text_in(where.start, where.end, tag))
            assert quote in shown, figure.id


def assert_table_target(target: HtmlElement, figure_id: str) -> None:
    """Check that a table figure's target is its number's cell, with both headings marked."""
    cell = target.getparent()
    assert cell.tag in ("td", "th"), figure_id
    assert squeezed(target.text_content()) == squeezed(cell.text_content()), figure_id
    row = cell.getparent()
    table = row.getparent()
    column = list(row).index(cell)
    row_heading = row[0]
    column_heading = table[0][column]
    assert row_heading.get("scope") == "row" and marked_text(row_heading), figure_id
    assert column_heading.get("scope") == "col" and marked_text(column_heading), figure_id


@pytest.mark.slow
@pytest.mark.content
@pytest.mark.parametrize(("report_id", "code"), list(cases()))
def test_every_link_to_a_sentence_on_the_report_s_pages_lands_on_its_figure(
        real_app: Flask, real_client: FlaskClient, report_id: str, code: str) -> None:
    report = reports(real_app)[report_id]
    paths = ["/", f"/reports/{report_id}/", "/compare",
             *(f"/reports/{report_id}/{section}" for section in SECTION_IDS)]
    linked: set[str] = set()
    for path in paths:
        html = real_client.get(f"/{code}{path}").get_data(as_text=True)
        linked.update(re.findall(rf'href="/{code}/reports/{report_id}/source#quote-([a-z0-9-]+)"',
                                 html))
    # Figure cards, headline figures, charts' tables and compare cells: every figure is linked,
    # always by the one address the first test follows.
    assert linked == {figure.id for figure in report.briefing.figures}


@pytest.mark.slow
@pytest.mark.content
@pytest.mark.parametrize(("report_id", "code"), list(cases()))
def test_every_highlight_and_case_link_marks_all_its_blocks(
        real_app: Flask, real_client: FlaskClient, report_id: str, code: str) -> None:
    report = reports(real_app)[report_id]
    api = real_client.get(f"/api/v1/reports/{report_id}?lang={code}").get_json()
    items = [(section["id"], kind, item) for section in api["sections"]
             for kind in ("highlights", "cases") for item in section[kind]]
    assert len(items) == sum(len(section.highlights) + len(section.cases)
                             for section in (report.briefing.sections.get(s["id"])
                                             for s in api["sections"]))
    for section_id, kind, item in items:
        source = item["source"]
        url = urlsplit(source["url"])
        response = real_client.get(f"{url.path}?{url.query}")
        assert response.status_code == 200, source["url"]
        page = parse(response.get_data(as_text=True))
        # The link lands on the first block, and every block the item draws on is marked.
        assert url.fragment == source["paragraphs"][0]
        by_id(page, url.fragment)
        chosen = page.xpath('//*[contains(concat(" ", @class, " "), " source-block--chosen ")]')
        assert sorted(block.get("id") for block in chosen) == sorted(source["paragraphs"]), (
            section_id, kind, item["source"])
        for block in chosen:
            text = block.xpath('.//*[contains(concat(" ", @class, " "), " source-block__text ")]')[0]
            assert squeezed(marked_text(text)) == squeezed(reader_text(text)), block.get("id")
            assert text.xpath('.//mark[contains(@class, "source-chosen")]')
        # The page names the item it marks and links back to it on its section page.
        notice = page.xpath('//*[contains(@class, "source__chosen")]')[0]
        back = f"/{code}/reports/{report_id}/{section_id}#"
        assert any(link.get("href", "").startswith(back) for link in notice.iter("a"))


@pytest.mark.content
def test_a_case_from_an_appendix_lands_on_the_appendix(real_app: Flask,
                                                      real_client: FlaskClient) -> None:
    # Haidian's case cards say "Appendix 3, case N": their links open 附件3, not the body.
    report = reports(real_app)["haidian-2023"]
    html = real_client.get("/en/reports/haidian-2023/economy").get_data(as_text=True)
    links = re.findall(r'href="(/en/reports/haidian-2023/source\?case=[a-z0-9-]+#(p-[0-9a-f]+))">'
                       r'Appendix 3, case \d+</a>', html)
    assert len(links) == 6
    for _url, block_id in links:
        assert report.parts[block_id] == "appendix"
