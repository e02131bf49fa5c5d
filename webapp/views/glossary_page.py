"""The glossary page: every term of art in the language, filtered by ``?q=``.

Each term names the briefing sections that use it, the newest reports first and at most
``USES_SHOWN`` of them: the list would otherwise grow with every report, and a search for the
term finds the rest.
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
USES_SHOWN = 6


@blueprint.get("/glossary")
def page() -> Response:
    query = request.args.get("q", "")[:MAX_QUERY_LENGTH]
    language = current_language()
    found = glossary_filter(query, language)
    terms = [term for term in ordered(current_content().glossary, language.tag)
             if found.ids is None or term.id in found.ids]
    every_use = per_content("glossary backlinks", lambda _shown: backlinks(every_report()))
    return render_page("glossary.html", terms=terms, query=query, named=found.named,
                       uses=_uses_shown(every_use, {term.id for term in terms}, language.tag))


@dataclass(frozen=True)
class Uses:
    """The briefing sections a term is used in, as the glossary links them."""

    shown: list[tuple[str, str]]  # (address, "report title · section name"), newest first
    more: int  # how many others a search for the term finds


def _uses_shown(every_use: dict[str, list[tuple[Report, str]]], term_ids: set[str],
                tag: str) -> dict[str, Uses]:
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

    return {term_id: Uses([link(*use) for use in every_use[term_id][:USES_SHOWN]],
                          max(0, len(every_use[term_id]) - USES_SHOWN))
            for term_id in term_ids if every_use.get(term_id)}
