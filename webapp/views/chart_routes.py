"""Charts as SVG files, shown with <img> (the site's CSP blocks the styles of an inline SVG).

A chart's URL carries the content generation (``v``): the SVG of the current generation is
cached for long, and each app keeps the few hundred it drew last in memory.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, abort, current_app, request, url_for

from .. import charts, pdf
from ..charts import Chart
from ..content import current_content
from ..content.models import Report
from ..languages import current_language
from .pages import get_report, site

CACHED_CHARTS = 256
# Within one generation a chart never changes; another generation is another URL.
IMMUTABLE = "public, max-age=31536000, immutable"
# Opened on its own, the SVG is a document of its own: it may use its own styles, nothing else.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


@dataclass(frozen=True)
class ShownChart:
    """A chart with the URL of its drawing and the id of its figure on the page."""

    chart: Chart
    url: str
    anchor: str


class ChartCache:
    """The SVG drawings an app made last, by what they show and in which language."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._drawings: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], draw: Callable[[], str]) -> bytes:
        """Return the drawing for ``key``, drawing it first if it is not kept."""
        with self._lock:
            if key in self._drawings:
                self._drawings.move_to_end(key)
                return self._drawings[key]
        drawing = draw().encode()
        with self._lock:
            self._drawings[key] = drawing
            while len(self._drawings) > self.size:
                self._drawings.popitem(last=False)
        return drawing


def init_app(app: Flask) -> None:
    """Give ``app`` its chart cache and its templates the charts of a report."""
    app.extensions["charts"] = ChartCache(CACHED_CHARTS)
    app.context_processor(lambda: {"caseload_charts": shown_caseload_charts,
                                   "year_text": year_text})


def generation() -> str:
    """Return the id of the content and code the charts are drawn from (the PDF cache's)."""
    return hashlib.sha256(pdf.renderer().startup_fingerprint.encode()).hexdigest()[:16]


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
            url = url_for("site.caseload_chart", report_id=report.id, measure_id=whole.id,
                          v=generation())
            shown.append(ShownChart(chart, url, f"chart-{whole.id}"))
    return shown


@site.get("/reports/<report_id>/charts/<measure_id>.svg")
def caseload_chart(report_id: str, measure_id: str) -> Response:
    found = get_report(report_id)
    content = current_content()
    whole = content.measures.get(measure_id)
    chart = None if whole is None else charts.caseload_chart(found, content, whole,
                                                             current_language())
    if chart is None:
        abort(404)
    return svg_response(("caseload", report_id, measure_id), chart)


def svg_response(key: tuple[Any, ...], chart: Chart) -> Response:
    """Answer with the drawing of ``chart`` (``key``: what it shows), cached and conditional."""
    language = current_language()
    cache: ChartCache = current_app.extensions["charts"]
    drawing = cache.get((*key, language.code), lambda: charts.render_svg(chart, language))
    response = Response(drawing, mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = SVG_POLICY
    response.set_etag(hashlib.blake2b(drawing, digest_size=16).hexdigest())
    current = request.args.get("v") == generation()
    response.headers["Cache-Control"] = IMMUTABLE if current else "no-cache"
    response.make_conditional(request)
    return response
