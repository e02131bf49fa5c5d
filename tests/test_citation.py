"""Citations as data: the report first, then the briefing; BibTeX that BibTeX parses and CSL-JSON
of CSL's shape; only what the briefing records of the report."""

from __future__ import annotations

import dataclasses
import datetime
import json

import jsonschema_rs
import pytest
from flask import Flask
from pybtex.database import BibliographyData, parse_string

from webapp.citation import (
    BriefingReference,
    ReportReference,
    bibtex,
    briefing_reference,
    csl_json,
    report_reference,
)
from webapp.content import load_content
from webapp.content.reports import Report
from webapp.web.content import current_content

from .conftest import FIXTURE_CONTENT
from .csl_shape import CSL_DATA

ACCESSED = datetime.date(2026, 12, 7)
NOT_LOCATED = "Original publication not located"


@pytest.fixture(scope="module")
def sample() -> Report:
    return load_content(FIXTURE_CONTENT).reports["sample-2023"]


def references(report: Report, tag: str = "en", code: str = "en") -> tuple[ReportReference,
                                                                           BriefingReference]:
    return report_reference(report, tag), briefing_reference(
        report, tag, code, url=f"https://briefings.example.org/{code}/reports/{report.id}/",
        site="Court Report Briefings", publisher="Example Publisher", accessed=ACCESSED)


def parsed(text: str) -> BibliographyData:
    # pybtex reads .bib files as BibTeX does, and raises on what BibTeX could not read.
    return parse_string(text, "bibtex")


def test_report_reference_names_what_the_briefing_records(sample: Report) -> None:
    cited, _ = references(sample)
    assert cited.court == "Sample District People's Court"
    assert cited.title == "示例区人民法院工作报告"
    assert cited.full_title == "示例区人民法院工作报告 [Work Report of the Sample District People's Court]"
    assert cited.delivered == datetime.date(2024, 1, 5)
    assert cited.occasion == "the Sample District People's Congress"
    assert cited.original_url == "https://court.example.org/reports/2023?id=1&lang=zh"
    assert (cited.published, cited.retrieved) == (datetime.date(2024, 1, 8), datetime.date(2024, 2, 1))
    # The publication's own date is the report's date of issue where it is known.
    assert cited.issued == datetime.date(2024, 1, 8)


@pytest.mark.parametrize("tag", ["zh-Hans", "zh-Hant"])
def test_chinese_citations_give_the_title_as_published_without_a_rendering(sample: Report,
                                                                           tag: str) -> None:
    cited = report_reference(sample, tag)
    assert cited.full_title == "示例区人民法院工作报告"
    assert cited.court == ("示例区人民法院" if tag == "zh-Hans" else "示例區人民法院")


def test_bibtex_gives_the_report_then_the_briefing(sample: Report) -> None:
    text = bibtex(*references(sample), NOT_LOCATED)
    entries = parsed(text).entries
    assert list(entries) == ["sample-2023", "sample-2023-briefing-en"]
    report, briefing = entries["sample-2023"], entries["sample-2023-briefing-en"]
    # An institution is one author, protected from being read as "Last, First".
    assert [str(person) for person in report.persons["author"]] == ["{Sample District People's Court}"]
    assert report.fields["title"] == \
        "{示例区人民法院工作报告 [Work Report of the Sample District People's Court]}"
    assert report.fields["url"] == "https://court.example.org/reports/2023?id=1&lang=zh"
    assert report.fields["urldate"] == "2024-02-01"
    assert report.fields["date"] == "2024-01-08"
    assert report.fields["eventdate"] == "2024-01-05"
    assert report.fields["eventtitle"] == "the Sample District People's Congress"
    assert "note" not in report.fields
    assert briefing.type == "online"
    assert briefing.fields["url"] == "https://briefings.example.org/en/reports/sample-2023/"
    assert briefing.fields["version"] == "2"
    assert briefing.fields["date"] == "2024-03-15"
    assert briefing.fields["urldate"] == "2026-12-07"
    assert briefing.fields["related"] == "sample-2023"
    assert text.index("@misc{sample-2023,") < text.index("@online{sample-2023-briefing-en,")


def test_bibtex_escapes_what_latex_would_read_as_markup(sample: Report) -> None:
    cited, briefing = references(sample)
    cited = dataclasses.replace(cited, court="A & B {C} 100% #1 $x_y ~ ^ \\",
                                original_url="https://example.org/a{b}\\ c")
    entries = parsed(bibtex(cited, briefing, NOT_LOCATED)).entries
    author = str(entries["sample-2023"].persons["author"][0])
    assert author == r"{A \& B \{C\} 100\% \#1 \$x\_y \textasciitilde{} \textasciicircum{} \textbackslash{}}"
    # A URL is read verbatim: only what would unbalance its braces is percent-encoded.
    assert entries["sample-2023"].fields["url"] == "https://example.org/a%7Bb%7D%5C%20c"


def test_csl_json_items_have_the_csl_shape(sample: Report) -> None:
    items = csl_json(*references(sample), NOT_LOCATED)
    jsonschema_rs.validate(CSL_DATA, json.loads(json.dumps(items)))
    report, briefing = items
    assert report["type"] == "report" and briefing["type"] == "webpage"
    assert report["author"] == [{"literal": "Sample District People's Court"}]
    assert report["URL"] == "https://court.example.org/reports/2023?id=1&lang=zh"
    assert report["issued"] == {"date-parts": [[2024, 1, 8]]}
    assert report["event-date"] == {"date-parts": [[2024, 1, 5]]}
    assert report["accessed"] == {"date-parts": [[2024, 2, 1]]}
    assert briefing["accessed"] == {"date-parts": [[2026, 12, 7]]}
    assert briefing["version"] == "2" and briefing["language"] == "en"


def test_the_shape_refuses_what_csl_does_not_define() -> None:
    bad = [{"id": "x", "type": "webpage", "url": "https://example.org"}]  # CSL spells it URL
    assert not jsonschema_rs.is_valid(CSL_DATA, bad)


@pytest.mark.content
@pytest.mark.parametrize("report_id", ["haidian-2023", "tibet-2024"])
@pytest.mark.parametrize("tag", ["zh-Hans", "zh-Hant", "en"])
def test_real_reports_cite_without_an_original_they_do_not_have(real_app: Flask, report_id: str,
                                                                tag: str) -> None:
    # The real reports' originals were not located (see content/README.md): the citation says
    # so, and links nothing in their place.
    with real_app.app_context():
        report = current_content().reports[report_id]
    cited, briefing = references(report, tag)
    entries = parsed(bibtex(cited, briefing, NOT_LOCATED)).entries
    assert entries[report_id].fields["note"] == NOT_LOCATED
    assert "url" not in entries[report_id].fields
    items = csl_json(cited, briefing, NOT_LOCATED)
    jsonschema_rs.validate(CSL_DATA, json.loads(json.dumps(items)))
    assert "URL" not in items[0] and items[0]["note"] == NOT_LOCATED


@pytest.mark.content
def test_a_report_without_delivery_facts_gives_none(real_app: Flask) -> None:
    # The Tibet infographic states no date or occasion of delivery: none is made up.
    with real_app.app_context():
        report = current_content().reports["tibet-2024"]
    cited, briefing = references(report)
    assert (cited.delivered, cited.occasion, cited.issued) == (None, None, None)
    fields = parsed(bibtex(cited, briefing, NOT_LOCATED)).entries["tibet-2024"].fields
    assert not {"date", "year", "eventdate", "eventtitle"} & set(fields)
    assert not {"issued", "event", "event-date"} & set(csl_json(cited, briefing, NOT_LOCATED)[0])


@pytest.mark.content
def test_haidian_is_cited_as_delivered(real_app: Flask) -> None:
    with real_app.app_context():
        report = current_content().reports["haidian-2023"]
    cited, _ = references(report)
    assert cited.court == "Haidian District People's Court"
    assert cited.title == "海淀区人民法院工作报告"
    assert cited.delivered == datetime.date(2024, 1, 5)
    assert cited.occasion == "the Fourth Session of the 17th People's Congress of Haidian District"
