"""The content of one app: loaded once at start-up, and the public view readers are shown."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, current_app

from ..build import ensure_built, open_build
from ..content import load_content
from ..content.reports import Content

LOGGER = logging.getLogger(__name__)
T = TypeVar("T")


def init_app(app: Flask) -> None:
    """Load the content once for ``app``; raise ContentError if it is invalid.

    With CONTENT_BUILD on, the content is read from the build of its generation (built here
    first if no process built it yet, ``webapp.build``), not validated again.
    """
    content_dir = Path(app.config["CONTENT_DIR"])
    if uses_build(app):
        try:
            build = open_build(ensure_built(content_dir, Path(app.config["CONTENT_BUILD_DIR"])))
        except OSError as error:
            # Serving comes first: a folder that cannot be written costs speed, not the site.
            LOGGER.warning("The content could not be built in %s (%s): loading it in memory.",
                           app.config["CONTENT_BUILD_DIR"], error)
        else:
            app.extensions["content_build"] = build
            app.extensions["content"] = build.content
            return
    app.extensions["content"] = load_content(content_dir)


def uses_build(app: Flask) -> bool:
    """Tell whether ``app`` reads its content from a build (CONTENT_BUILD; unset: unless testing)."""
    setting = app.config["CONTENT_BUILD"]
    return not app.config["TESTING"] if setting is None else bool(setting)


def all_content() -> Content:
    """Return every report of the current app, drafts included: for commands, not for readers."""
    content: Content = current_app.extensions["content"]
    return content


def current_content() -> Content:
    """Return the content the site shows: drafts only where previews are on (PREVIEW_DRAFTS).

    Every page, list, search index, comparison, API answer and frozen copy reads the
    content here, so a draft kept from readers is kept from all of them at once.
    """
    content = all_content()
    if current_app.config["PREVIEW_DRAFTS"]:
        return content
    # Made once per loaded content: the view is asked for on every request.
    memo: tuple[Content, Content] | None = current_app.extensions.get("published_content")
    if memo is None or memo[0] is not content:
        memo = (content, content.published())
        current_app.extensions["published_content"] = memo
    return memo[1]


def per_content(key: Hashable, make: Callable[[Content], T]) -> T:
    """Return ``make(current_content())``, made once per content the site shows and ``key``.

    For what every page of a kind would otherwise derive from every report again (their order,
    the compare picker's regions …): at hundreds of reports it would cost each page more the
    more reports there are, and a freeze asks for thousands of pages. ``key`` names what is
    made, with anything else it depends on (the language); a reloaded content starts afresh.
    """
    content = current_content()
    memo: tuple[Content, dict[Hashable, Any]] | None = current_app.extensions.get("per_content")
    if memo is None or memo[0] is not content:
        memo = (content, {})
        current_app.extensions["per_content"] = memo
    if key not in memo[1]:
        memo[1][key] = make(content)
    made: T = memo[1][key]
    return made
