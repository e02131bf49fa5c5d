"""Views: the page and API blueprints, thin, with presenters and template helpers beside them.

Each role has a module and a blueprint, registered here and nowhere else: pages in a language
are blueprints under the ``site`` blueprint (``/<lang>``, see ``localized``), so their
endpoints read ``site.<role>.<view>``.
"""

from __future__ import annotations

import functools

from flask import Blueprint, Flask, Response, request
from htmx_flask import Htmx

from ..content import current_content
from . import (
    api,
    briefing,
    chart_routes,
    citations,
    compare_page,
    downloads,
    errors,
    glossary_page,
    home,
    localized,
    openapi,
    root,
    search_page,
    source_page,
    templating,
)

# The blueprints of pages in a language, registered under /<lang>.
PAGE_BLUEPRINTS: tuple[Blueprint, ...] = (
    home.blueprint,
    briefing.blueprint,
    source_page.blueprint,
    downloads.blueprint,
    glossary_page.blueprint,
    search_page.blueprint,
    compare_page.blueprint,
    chart_routes.blueprint,
    citations.blueprint,
)


def register(app: Flask) -> None:
    """Register the blueprints, template helpers and error pages on ``app``."""
    Htmx(app)
    templating.init_app(app)
    citations.init_app(app)
    chart_routes.init_app(app)
    site = localized.site_blueprint()
    for page_blueprint in PAGE_BLUEPRINTS:
        site.register_blueprint(page_blueprint)
    for blueprint in (root.blueprint, site, api.blueprint, openapi.blueprint):
        app.register_blueprint(blueprint)
    errors.register(app)
    app.after_request(_keep_drafts_unindexed)
    # The page cache answers most page requests before they reach a view: it sets the
    # language cookie the way the views do.
    app.extensions["page_cache"].personalize = functools.partial(
        localized.language_cookie_headers, app.config["LANGUAGE_COOKIE"])


def _keep_drafts_unindexed(response: Response) -> Response:
    """Ask search engines not to index anything of a draft: pages, PDFs, data and API answers.

    Only a preview shows a draft at all (PREVIEW_DRAFTS); its pages carry the meta tag too.
    """
    report_id = (request.view_args or {}).get("report_id")
    report = current_content().reports.get(report_id) if isinstance(report_id, str) else None
    if report is not None and report.briefing.is_draft:
        response.headers["X-Robots-Tag"] = "noindex"
    return response
