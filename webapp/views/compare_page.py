"""The compare page and its chart: reports side by side, chosen in the URL.

``?reports=a,b&measures=x,y`` (or a form's repeated ``reports=a&reports=b``) holds the choice,
so a comparison can be shared; ids that do not exist get a localized 400. With no reports
chosen the page compares the newest few: a table of hundreds of reports is no comparison, and
its cost would grow with them. Readers pick others by region, where a court is found.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import Any

from babel.lists import format_list
from flask import Blueprint, Response, abort, request, url_for
from flask_babel import gettext as _
from pypinyin import lazy_pinyin

from .. import charts
from ..compare import Comparison, chosen_ids, compare, reported_measures
from ..config import Language
from ..content.reports import Report
from ..content.statistics import Measure, Scope
from ..web.content import current_content, per_content
from ..web.locale import current_language
from .chart_routes import ShownChart, generation, svg_response
from .paging import every_report, newest_first
from .rendering import render_page

blueprint = Blueprint("compare", __name__)
# The reports compared when none are chosen: the newest, as many as a screen shows side by side.
DEFAULT_COMPARED = 4


@blueprint.get("/compare")
def page() -> Response:
    report_ids, measure_ids = requested_ids()
    comparison = requested_comparison(report_ids, measure_ids)
    content = current_content()
    language = current_language()
    chart = charts.comparison_chart(comparison, content, language)
    shown = None if chart is None else ShownChart(
        chart, url_for("site.compare.chart", v=generation(), **query(report_ids, measure_ids)),
        "chart-shared-measures")
    return render_page("compare.html", comparison=comparison, chart=shown, scope_kind=scope_kind,
                       notes=comparison_notes(comparison, language),
                       report_groups=picker_regions(language),
                       default_compared=DEFAULT_COMPARED, measure_options=picker_measures(),
                       chosen_measures=measure_ids, measures=content.measures)


@blueprint.get("/compare/chart.svg")
def chart() -> Response:
    report_ids, measure_ids = requested_ids()
    comparison = requested_comparison(report_ids, measure_ids)
    chart = charts.comparison_chart(comparison, current_content(), current_language())
    if chart is None:
        abort(404)
    return svg_response(chart)


def requested_ids() -> tuple[list[str], list[str]]:
    """Return the report and measure ids the query names, in its order, without repeats.

    No reports named: the newest ``DEFAULT_COMPARED``.
    """
    report_ids = chosen_ids(request.args.getlist("reports")) or [
        report.id for report in every_report()[:DEFAULT_COMPARED]]
    return report_ids, chosen_ids(request.args.getlist("measures"))


def picker_regions(language: Language) -> list[tuple[str, list[Report]]]:
    """Return the picker's reports by region (``by_region``), grouped once per content."""
    return per_content(("compare regions", language.code),
                       lambda shown: by_region(shown.reports.values(), language))


def picker_measures() -> list[Measure]:
    """Return the measures any report gives (the picker's), found once per content."""
    return per_content("compare measures",
                       lambda shown: reported_measures(shown, shown.reports.values()))


def by_region(reports: Iterable[Report], language: Language) -> list[tuple[str, list[Report]]]:
    """Group reports by the region of their courts, newest first in each.

    Regions are in alphabetical order: by pinyin in Chinese (from the Simplified name, which the
    Traditional is converted from), by name in English.
    """
    def region_key(report: Report) -> tuple[str, ...]:
        name = report.briefing.region.get(language.tag)
        if language.script is None:
            return (name.casefold(), name)
        # The name after its reading: 山西 and 陕西 read alike, and must not interleave.
        return (*lazy_pinyin(report.briefing.region.get("zh-Hans")), "", name)

    ordered = sorted(newest_first(reports), key=region_key)
    return [(region, list(members)) for region, members
            in groupby(ordered, key=lambda report: report.briefing.region.get(language.tag))]


def requested_comparison(report_ids: list[str], measure_ids: list[str]) -> Comparison:
    """Compare the chosen reports on the chosen measures, or answer 400 naming an unknown id."""
    try:
        return compare(current_content(), report_ids, measure_ids, language=current_language())
    except ValueError as error:
        abort(400, description=str(error))


def query(report_ids: list[str], measure_ids: list[str]) -> dict[str, Any]:
    """Return the query values of a choice, ids joined by commas; nothing chosen, nothing said."""
    chosen = {"reports": ",".join(report_ids), "measures": ",".join(measure_ids)}
    return {name: ids for name, ids in chosen.items() if ids}


def comparison_notes(comparison: Comparison, language: Language) -> list[str]:
    """Say where the reports compared are not alike: whose courts, which source, which years."""
    notes = []
    tag = language.tag
    if comparison.scopes_differ:
        scopes = dict.fromkeys(_("%(courts)s (%(kind)s)", courts=report.briefing.scope.courts.get(tag),
                                 kind=scope_kind(report.briefing.scope))
                               for report in comparison.reports)
        notes.append(_("The figures count different courts: %(scopes)s. A row sets them side by "
                       "side as each report states them; it does not make them alike.",
                       scopes=format_list(list(scopes), locale=language.babel)))
    for report in comparison.infographics:
        notes.append(_("%(report)s: the briefing rests on the official infographic (一图读懂), "
                       "not on the full text of the report, and gives only what the infographic "
                       "states.", report=report.briefing.title.get(tag)))
    if comparison.periods_differ:
        years = dict.fromkeys(charts.year_text(report.briefing.year, language)
                              for report in comparison.reports)
        notes.append(_("The reports cover different years: %(years)s.",
                       years=format_list(list(years), locale=language.babel)))
    return notes


def scope_kind(scope: Scope) -> str:
    """Return what kind of courts a scope is, in words: one court, all courts of its area …."""
    kinds = {"court": _("one court"), "all-courts": _("every court of its area"),
             "some-courts": _("some courts")}
    return kinds[scope.kind]
