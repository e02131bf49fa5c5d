"""Views: the page and API blueprints, thin, with presenters and template helpers beside them."""

from __future__ import annotations

from flask import Flask
from htmx_flask import Htmx

from . import chart_routes, compare_page, templating  # noqa: F401 (their routes)
from .api import api
from .pages import register_error_handlers, root, site


def init_app(app: Flask) -> None:
    """Register the blueprints, template helpers and error pages on ``app``."""
    Htmx(app)
    templating.init_app(app)
    chart_routes.init_app(app)
    for blueprint in (root, site, api):
        app.register_blueprint(blueprint)
    register_error_handlers(app)
