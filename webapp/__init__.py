"""Court Report Briefings: structured briefings of Chinese court work reports.

The package imports no Flask: the core (content, search, drafting, comparisons, charts) is a
plain library, and ``create_app`` loads the web layer only when it builds the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app; raise ContentError (naming every problem) on invalid content."""
    import click
    from flask import Flask

    from . import assets, cache, cli, pdf, security, views
    from .content.yamlfile import ContentError
    from .web import content, locale, search

    app = Flask(__name__, static_folder="../static", static_url_path="/static")
    app.config.from_object("webapp.config.DefaultConfig")
    # Drafts are previewed on the editor's own server; FLASK_PREVIEW_DRAFTS still decides.
    app.config["PREVIEW_DRAFTS"] = _under_flask_command("run")
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.update(test_config)

    try:
        content.init_app(app)
    except ContentError as error:
        if _under_flask_command():
            # The flask command shows the problems as `content check` prints them, no traceback.
            raise click.ClickException(f"Invalid content:\n{error}") from None
        raise
    locale.init_app(app)
    cache.init_app(app)
    assets.init_app(app)
    search.init_app(app)
    security.init_app(app)
    views.register(app)
    # After the views: it loads the print template, which uses their filters. PDFs print the
    # address readers use in their links: the views know it, PDF rendering is given it.
    pdf.init_app(app, views.links.public_base)
    cli.init_app(app)
    return app


def _under_flask_command(name: str | None = None) -> bool:
    """Tell whether the app is being made for a command (``name``: that one, e.g. ``run``)."""
    import click

    context = click.get_current_context(silent=True)
    return context is not None and name in (None, context.command.name)
