"""The site's front pages in a language: the list of reports, a page at a time, and About."""

from __future__ import annotations

from flask import Blueprint, Response

from .paging import HOME, every_report, listing
from .rendering import render_page

blueprint = Blueprint("home", __name__)
# The first page of the listing leads with the newest reports, each with its first headline
# figures, every figure a link to its card in the report, which gives its sentence and cites it;
# the other reports, there and on the pages past it, are a line each: their title, court, year
# and last change, for finding one among hundreds. With every headline figure of each listed
# report as a card, a page of 12 reports was 72 cards, some twenty screens on a phone, and cost
# two and a half times today's page of three reports to make.
FEATURED = 3
FIGURES_LISTED = 3


@blueprint.get("/", defaults={"number": 1})
@blueprint.get("/page/<int:number>")
def index(number: int) -> Response:
    """List the reports newest first, a page of them (``/page/1`` is redirected to ``/``)."""
    found = listing(HOME, number, every_report())
    featured = found.items[:FEATURED] if found.number == 1 else []
    return render_page("index.html", listing=found, featured=featured,
                       others=found.items[len(featured):], figures_listed=FIGURES_LISTED)


@blueprint.get("/about")
def about() -> Response:
    return render_page("about.html")
