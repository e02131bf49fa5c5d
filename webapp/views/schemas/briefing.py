"""A report as the API gives it: its summary, its whole briefing, its text block by block."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field

from ...content.briefing import DocumentKind, Part
from ...content.sources import BlockKind
from ...content.statistics import FigureSection, Qualifier, ScopeKind
from .base import LanguageTag, Origin, Schema


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
                                  "before where the report states it (a table of both years). "
                                  "Where `period` is set, the report's year, not the span counted.")
    period: str | None = Field(description="The span the figure counts where its sentence names "
                                           "one other than the year (过去五年, “十四五”时期): such a "
                                           "figure is never the year's.")
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
    corrections_url: str = Field(description="Where the briefing's page lists its corrections.")
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
    translation: str | None = Field(description="This site's unofficial English translation "
                                                "of the block, in the same shape as `text` (a "
                                                "table's cells apart by tabs, its rows by line "
                                                "breaks); null where the report has none.")


class SourceTranslation(Schema):
    """Who translated a report's text, and that the translation is not the court's."""

    language: Literal["en"]
    official: Literal[False] = Field(description="Always false: the Chinese is authoritative.")
    translator: str
    updated: datetime.date = Field(description="When the translation last changed.")
    note: str = Field(description="What readers are shown: unofficial, the Chinese authoritative.")


class Source(Schema):
    """A report's published text, block by block."""

    id: str
    language: LanguageTag
    source_language: Literal["zh-Hans", "zh-Hant"]
    translation: SourceTranslation | None = Field(
        description="The report's unofficial English translation, null where it has none "
                    "(each block's English is its `translation`).")
    blocks: list[SourceBlock]
