"""Court Report Briefings: structured briefings of Chinese court work reports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app; refuse to start (SystemExit naming every problem) on invalid content."""
    app = Flask(__name__, static_folder="../static", static_url_path="/static")
    app.config.from_object("webapp.config.DefaultConfig")
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.update(test_config)

    from . import assets, cache, cli, content, languages, pdf, search, security, views
    from .content.yamlfile import ContentError

    try:
        content.init_app(app)
    except ContentError as error:
        # Refuse to start, with the messages `flask content check` prints.
        raise SystemExit(f"Invalid content:\n{error}") from None
    languages.init_app(app)
    cache.init_app(app)
    assets.init_app(app)
    search.init_app(app)
    security.init_app(app)
    views.init_app(app)
    pdf.init_app(app)  # After the views: it loads the print template, which uses their filters.
    cli.init_app(app)
    return app
