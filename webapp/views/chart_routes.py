"""Charts as SVG files, shown with <img> (the site's CSP blocks the styles of an inline SVG).

A chart's URL carries the content generation (``v``): browsers keep the SVG of the current
generation for long, and the page cache keeps each drawing as it keeps pages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import Blueprint, Flask, Response, abort, request, url_for

from .. import charts
from ..cache import mark_cacheable, page_cache
from ..charts import Chart
from ..content.reports import Report
from ..web.content import current_content
from ..web.locale import current_language
from .lookups import get_report

# Within one generation a chart never changes; another generation is another URL.
IMMUTABLE = "public, max-age=31536000, immutable"
# Opened on its own, the SVG is a document of its own: it may use its own styles, nothing else.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"

blueprint = Blueprint("charts", __name__)


@dataclass(frozen=True)
class ShownChart:
    """A chart with the URL of its drawing and the id of its figure on the page."""

    chart: Chart
    url: str
    anchor: str


def init_app(app: Flask) -> None:
    """Give the templates of ``app`` the charts of a report."""
    app.context_processor(lambda: {"caseload_charts": shown_caseload_charts, "year_text": year_text})


def generation() -> str:
    """Return the id of the content and code the charts are drawn from (the page cache's)."""
    return page_cache().generation.key


def year_text(year: int) -> str:
    """Return a year as the current language writes it alone: 2023年, 2023."""
    return charts.year_text(year, current_language())


def shown_caseload_charts(report: Report) -> list[ShownChart]:
    """Return the charts of a report's caseload by case type, in the current language."""
    content = current_content()
    shown = []
    for whole in charts.caseload_wholes(content):
        chart = charts.caseload_chart(report, content, whole, current_language())
        if chart is not None:
            url = url_for("site.charts.caseload", report_id=report.id, measure_id=whole.id,
                          v=generation())
            shown.append(ShownChart(chart, url, f"chart-{whole.id}"))
    return shown


@blueprint.get("/reports/<report_id>/charts/<measure_id>.svg")
def caseload(report_id: str, measure_id: str) -> Response:
    found = get_report(report_id)
    content = current_content()
    whole = content.measures.get(measure_id)
    chart = None if whole is None else charts.caseload_chart(found, content, whole,
                                                             current_language())
    if chart is None:
        abort(404)
    return svg_response(chart)


def svg_response(chart: Chart) -> Response:
    """Answer with the drawing of ``chart``; the page cache keeps it, as it keeps pages."""
    drawing = charts.render_svg(chart, current_language()).encode()
    response = Response(drawing, mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = SVG_POLICY
    response.set_etag(hashlib.blake2b(drawing, digest_size=16).hexdigest())
    current = request.args.get("v") == generation()
    response.headers["Cache-Control"] = IMMUTABLE if current else "no-cache"
    response.make_conditional(request)
    mark_cacheable(None)  # The same drawing for every reader: no language cookie with it.
    return response
