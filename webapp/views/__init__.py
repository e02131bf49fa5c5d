"""Views: the page and API blueprints, thin, with presenters and template helpers beside them."""

from __future__ import annotations

from flask import Flask
from htmx_flask import Htmx

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
    # The page cache answers most page requests before they reach a view: it sets the
    # language cookie the way the views do.
    app.extensions["page_cache"].personalize = language_cookie_headers
