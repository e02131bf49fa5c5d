"""The search page: every report and the glossary, searched in any script."""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..languages import current_language
from .rendering import render_page
from .search_view import run_search

blueprint = Blueprint("search", __name__)


@blueprint.get("/search")
def page() -> Response:
    outcome = run_search(request.args, current_language())
    return render_page("search.html", status=outcome.status, search=outcome)
