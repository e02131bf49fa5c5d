"""The compare page and its chart: reports side by side, chosen in the URL.

``?reports=a,b&measures=x,y`` (or a form's repeated ``reports=a&reports=b``) holds the choice,
so a comparison can be shared; ids that do not exist get a localized 400.
"""

from __future__ import annotations

from typing import Any

from babel.lists import format_list
from flask import Response, abort, request, url_for
from flask_babel import gettext as _

from .. import charts
from ..compare import Comparison, chosen_ids, compare, reported_measures
from ..config import Language
from ..content import current_content
from ..languages import current_language
from .chart_routes import ShownChart, generation, svg_response
from .pages import render_page, site


@site.get("/compare")
def compare_reports() -> Response:
    report_ids, measure_ids = requested_ids()
    comparison = requested_comparison(report_ids, measure_ids)
    content = current_content()
    language = current_language()
    chart = charts.comparison_chart(comparison, content, language)
    shown = None if chart is None else ShownChart(
        chart, url_for("site.comparison_chart", v=generation(), **query(report_ids, measure_ids)),
        "chart-shared-measures")
    return render_page("compare.html", comparison=comparison, chart=shown,
                       notes=comparison_notes(comparison, language),
                       report_options=list(content.reports.values()),
                       measure_options=reported_measures(content, content.reports.values()),
                       chosen_measures=measure_ids)


@site.get("/compare/chart.svg")
def comparison_chart() -> Response:
    report_ids, measure_ids = requested_ids()
    comparison = requested_comparison(report_ids, measure_ids)
    chart = charts.comparison_chart(comparison, current_content(), current_language())
    if chart is None:
        abort(404)
    return svg_response(chart)


def requested_ids() -> tuple[list[str], list[str]]:
    """Return the report and measure ids the query names, in its order, without repeats."""
    return chosen_ids(request.args.getlist("reports")), chosen_ids(request.args.getlist("measures"))


def requested_comparison(report_ids: list[str], measure_ids: list[str]) -> Comparison:
    """Compare the chosen reports on the chosen measures, or answer 400 naming an unknown id."""
    try:
        return compare(current_content(), report_ids, measure_ids)
    except ValueError as error:
        abort(400, description=str(error))


def query(report_ids: list[str], measure_ids: list[str]) -> dict[str, Any]:
    """Return the query values of a choice, ids joined by commas; nothing chosen, nothing said."""
    chosen = {"reports": ",".join(report_ids), "measures": ",".join(measure_ids)}
    return {name: ids for name, ids in chosen.items() if ids}


def comparison_notes(comparison: Comparison, language: Language) -> list[str]:
    """Say where the reports compared are not alike: courts of different levels, other years."""
    notes = []
    if comparison.levels_differ:
        levels = dict.fromkeys(report.briefing.level.get(language.tag)
                               for report in comparison.reports)
        notes.append(_("The courts are of different levels: %(levels)s.",
                       levels=format_list(list(levels), locale=language.babel)))
    if comparison.periods_differ:
        years = dict.fromkeys(charts.year_text(report.briefing.year, language)
                              for report in comparison.reports)
        notes.append(_("The reports cover different years: %(years)s.",
                       years=format_list(list(years), locale=language.babel)))
    return notes
