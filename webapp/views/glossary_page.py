"""The glossary page: every term of art in the language, filtered by ``?q=``."""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..content import current_content
from ..glossary import backlinks, ordered
from ..languages import current_language
from ..search import MAX_QUERY_LENGTH
from .rendering import render_page
from .search_view import glossary_filter

blueprint = Blueprint("glossary", __name__)


@blueprint.get("/glossary")
def page() -> Response:
    query = request.args.get("q", "")[:MAX_QUERY_LENGTH]
    language = current_language()
    found = glossary_filter(query, language)
    terms = [term for term in ordered(current_content().glossary, language.tag)
             if found.ids is None or term.id in found.ids]
    return render_page("glossary.html", terms=terms, query=query, named=found.named,
                       backlinks=backlinks(current_content().reports.values()))
