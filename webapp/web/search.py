"""The search index of one app's content, built at the first search or beside the first requests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, current_app

from ..build import Build
from ..content.reports import Content
from ..search import SearchIndex, collect_entries
from .content import current_content


@dataclass
class _LazyIndex:
    """The index of one app's content, built at the first search (not at start-up)."""

    index: SearchIndex | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def init_app(app: Flask) -> None:
    """Give ``app`` a search index of its content, built when first used."""
    app.extensions["search"] = _LazyIndex()


def warm_up(app: Flask, then: Callable[[], object] | None = None) -> threading.Thread:
    """Build ``app``'s index in the background, so that the first search need not wait for it;
    then call ``then`` (wsgi.py freezes what the worker made, as it does after start-up).

    Not part of start-up: a worker serves at once, and the build (about 0.3 s for today's
    content) runs beside its first requests.
    """
    def build() -> None:
        with app.app_context():
            current_index()
        if then is not None:
            then()

    thread = threading.Thread(target=build, name="search-index", daemon=True)
    thread.start()
    return thread


def index_built(app: Flask) -> bool:
    """Tell whether ``app``'s search index is built (for /healthz)."""
    lazy: _LazyIndex = app.extensions["search"]
    return lazy.index is not None


def current_index() -> SearchIndex:
    """Return the search index of the current app's content, building it once."""
    lazy: _LazyIndex = current_app.extensions["search"]
    if lazy.index is None:
        with lazy.lock:
            if lazy.index is None:
                build: Build | None = current_app.extensions.get("content_build")
                # The build indexes the published content: previews of drafts index their own.
                if build is not None and not current_app.config["PREVIEW_DRAFTS"]:
                    lazy.index = build.search_index()
                else:
                    lazy.index = index_in_memory(current_content())
    return lazy.index


def index_in_memory(content: Content) -> SearchIndex:
    """Build the search index of ``content`` in memory (an app without a build, or previewing)."""
    return SearchIndex(collect_entries(content))
