"""Views: the page and API blueprints, thin, with presenters and template helpers beside them."""

from __future__ import annotations

from flask import Flask, Response, request
from htmx_flask import Htmx

from ..web.content import current_content
from . import chart_routes, citations, compare_page, templating  # noqa: F401 (their routes)
from .api import api
from .pages import language_cookie_headers, register_error_handlers, root, site


def init_app(app: Flask) -> None:
    """Register the blueprints, template helpers and error pages on ``app``."""
    Htmx(app)
    templating.init_app(app)
    citations.init_app(app)
    chart_routes.init_app(app)
    for blueprint in (root, site, api):
        app.register_blueprint(blueprint)
    register_error_handlers(app)
    app.after_request(_keep_drafts_unindexed)
    # The page cache answers most page requests before they reach a view: it sets the
    # language cookie the way the views do.
    app.extensions["page_cache"].personalize = language_cookie_headers


def _keep_drafts_unindexed(response: Response) -> Response:
    """Ask search engines not to index anything of a draft: pages, PDFs, data and API answers.

    Only a preview shows a draft at all (PREVIEW_DRAFTS); its pages carry the meta tag too.
    """
    report_id = (request.view_args or {}).get("report_id")
    report = current_content().reports.get(report_id) if isinstance(report_id, str) else None
    if report is not None and report.briefing.is_draft:
        response.headers["X-Robots-Tag"] = "noindex"
    return response
