"""The glossary page: every term of art in the language, filtered by ``?q=``.

Each term names the briefing sections that use it, the newest reports first and at most
``USES_SHOWN`` of them: the list would otherwise grow with every report, and a search for the
term finds the rest.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..glossary import backlinks, ordered
from ..search import MAX_QUERY_LENGTH
from ..web.content import current_content, per_content
from ..web.locale import current_language
from .paging import every_report
from .rendering import render_page
from .search_view import glossary_filter

blueprint = Blueprint("glossary", __name__)
USES_SHOWN = 6


@blueprint.get("/glossary")
def page() -> Response:
    query = request.args.get("q", "")[:MAX_QUERY_LENGTH]
    language = current_language()
    found = glossary_filter(query, language)
    terms = [term for term in ordered(current_content().glossary, language.tag)
             if found.ids is None or term.id in found.ids]
    return render_page("glossary.html", terms=terms, query=query, named=found.named,
                       backlinks=per_content("glossary backlinks", lambda _shown: backlinks(every_report())),
                       uses_shown=USES_SHOWN)
