"""Where each item of a briefing lives on the site, and where it stands in the source.

Every figure card, highlight and case has an anchor on its briefing page and a link to its
paragraph in the source view; pages, PDFs and the API all build those links here. Call within
a request (or ``test_request_context``): URLs stay in the current language.
"""

from __future__ import annotations

from typing import Any, Protocol

from flask import current_app, request, url_for

from ..content.briefing import Case
from ..content.reports import Report
from ..content.statistics import Figure
from .source_view import Chosen, highlight_key

# The query argument of a bilingual view: the language shown beside the page's own.
COMPANION_ARG = "with"
# The pages that have a bilingual view; links between them keep it.
BILINGUAL_ENDPOINTS = ("site.briefing.report", "site.briefing.section", "site.source.page")
# The query arguments of a source view marking the blocks a highlight or a case draws on.
HIGHLIGHT_ARG = "highlight"
CASE_ARG = "case"


class Identified(Protocol):
    """A report, or what names one without holding it (a search entry's ``ReportRef``)."""

    @property
    def id(self) -> str:
        """Return the report's id."""


def figure_anchor(figure_id: str) -> str:
    """Return the id of a figure's card on its briefing page."""
    return f"figure-{figure_id}"


def quote_anchor(figure_id: str) -> str:
    """Return the id of a figure's marked sentence in the source view."""
    return f"quote-{figure_id}"


def highlight_anchor(section_id: str, index: int) -> str:
    """Return the id of a highlight on its section page (1-based, as readers count)."""
    return f"highlight-{highlight_key(section_id, index)}"


def case_anchor(case: Case) -> str:
    """Return the id of a case on its section page."""
    return f"case-{case.id}"


def figure_card_url(report: Identified, figure: Figure, shared: bool = False,
                    overview: str | None = None) -> str:
    """Return the URL of a figure's card: its section page, or the overview for overview figures.

    ``shared``: the URL to share the figure by, whose page is titled and described by it.
    ``overview``: the report's overview address, where the caller has made it already (a
    listing links each report's headline figures beside the report itself).
    """
    values: dict[str, Any] = {"figure": figure.id} if shared else {}
    if figure.section == "overview" and overview is not None and not shared:
        return f"{overview}#{figure_anchor(figure.id)}"
    if figure.section == "overview":
        return url_for("site.briefing.report", report_id=report.id, _anchor=figure_anchor(figure.id),
                       **values)
    return url_for("site.briefing.section", report_id=report.id, section_id=figure.section,
                   _anchor=figure_anchor(figure.id), **values)


def briefing_url(report: Report, section_id: str | None = None) -> str:
    """Return the URL of a briefing page in one language, as citations name it."""
    if section_id is None:
        return url_for("site.briefing.report", report_id=report.id, **{COMPANION_ARG: None})
    return url_for("site.briefing.section", report_id=report.id, section_id=section_id,
                   **{COMPANION_ARG: None})


def source_url(report: Identified, anchor: str | None = None, **values: Any) -> str:
    """Return the URL of the report's source view, at ``anchor`` (a block id or quote anchor)."""
    return url_for("site.source.page", report_id=report.id, _anchor=anchor, **values)


def figure_source_url(report: Report, figure: Figure) -> str:
    """Return the URL of a figure's marked sentence in the source view."""
    return source_url(report, quote_anchor(figure.id))


def marking_args(chosen: Chosen) -> dict[str, str]:
    """Return the query that asks the source view to mark the blocks of a highlight or case."""
    if isinstance(chosen.item, Case):  # Not chosen.kind: mypy narrows the item by isinstance.
        return {CASE_ARG: chosen.item.id}
    return {HIGHLIGHT_ARG: highlight_key(chosen.section, chosen.index)}


def marked_source_url(report: Report, chosen: Chosen) -> str:
    """Return the URL of the source view with every block an item draws on marked, at the first.

    Without JavaScript, and wherever the blocks stand: a fragment alone can name only one.
    """
    return source_url(report, chosen.blocks[0], **marking_args(chosen))


def highlight_source_url(report: Report, section_id: str, index: int) -> str:
    """Return the URL of the source view marking a highlight's blocks."""
    highlight = report.briefing.sections.get(section_id).highlights[index]
    return marked_source_url(report, Chosen(section_id, highlight, index))


def case_source_url(report: Report, section_id: str, case: Case) -> str:
    """Return the URL of the source view marking a case's blocks."""
    return marked_source_url(report, Chosen(section_id, case))


def figure_source_json(report: Report, figure: Figure) -> dict[str, Any]:
    """Describe where a figure's quote stands, for the API."""
    return {"paragraph": report.quotes[figure.id].block.id,
            "url": figure_source_url(report, figure)}


def paragraphs_json(paragraphs: tuple[str, ...], url: str) -> dict[str, Any]:
    """Describe the paragraphs an item draws on and the link marking them all, for the API."""
    return {"paragraph": paragraphs[0], "paragraphs": list(paragraphs), "url": url}


def external(path: str) -> str:
    """Return a path of the site as an absolute URL, under PUBLIC_URL when it is configured."""
    return public_base().rstrip("/") + path


def public_base() -> str:
    """Return the address readers reach the site at: PUBLIC_URL, else the request's host.

    Behind a proxy or in a PDF rendered ahead of readers, the request's host is not the address
    readers use: PUBLIC_URL is.
    """
    base: str = current_app.config.get("PUBLIC_URL") or request.host_url
    return base


def corrections_url(report: Identified) -> str:
    """Return the URL of a briefing's corrections: the list on its overview, every one of them.

    The corrections log lists every briefing's together, newest first, a page at a time.
    """
    return url_for("site.briefing.report", report_id=report.id, _anchor="corrections-heading")
