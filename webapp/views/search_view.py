"""Search results as the page and the API show them: grouped, labelled, linked, marked.

The response models are pydantic, so the API's schema can be generated from them. A marked
text travels as data: the text and its marks as [start, end) offsets in Unicode code points
(Python string indexes, not UTF-16 units); the page renders it with ``Passage.html``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import Any, Literal, get_args

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape
from pydantic import BaseModel, Field

from ..config import Language
from ..content.briefing import Case
from ..content.sources import Block
from ..content.statistics import Figure
from ..content.terms import Term
from ..search import (
    MAX_HITS,
    MAX_QUERY_LENGTH,
    PER_GROUP,
    GroupKey,
    Hit,
    Kind,
    Marked,
    QueryError,
    ReportRef,
    Results,
    parse_query,
)
from ..web.content import current_content
from ..web.search import current_index
from . import links
from .documents import DocumentWords, words_for
from .templating import part_name

Problem = Literal["empty", "too-long", "nothing-to-search", "bad-scope", "no-such-page"]
# Where a problem with a query leaves the page: an emptied field or a lone symbol while typing
# is no error; what the form cannot send is a bad request; a page past the last, not found
# (a bad ``kind``, ``report`` or ``page`` says its own). The API answers every one with an error.
PAGE_STATUS: dict[Problem, int] = {"empty": 200, "nothing-to-search": 200, "too-long": 400,
                                   "no-such-page": 404}


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
    """Hits of one kind in one report (or in the glossary), the best matches first."""

    kind: Kind
    label: str
    total: int = Field(description=f"How many of this kind match here (at most {PER_GROUP} "
                                   "are listed in a search of every group).")
    hits: list[SearchHit]
    all: str | None = Field(description="The address that lists every hit of this group, "
                                        "when some are not listed here.")


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
    """What ``/api/v1/search`` answers: hits grouped by report and kind, in content order
    (the glossary first, then each report's figures, summaries, highlights, cases and text),
    the best matches of a group first; or every hit of one group, with ``kind`` (and
    ``report``) set."""

    query: str
    language: str
    kind: Kind | None = Field(description="The kind of the one group listed, or null: every "
                                          "group.")
    report: str | None = Field(description="The report of the one group listed (null for the "
                                           "glossary, or when every group is).")
    total: int = Field(description="How many entries match (in the group listed, if one is).")
    shown: int = Field(description=f"How many of them are listed on this page: at most "
                                   f"{PER_GROUP} of a kind in a report and {MAX_HITS} in all, "
                                   f"or {MAX_HITS} of the one group listed.")
    page: int
    offset: int = Field(description="How many hits of the group listed come before this "
                                    "page's (0 when every group is listed).")
    pages: int = Field(description="How many pages the results take: groups that do not fit "
                                   "on the first page, or hits of one group past the first "
                                   f"{MAX_HITS}, are on later pages.")
    previous: str | None = Field(description="The address of the previous page, if any.")
    next: str | None = Field(description="The address of the next page, if any.")
    groups: list[ResultGroup]


@dataclass(frozen=True)
class Scope:
    """Which results a search lists: every group's first (``group`` None) or one group's
    every hit; and which page of them."""

    group: GroupKey | None = None
    page: int = 1


class ScopeError(ValueError):
    """A ``kind``, ``report`` or ``page`` that names nothing there is: ``status`` is 400 for
    what no results could be, 404 for a report there is not."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def read_scope(args: Mapping[str, str]) -> Scope:
    """Read which results to list from a request's ``kind``, ``report`` and ``page``.

    The glossary's terms are the group ``kind=term``; any other kind belongs to a report.
    """
    page_text = args.get("page", "1")
    if not page_text.isascii() or not page_text.isdecimal() or int(page_text) < 1:
        raise ScopeError(_("A page is a whole number from 1."))
    page = int(page_text)
    kind_text, report = args.get("kind"), args.get("report")
    if kind_text is None and report is None:
        return Scope(None, page)
    kind = next((known for known in get_args(Kind) if known == kind_text), None)
    if kind is None:
        raise ScopeError(_("Say which kind of results to list: one of %(kinds)s.",
                           kinds=", ".join(get_args(Kind))))
    if kind == "term":
        if report is not None:
            raise ScopeError(_("Glossary terms belong to no report: list them without one."))
        return Scope((None, "term"), page)
    if report is None:
        raise ScopeError(_("Say which report’s results to list."))
    if report not in current_content().reports:
        raise ScopeError(_("There is no report %(id)s.", id=report), 404)
    return Scope((report, kind), page)


@dataclass(frozen=True)
class SearchOutcome:
    """A search as the page shows it: the results, or the problem with the query, the
    sentence the page's live region announces, and the page's status."""

    query: str
    results: SearchResponse | None
    problem: Problem | None
    message: str
    status: int = 200


def run_search(args: Mapping[str, str], language: Language,
               link: Callable[..., str] | None = None) -> SearchOutcome:
    """Search for a request's ``q`` in ``language`` (call within a request in that language),
    listing what its ``kind``, ``report`` and ``page`` ask for; ``link`` makes the address of
    other results of the same query (by default the search page's)."""
    query = args.get("q", "")
    try:
        scope = read_scope(args)
        results = current_index().search(query, language.tag, scope.group, scope.page)
    except ScopeError as error:
        return SearchOutcome(query, None, "bad-scope", error.message, error.status)
    except QueryError as error:
        return SearchOutcome(query, None, error.reason, problem_message(error.reason),
                             PAGE_STATUS[error.reason])
    if scope.page > results.pages:
        return SearchOutcome(query, None, "no-such-page", problem_message("no-such-page"),
                             PAGE_STATUS["no-such-page"])
    response = present_results(results, language, link or _page_link)
    return SearchOutcome(query, response, None, count_message(response))


@dataclass(frozen=True)
class GlossaryFilter:
    """The glossary terms a filter query finds: ``ids`` None when it filters nothing (every
    term shows); ``named`` False when no term's name holds the query and those listed only
    mention it in their definitions."""

    ids: set[str] | None
    named: bool = True


def glossary_filter(query: str, language: Language) -> GlossaryFilter:
    """Return the glossary terms a filter ``query`` finds, read and matched as the search
    reads and matches it (any script, pinyin with or without spaces, English stems).

    A filter looks for a term by its name: the terms whose headword or another name holds
    the query; when none does, those whose definitions mention it, said as such.
    """
    try:
        # Read first: the glossary without a filter needs no index built.
        parse_query(query)
        results = current_index().search(query, language.tag, (None, "term"), page=None)
    except QueryError as error:
        return GlossaryFilter(None if error.reason == "empty" else set())
    named = {hit.entry.item.id for hit in results.hits
             if isinstance(hit.entry.item, Term) and hit.rank < 2}
    if named or not results.hits:
        return GlossaryFilter(named)
    return GlossaryFilter({hit.entry.item.id for hit in results.hits
                           if isinstance(hit.entry.item, Term)}, named=False)


def _page_link(**values: Any) -> str:
    return url_for("site.search.page", **values)


def problem_message(problem: Literal["empty", "too-long", "nothing-to-search", "no-such-page"]
                    ) -> str:
    """Say why a query was not searched, in the current language."""
    messages = {
        "empty": _("Type a word, a name, pinyin or a number to search the reports and the glossary."),
        "too-long": _("A search can be at most %(max)d characters long.", max=MAX_QUERY_LENGTH),
        "nothing-to-search": _("There is nothing to search for: type words, Chinese characters, "
                               "pinyin or numbers."),
        "no-such-page": _("These results have no such page."),
    }
    return messages[problem]


def count_message(response: SearchResponse) -> str:
    """Say how many results there are (and how many are listed), in the current language."""
    if response.total == 0:
        return _("Nothing found for “%(query)s”.", query=response.query)
    if response.kind is not None and response.pages > 1:
        return _("%(total)d results, page %(page)d of %(pages)d.", total=response.total,
                 page=response.page, pages=response.pages)
    if response.shown < response.total and response.kind is None:
        return _("%(total)d results, %(shown)d of them listed. Add a word to narrow the search.",
                 total=response.total, shown=response.shown)
    return ngettext("%(num)d result", "%(num)d results", response.total)


def present_results(results: Results, language: Language, link: Callable[..., str]
                    ) -> SearchResponse:
    """Group the listed hits by report and kind, in content order, with labels and links.

    Each hit names its report (``ReportRef``): the reports themselves are not read.
    """
    labels = kind_labels()
    # The words of each kind of document and the name of each part, made once a page (each is
    # a translation or a dozen).
    words = cache(words_for)
    parts = cache(part_name)
    groups: list[ResultGroup] = []
    for _report_id, report_hits in groupby(results.hits, key=lambda hit: hit.entry.group[0]):
        hits_there = list(report_hits)
        report = hits_there[0].entry.report
        groups.append(
            ResultGroup(report=None, title=_("Glossary"), url=url_for("site.glossary.page"), kinds=[])
            if report is None else _report_group(report, words(report.document_kind), language))
        for kind, kind_hits in groupby(hits_there, key=lambda hit: hit.entry.kind):
            label = (words(report.document_kind).text if report is not None and kind == "paragraph"
                     else labels[kind])
            _add_kind(groups[-1], results, kind, [_hit(hit, parts) for hit in kind_hits], label,
                      link)
    listed_kind = results.group[1] if results.group else None
    report_id = results.group[0] if results.group else None

    def other_page(page: int) -> str | None:
        if not 1 <= page <= results.pages:
            return None
        return link(q=results.query, kind=listed_kind, report=report_id,
                    page=None if page == 1 else page)

    return SearchResponse(query=results.query, language=language.tag, kind=listed_kind,
                          report=report_id, total=results.total, shown=len(results.hits),
                          page=results.page, offset=results.offset, pages=results.pages,
                          previous=other_page(results.page - 1),
                          next=other_page(results.page + 1), groups=groups)


def _add_kind(group: ResultGroup, results: Results, kind: Kind, listed: list[SearchHit],
              label: str, link: Callable[..., str]) -> None:
    """Add the hits of one kind to their report's (or the glossary's) group."""
    total = results.counts[(group.report, kind)]
    group.kinds.append(KindGroup(
        kind=kind, label=label, total=total, hits=listed,
        all=link(q=results.query, kind=kind, report=group.report)
        if results.group is None and total > len(listed) else None))


def _report_group(report: ReportRef, words: DocumentWords, language: Language) -> ResultGroup:
    """Return the (empty) group of a report's hits, saying what its briefing rests on."""
    return ResultGroup(report=report.id, title=report.title.get(language.tag),
                       document=words.kind_note or None,
                       url=url_for("site.briefing.report", report_id=report.id), kinds=[])


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


def _hit(hit: Hit, parts: Callable[[str], str]) -> SearchHit:
    where, url = _place(hit, parts)
    return SearchHit(kind=hit.entry.kind, where=where,
                     title=_passage(hit.title) if hit.title else None,
                     passage=_passage(hit.passage), url=url)


def _place(hit: Hit, part_name: Callable[[str], str]) -> tuple[str | None, str]:
    """Return where a hit stands (localized, its part named by ``part_name``) and the URL of
    that place."""
    entry = hit.entry
    report, part, item = entry.report, entry.part or "", entry.item
    if isinstance(item, Term) or report is None:
        term_id = item.id if isinstance(item, Term) else ""
        return None, url_for("site.glossary.page", _anchor=f"term-{term_id}")
    if isinstance(item, Figure):
        return part_name(part), links.figure_card_url(report, item)
    if isinstance(item, Case):
        return part_name(part), url_for("site.briefing.section", report_id=report.id, section_id=part,
                                        _anchor=links.case_anchor(item))
    if isinstance(item, Block):
        return (_("%(part)s, line %(line)s", part=part_name(part), line=item.line),
                links.source_url(report, item.id))
    number = entry.number or 0
    if entry.kind == "highlight":
        return (_("%(section)s, highlight %(number)s", section=part_name(part), number=number + 1),
                url_for("site.briefing.section", report_id=report.id, section_id=part,
                        _anchor=links.highlight_anchor(part, number)))
    if part in ("overview", "shortcomings", "outlook"):
        return part_name(part), url_for("site.briefing.report", report_id=report.id,
                                        _anchor=f"{part}-heading")
    return part_name(part), url_for("site.briefing.section", report_id=report.id, section_id=part)
