"""Court Report Briefings: structured briefings of Chinese court work reports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click
from flask import Flask


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app; refuse to start (SystemExit naming every problem) on invalid content."""
    app = Flask(__name__, static_folder="../static", static_url_path="/static")
    app.config.from_object("webapp.config.DefaultConfig")
    # Drafts are previewed on the editor's own server; FLASK_PREVIEW_DRAFTS still decides.
    app.config["PREVIEW_DRAFTS"] = _under_flask_run()
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.update(test_config)

    from . import assets, cache, cli, content, languages, pdf, search, security, views
    from .content.yamlfile import ContentError
    from .views.links import public_base

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
    # After the views: it loads the print template, which uses their filters. PDFs print the
    # address readers use in their links: the views know it, PDF rendering is given it.
    pdf.init_app(app, public_base)
    cli.init_app(app)
    return app


def _under_flask_run() -> bool:
    """Tell whether the app is being made for `flask run`, the development server."""
    context = click.get_current_context(silent=True)
    return context is not None and context.command.name == "run"
