"""Search results as the page and the API show them: grouped, labelled, linked, marked.

The response models are pydantic, so the API's schema can be generated from them. A marked
text travels as data: the text and its marks as [start, end) offsets in Unicode code points
(Python string indexes, not UTF-16 units); the page renders it with ``Passage.html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape
from pydantic import BaseModel, Field

from ..config import Language
from ..content import current_content
from ..content.models import Case, Figure, Report, Term
from ..content.sources import Block
from ..search import (
    MAX_QUERY_LENGTH,
    Hit,
    Kind,
    Marked,
    QueryError,
    Results,
    current_index,
)
from . import links
from .documents import document_words
from .templating import part_name

Problem = Literal["empty", "too-long", "nothing-to-search"]


class Passage(BaseModel):
    """A text with its matches: ``marks`` are [start, end) offsets in Unicode code points."""

    text: str
    marks: list[tuple[int, int]] = Field(
        description="Where the query matches: [start, end) offsets in Unicode code points.")
    lang: str = Field(description="The language tag the text is written in.")

    def html(self) -> Markup:
        """Return the text escaped, each match in ``<mark>``."""
        pieces: list[Markup] = []
        position = 0
        for start, end in self.marks:
            pieces.append(escape(self.text[position:start]))
            pieces.append(Markup("<mark>{}</mark>").format(self.text[start:end]))
            position = end
        pieces.append(escape(self.text[position:]))
        return Markup("").join(pieces)


class SearchHit(BaseModel):
    """One thing found: where it is, its title (if it has one), the passage that matches."""

    kind: Kind
    where: str | None = Field(description="Where in the briefing or the report it stands.")
    title: Passage | None
    passage: Passage
    url: str = Field(description="The page and anchor it is found at.")


class KindGroup(BaseModel):
    """Hits of one kind in one report (or in the glossary)."""

    kind: Kind
    label: str
    total: int = Field(description="How many of this kind match here (at most 10 are listed).")
    hits: list[SearchHit]


class ResultGroup(BaseModel):
    """The hits in one report (``report`` is its id) or in the glossary (``report`` null)."""

    report: str | None
    title: str
    # What the report's briefing rests on, where it is not the full text (an infographic).
    document: str | None = Field(default=None, description="What the briefing rests on, where not the "
                                 "full text: an infographic.")
    url: str
    kinds: list[KindGroup]


class SearchResponse(BaseModel):
    """What ``/api/v1/search`` answers: hits grouped by report and kind, in content order."""

    query: str
    language: str
    total: int = Field(description="How many entries match.")
    shown: int = Field(description="How many of them are listed: at most 10 of a kind in a "
                                   "report, 50 in all.")
    groups: list[ResultGroup]


@dataclass(frozen=True)
class SearchOutcome:
    """A search as the page shows it: the results, or the problem with the query, and the
    sentence the page's live region announces."""

    query: str
    results: SearchResponse | None
    problem: Problem | None
    message: str


def run_search(query: str, language: Language) -> SearchOutcome:
    """Search for ``query`` in ``language`` (call within a request in that language)."""
    try:
        results = current_index().search(query, language.tag)
    except QueryError as error:
        return SearchOutcome(query, None, error.reason, problem_message(error.reason))
    response = present_results(results, language)
    return SearchOutcome(query, response, None, count_message(response))


def problem_message(problem: Problem) -> str:
    """Say why a query was not searched, in the current language."""
    messages = {
        "empty": _("Type a word, a name, pinyin or a number to search the reports and the glossary."),
        "too-long": _("A search can be at most %(max)d characters long.", max=MAX_QUERY_LENGTH),
        "nothing-to-search": _("There is nothing to search for: type words, Chinese characters, "
                               "pinyin or numbers."),
    }
    return messages[problem]


def count_message(response: SearchResponse) -> str:
    """Say how many results there are (and how many are listed), in the current language."""
    if response.total == 0:
        return _("Nothing found for “%(query)s”.", query=response.query)
    if response.shown < response.total:
        return _("%(total)d results, %(shown)d of them listed. Add a word to narrow the search.",
                 total=response.total, shown=response.shown)
    return ngettext("%(num)d result", "%(num)d results", response.total)


def present_results(results: Results, language: Language) -> SearchResponse:
    """Group the listed hits by report and kind, in content order, with labels and links."""
    labels = kind_labels()
    reports = current_content().reports
    groups: list[ResultGroup] = []
    for (report_id, kind), kind_hits in groupby(results.hits, key=lambda hit: hit.entry.group):
        if not groups or groups[-1].report != report_id:
            groups.append(
                ResultGroup(report=None, title=_("Glossary"), url=url_for("site.glossary"), kinds=[])
                if report_id is None else
                _report_group(reports[report_id], language))
        words = document_words(reports[report_id].briefing) if report_id else None
        groups[-1].kinds.append(KindGroup(kind=kind,
                                          label=words.text if words and kind == "paragraph"
                                          else labels[kind],
                                          total=results.counts[(report_id, kind)],
                                          hits=[_hit(hit) for hit in kind_hits]))
    return SearchResponse(query=results.query, language=language.tag, total=results.total,
                          shown=len(results.hits), groups=groups)


def _report_group(report: Report, language: Language) -> ResultGroup:
    """Return the (empty) group of a report's hits, saying what its briefing rests on."""
    return ResultGroup(report=report.id, title=report.briefing.title.get(language.tag),
                       document=document_words(report.briefing).kind_note or None,
                       url=url_for("site.report", report_id=report.id), kinds=[])


def kind_labels() -> dict[Kind, str]:
    """Return the heading of each kind of result, in the current language."""
    return {
        "term": _("Glossary"),
        "summary": _("Summaries"),
        "figure": _("Key figures"),
        "highlight": _("Highlights"),
        "case": _("Notable cases"),
        "paragraph": _("The report's text"),
    }


def _passage(marked: Marked) -> Passage:
    return Passage(text=marked.text, marks=list(marked.marks), lang=marked.tag)


def _hit(hit: Hit) -> SearchHit:
    where, url = _place(hit)
    return SearchHit(kind=hit.entry.kind, where=where,
                     title=_passage(hit.title) if hit.title else None,
                     passage=_passage(hit.passage), url=url)


def _place(hit: Hit) -> tuple[str | None, str]:
    """Return where a hit stands (localized) and the URL of that place."""
    entry = hit.entry
    report, part, item = entry.report, entry.part or "", entry.item
    if isinstance(item, Term) or report is None:
        term_id = item.id if isinstance(item, Term) else ""
        return None, url_for("site.glossary", _anchor=f"term-{term_id}")
    if isinstance(item, Figure):
        return part_name(part), links.figure_card_url(report, item)
    if isinstance(item, Case):
        return part_name(part), url_for("site.section", report_id=report.id, section_id=part,
                                        _anchor=links.case_anchor(item))
    if isinstance(item, Block):
        return (_("%(part)s, line %(line)s", part=part_name(part), line=item.line),
                links.source_url(report, item.id))
    number = entry.number or 0
    if entry.kind == "highlight":
        return (_("%(section)s, highlight %(number)s", section=part_name(part), number=number + 1),
                url_for("site.section", report_id=report.id, section_id=part,
                        _anchor=links.highlight_anchor(part, number)))
    if part in ("overview", "shortcomings", "outlook"):
        return part_name(part), url_for("site.report", report_id=report.id,
                                        _anchor=f"{part}-heading")
    return part_name(part), url_for("site.section", report_id=report.id, section_id=part)
