"""The site's front pages in a language: the list of reports and the About page."""

from __future__ import annotations

from flask import Blueprint, Response

from ..content import current_content
from .rendering import render_page

blueprint = Blueprint("home", __name__)


@blueprint.get("/")
def index() -> Response:
    content = current_content()
    return render_page("index.html", reports=list(content.reports.values()))


@blueprint.get("/about")
def about() -> Response:
    return render_page("about.html")
