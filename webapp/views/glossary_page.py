"""The glossary page: every term of art in the language, filtered by ``?q=``.

Each term says how many reports use it and names the briefing sections that do, the newest
reports first and at most ``USES_SHOWN`` of them: the list would otherwise grow with every
report, and a search for the term finds the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, request, url_for

from ..content.reports import Report
from ..glossary import backlinks, ordered
from ..search import MAX_QUERY_LENGTH
from ..web.content import current_content, per_content
from ..web.locale import current_language
from .paging import every_report
from .rendering import render_page
from .search_view import glossary_filter

blueprint = Blueprint("glossary", __name__)
# A few examples and the count say how a term is used; six sections of the newest reports,
# where today's three reports give one or two, made the glossary half again as slow to make
# at 200 reports as today, and no easier to read.
USES_SHOWN = 3


@blueprint.get("/glossary")
def page() -> Response:
    query = request.args.get("q", "")[:MAX_QUERY_LENGTH]
    language = current_language()
    found = glossary_filter(query, language)
    terms = [term for term in ordered(current_content().glossary, language.tag)
             if found.ids is None or term.id in found.ids]
    every_use = per_content("glossary backlinks", lambda _shown: _every_use())
    return render_page("glossary.html", terms=terms, query=query, named=found.named,
                       uses=_uses_shown(every_use, {term.id for term in terms}, language.tag))


@dataclass(frozen=True)
class Uses:
    """The briefing sections a term is used in, as the glossary links them."""

    shown: list[tuple[str, str]]  # (address, "report title · section name"), newest first
    more: int  # how many others a search for the term finds
    reports: int  # how many reports use the term


@dataclass(frozen=True)
class EveryUse:
    """Every use of a term: the sections, newest reports first, and how many reports they are in."""

    sections: list[tuple[Report, str]]
    reports: int


def _every_use() -> dict[str, EveryUse]:
    """Return every term's uses, counted once per content rather than once a page."""
    return {term_id: EveryUse(sections, len({report.id for report, _section in sections}))
            for term_id, sections in backlinks(every_report()).items()}


def _uses_shown(every_use: dict[str, EveryUse], term_ids: set[str], tag: str) -> dict[str, Uses]:
    """Return the uses of each term shown, each section's link made once for the page.

    The newest reports' sections are shown for most terms: at 200 reports a page has about 600
    links to a few dozen sections, and making each anew took half the page's time.
    """
    content = current_content()
    links: dict[tuple[str, str], tuple[str, str]] = {}

    def link(report: Report, section_id: str) -> tuple[str, str]:
        key = (report.id, section_id)
        if key not in links:
            section = content.section_info(section_id)
            name = section.name.shown_in(tag)[0] if section is not None else section_id
            links[key] = (url_for("site.briefing.section", report_id=report.id, section_id=section_id),
                          f"{report.briefing.title.shown_in(tag)[0]} · {name}")
        return links[key]

    return {term_id: Uses([link(*use) for use in used.sections[:USES_SHOWN]],
                          max(0, len(used.sections) - USES_SHOWN), used.reports)
            for term_id in term_ids if (used := every_use.get(term_id)) is not None}
