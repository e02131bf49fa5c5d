"""The shapes of the API's JSON, as pydantic models: responses are dumped from them, and the
OpenAPI document (``openapi.py``) is generated from their JSON Schema.

A model forbids keys it does not declare, so a presenter that drifts from the documented shape
fails its tests instead of answering with undocumented JSON.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..content.briefing import DocumentKind, Part
from ..content.sources import BlockKind
from ..content.statistics import FigureSection, Qualifier, ScopeKind
from ..search.entries import Kind

LanguageTag = Literal["zh-Hans", "zh-Hant", "en"]
# Who wrote a text: the drafter (unchanged since it drafted it) or a person.
Origin = Literal["draft", "person"]
LanguageCode = Literal["zh-hans", "zh-hant", "en"]


class Schema(BaseModel):
    """A documented JSON object: no undeclared keys, keys as the JSON spells them."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ApiError(Schema):
    """What every API error answers, with its 4xx status."""

    error: str = Field(description="What went wrong, in the language asked for where known.")


# Query parameters: documented from these models, read by the views.

class LanguageQuery(Schema):
    lang: LanguageCode = Field(
        "zh-hans", description="The language of texts and formatted numbers. Other spellings of "
                               "the same languages (zh-Hant, zh-TW, EN) are accepted too.")


class CompareQuery(LanguageQuery):
    reports: str | None = Field(
        None, description="Report ids separated by commas (haidian-2023,tibet-2024), in the "
                          "order of the columns. Absent or empty: every report.")
    measures: str | None = Field(
        None, description="Measure ids separated by commas (see /api/v1/measures). Absent or "
                          "empty: every measure any of the reports gives.")


class SearchQuery(LanguageQuery):
    q: str = Field("", description="What to find: words in either Chinese script, pinyin, "
                                   "English, numbers as written (100,344, 10万). 1 to 100 "
                                   "characters; empty or longer is a 400.")
    kind: Kind | None = Field(
        None, description="List every hit of one group, not the first few of each: glossary "
                          "terms (term), or a kind of result in the report ``report`` names. "
                          "A group's ``all`` address says it.")
    report: str | None = Field(None, description="With ``kind`` (not term): the report's id. "
                                                 "An unknown report is a 404.")
    page: int = Field(1, ge=1, description="Which page of results: see ``pages``. A page past "
                                           "the last is a 404.")


# Reports

class Scope(Schema):
    """The courts figures count."""

    kind: ScopeKind = Field(description="court: the reporting court's own; all-courts: every "
                                        "court of its area (全区法院, 全国法院 …); some-courts: "
                                        "courts the report names.")
    courts: str = Field(description="The courts, named as the report names them.")


class ReportSummary(Schema):
    id: str
    title: str
    court: str
    year: int
    document_kind: DocumentKind = Field(description="What the briefing rests on: the report's "
                                                    "full text, or its official infographic.")
    scope: Scope = Field(description="The courts the report's figures count, unless a figure "
                                     "names its own.")
    version: int
    last_changed: datetime.date = Field(description="The date of the briefing's latest version.")
    url: str = Field(description="The report's briefing in the API, in the same language.")


class ReportList(Schema):
    reports: list[ReportSummary]


class SourceLink(Schema):
    """Where an item stands in the report's source view."""

    paragraph: str = Field(description="The id of the paragraph (block) of the source.")
    url: str = Field(description="The paragraph in the source view of the site.")


class ParagraphsLink(SourceLink):
    paragraphs: list[str] = Field(description="Every paragraph the item draws on; the first is "
                                              "`paragraph`.")
    url: str = Field(description="The source view with every paragraph the item draws on "
                                 "marked, at the first.")


class Change(Schema):
    value: float
    unit: str
    direction: Literal["up", "down"]
    basis: Literal["year-on-year"]
    display: str = Field(description="The change as the site shows it: 同比上升10.2%.")


class Figure(Schema):
    """A figure of a report with the verbatim sentence it comes from."""

    id: str
    section: FigureSection
    theme: str | None = Field(description="The theme of its section the figure is shown under.")
    label: str
    measure: str | None = Field(description="The measure the figure gives (see /api/v1/measures).")
    year: int = Field(description="The year the figure is about: the report's, or the year "
                                  "before where the report states it (a table of both years).")
    value: int | float
    unit: str
    qualifier: Qualifier | None = Field(description="How the report qualifies the number: over "
                                                    "(余), more-than (超) …")
    change: Change | None
    display: str = Field(description="The number as the site shows it: 1.95万件, RMB 7.258 billion.")
    written: str = Field(description="The number exactly as the report writes it, without unit.")
    quote: str = Field(description="The report's sentence, verbatim as a reader sees it, in "
                                   "Simplified Chinese: without the source's markup (an "
                                   "infographic's ** emphasis, a list item's bullet).")
    quote_display: str = Field(description="The sentence as a reader of the language sees it "
                                           "(converted for zh-Hant), without markup.")
    scope: Scope = Field(description="The courts the figure counts: the report's own, or the "
                                     "courts its sentence names.")
    origin: Origin = Field(description="draft while its label is as the drafter wrote it.")
    source: SourceLink


class Highlight(Schema):
    text: str
    origin: Origin = Field(description="draft while the text is as the drafter wrote it.")
    source: ParagraphsLink


class Case(Schema):
    id: str
    title: str
    summary: str
    where: str
    origin: Origin = Field(description="draft while its title or summary is as drafted.")
    source: ParagraphsLink


class Theme(Schema):
    """A panel of a section's figures, under one of the report's own headings."""

    id: str
    title: str
    figures: list[str] = Field(description="Its figures' ids, the one shown large first.")


class Section(Schema):
    id: str
    name: str
    draws_on: str
    lead: str
    summary: str
    summary_origin: Origin
    highlights: list[Highlight]
    cases: list[Case]
    terms: list[str]
    figures: list[str]
    themes: list[Theme]


class OriginalTitle(Schema):
    zh_hans: str = Field(alias="zh-Hans")
    en: str


class Delivered(Schema):
    date: datetime.date | None
    occasion: str | None
    speaker: str | None


class Outlook(Schema):
    summary: str
    items: list[str]


class Review(Schema):
    """How much of a draft is still machine-drafted, and how much awaits English."""

    texts: int
    to_review: int
    to_translate: int


class OriginalPublication(Schema):
    """Where the report was first published, or that it has not been located."""

    status: Literal["located", "not-located"]
    publisher: str | None
    url: str | None = Field(description="The original's address (https), where located.")
    published: datetime.date | None = Field(description="The date the original gives, if any.")
    retrieved: datetime.date | None = Field(description="When the original was read there.")
    searched: str | None = Field(description="Where it was looked for, when not located.")


class Correction(Schema):
    """A correction of the briefing: what was wrong, on the date the version made it."""

    date: datetime.date
    version: int = Field(description="The version of the briefing the correction made.")
    note: str


class CitationLinks(Schema):
    """The report and its briefing, cited, for reference managers (accessed the day asked)."""

    bibtex: str = Field(description="BibTeX (biblatex fields): the report, then the briefing.")
    csl_json: str = Field(description="CSL-JSON, as Zotero and citeproc read it.")


class Briefing(Schema):
    """The whole structured briefing of a report, in one language."""

    id: str
    language: LanguageTag
    title: str
    court: str
    level: str
    region: str
    year: int
    original_title: OriginalTitle
    document: str
    document_kind: DocumentKind
    scope: Scope = Field(description="The courts the report's figures count, unless a figure "
                                     "names its own (`scope` of a figure).")
    version: int
    last_changed: datetime.date
    source_url: str
    original: OriginalPublication
    corrections: list[Correction] = Field(description="Corrections of the briefing, oldest first.")
    corrections_url: str = Field(description="The site's corrections page, at this report.")
    citation: CitationLinks
    delivered: Delivered | None
    status: Literal["draft", "final"] = Field(description="draft: made by `flask report draft`, "
                                                          "not yet reviewed.")
    review: Review | None = Field(description="In a draft: what is left to review and translate.")
    summary: str
    summary_origin: Origin
    headline_figures: list[str]
    sections: list[Section]
    shortcomings: list[str]
    shortcomings_note: str | None = Field(description="Where the document names no "
                                                      "shortcomings, what the site says of it "
                                                      "(an infographic lists none, a full text "
                                                      "states none); null where it names some.")
    outlook: Outlook
    figures: list[Figure]


class SourceBlock(Schema):
    id: str
    kind: BlockKind
    level: int | None
    line: int
    text: str = Field(description="The block as a reader sees it, without the source's markup "
                                  "(** emphasis, a list item's bullet); a table's cells apart "
                                  "by tabs, its rows by line breaks.")
    section: Part
    url: str


class Source(Schema):
    """A report's published text, block by block."""

    id: str
    language: LanguageTag
    source_language: Literal["zh-Hans", "zh-Hant"]
    blocks: list[SourceBlock]


# Glossary and measures

class Headwords(Schema):
    zh_hans: str = Field(alias="zh-Hans")
    zh_hant: str = Field(alias="zh-Hant")
    en: str


class TermSource(Schema):
    report: str
    quote: str = Field(description="The report's sentence defining the term, as a reader of "
                                   "the language sees it.")
    url: str


class GlossaryTerm(Schema):
    id: str
    term: str = Field(description="The headword in the language asked for.")
    headwords: Headwords
    forms: list[str] = Field(description="The headword and its aliases in the language.")
    short: str
    explanation: str
    source: TermSource | None
    url: str = Field(description="The term on the site's glossary page.")


class Glossary(Schema):
    language: LanguageTag
    terms: list[GlossaryTerm]


class CaseType(Schema):
    of: str = Field(description="The measure of all cases this one counts a type of.")
    name: str


class Basis(Schema):
    """At what stage of a case's course (or by what act) a count counts: 受理, 新收, 审结 …."""

    id: str
    name: str
    term: str = Field(description="The basis as reports write it, in Simplified Chinese (受理).")
    definition: str
    signals: list[str] = Field(description="The words that state it in a report, in Simplified "
                                           "Chinese; a figure's quote must use one of its "
                                           "measure's basis.")
    parts: list[str] = Field(description="The bases whose counts make it up, type by type "
                                         "(结案 is 审结 of trial cases and 执结 of enforcement).")


class Measure(Schema):
    id: str
    name: str
    definition: str = Field(description="What the measure counts.")
    basis: str = Field(description="The basis it counts on (see `bases`): a comparison's row "
                                   "holds figures of one basis only.")
    unit: str
    aliases: list[str] = Field(description="Phrases reports use for it, in Simplified Chinese.")
    case_type: CaseType | None
    made_of: list[str] = Field(description="The measures that together are this one by "
                                           "definition, of its unit and basis (civil and "
                                           "commercial cases: civil cases, commercial cases); "
                                           "empty for most.")
    reported_by: list[str] = Field(description="The reports that give it, for any year.")


class Measures(Schema):
    language: LanguageTag
    measures: list[Measure]
    bases: list[Basis]


# Comparison

class ComparedReport(Schema):
    id: str
    title: str
    court: str = Field(description="The court that reports; its figures may count more courts "
                                   "(`scope`).")
    level: str
    region: str
    year: int
    scope: Scope = Field(description="The courts the report's figures count.")
    document_kind: DocumentKind = Field(description="What the briefing rests on: the full text, "
                                                    "or the official infographic only.")
    url: str


class MeasureRef(Schema):
    id: str
    name: str
    unit: str
    definition: str = Field(description="What the measure counts.")
    basis: str = Field(description="The one basis every figure of the row counts on (see "
                                   "/api/v1/measures).")
    basis_name: str


class CompareCell(Schema):
    """What one report states for one measure: nothing is estimated where it states nothing."""

    report: str
    scope: Scope = Field(description="The courts the cell's figures count: the report's, or "
                                     "others where a figure says so.")
    figure: Figure | None = Field(description="The figure for the report's own year; null if "
                                              "the report does not give it.")
    previous_year: Figure | None = Field(description="The figure for the year before, where the "
                                                     "report states it; never worked out from a "
                                                     "rate.")
    parts: list[Figure] = Field(description="Where `figure` is null but the report states every "
                                            "measure the measure is made of (`made_of`) for its "
                                            "year, of the same courts: those figures, in the "
                                            "order of `made_of`, each with its sentence. Never "
                                            "added up; empty otherwise.")


class CompareRow(Schema):
    measure: MeasureRef
    cells: list[CompareCell] = Field(description="One per report, in the order of `reports`.")


class Comparison(Schema):
    language: LanguageTag
    reports: list[ComparedReport]
    levels_differ: bool = Field(description="Whether the courts are of different levels.")
    scopes_differ: bool = Field(description="Whether the reports' figures count different courts "
                                            "(one court's own, all courts of a region …).")
    periods_differ: bool = Field(description="Whether the reports cover different years.")
    rows: list[CompareRow]
