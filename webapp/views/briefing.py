"""The pages of a report's briefing: its overview and its sections, alone or bilingual."""

from __future__ import annotations

from flask import Blueprint, Response, abort, request
from flask_babel import gettext as _

from ..config import Language
from ..content.models import Figure, Report
from ..languages import companion_for, current_language
from .links import COMPANION_ARG
from .lookups import get_report, get_section
from .rendering import render_page

blueprint = Blueprint("briefing", __name__)


@blueprint.get("/reports/<report_id>/")
def report(report_id: str) -> Response:
    found = get_report(report_id)
    return render_page("report.html", report=found, shared=shared_figure(found, "overview"),
                       companion=requested_companion())


@blueprint.get("/reports/<report_id>/<section_id>")
def section(report_id: str, section_id: str) -> Response:
    found = get_report(report_id)
    return render_page("section.html", report=found, section_id=section_id,
                       section=get_section(found, section_id),
                       shared=shared_figure(found, section_id), companion=requested_companion())


def shared_figure(found: Report, section_id: str) -> Figure | None:
    """Return the figure a shared link names (``?figure=``), if its card is on this page."""
    figure_id = request.args.get("figure")
    figures = found.overview_figures() if section_id == "overview" else found.figures_in(section_id)
    return next((figure for figure in figures if figure.id == figure_id), None)


def requested_companion() -> Language | None:
    """Return the language a bilingual view shows beside the page's, or answer 400."""
    code = request.args.get(COMPANION_ARG)
    try:
        return companion_for(current_language(), code)
    except ValueError:
        abort(400, description=_("A bilingual view shows Chinese beside English: “%(code)s” "
                                 "cannot be shown beside this page.", code=code))
