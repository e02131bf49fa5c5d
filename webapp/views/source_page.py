"""The source view: a report's published text, block by block, an item's blocks marked."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..content.reports import Report
from ..web.locale import current_language
from .links import CASE_ARG, HIGHLIGHT_ARG, marking_args
from .lookups import NotFoundNearby, get_report, requested_companion
from .rendering import render_page
from .source_view import Chosen, find_chosen, headings, present_source

blueprint = Blueprint("source", __name__)


@blueprint.get("/reports/<report_id>/source")
def page(report_id: str) -> ResponseReturnValue:
    found = get_report(report_id)
    chosen = requested_marking(found)
    # One address per marking: another query (a stray argument, both kinds) redirects to it,
    # so the page cache keeps one page for each.
    marking: dict[str, Any] = marking_args(chosen) if chosen else {}
    canonical = url_for("site.source.page", report_id=found.id, **marking)
    if request.full_path.rstrip("?") != canonical:
        return redirect(canonical)
    # English readers get the translation beside each paragraph; Chinese readers ask for it
    # with the bilingual view (?with=en), which the English page needs not.
    language, companion = current_language(), requested_companion()
    translated = found.translation is not None and (language.script is None
                                                    or companion is not None)
    views = present_source(found, language.tag, chosen, translated)
    # The page offers the translation with a link of its own, not the header's bilingual
    # switch, which an English page would have no use for: the header keeps one height in
    # every language, and a reader switching language keeps their place.
    return render_page("source.html", report=found, blocks=views, toc=headings(views),
                       chosen=chosen, translated=translated)


def requested_marking(found: Report) -> Chosen | None:
    """Return the highlight or case whose blocks the source view is asked to mark, or 404."""
    highlight, case = request.args.get(HIGHLIGHT_ARG), request.args.get(CASE_ARG)
    if highlight is None and case is None:
        return None
    chosen = find_chosen(found, highlight, case)
    if chosen is None:
        raise NotFoundNearby([(_("The report's text"), url_for("site.source.page",
                                                                report_id=found.id))])
    return chosen
