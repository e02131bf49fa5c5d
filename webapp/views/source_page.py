"""The source view: a report's published text, block by block, an item's blocks marked."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..content.models import Report
from ..languages import current_language
from .links import CASE_ARG, HIGHLIGHT_ARG, marking_args
from .lookups import NotFoundNearby, get_report
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
    views = present_source(found, current_language().tag, chosen)
    return render_page("source.html", report=found, blocks=views, toc=headings(views),
                       chosen=chosen)


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
