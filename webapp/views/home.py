"""The site's front pages in a language: the list of reports, a page at a time, and About."""

from __future__ import annotations

from flask import Blueprint, Response

from .paging import listing
from .rendering import render_page

blueprint = Blueprint("home", __name__)


@blueprint.get("/", defaults={"number": 1})
@blueprint.get("/page/<int:number>")
def index(number: int) -> Response:
    """List the reports newest first, a page of them (``/page/1`` is redirected to ``/``)."""
    return render_page("index.html", listing=listing("site.home.index", number))


@blueprint.get("/about")
def about() -> Response:
    return render_page("about.html")
