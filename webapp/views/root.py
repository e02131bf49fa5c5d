"""The addresses outside any language: the root redirect, the favicon and the health check."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for
from flask.typing import ResponseReturnValue

from .. import pdf
from ..content import current_content
from ..languages import negotiate
from ..search import index_built
from .localized import cookie_name

blueprint = Blueprint("root", __name__)


@blueprint.get("/")
def home() -> ResponseReturnValue:
    """Send the reader to the home page in the language they most likely read."""
    language = negotiate(request.accept_languages, request.cookies.get(cookie_name()))
    response = redirect(url_for("site.home.index", lang=language.code))
    response.vary.update(("Accept-Language", "Cookie"))
    return response


@blueprint.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """Answer browsers that ask for /favicon.ico without reading the page's icon link."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@blueprint.get("/healthz")
def healthz() -> Response:
    """Report that the app is up, how much content it serves, and what is warm yet."""
    processes = pdf.renderer().processes
    return jsonify(status="ok", reports=len(current_content().reports),
                   search_index=index_built(current_app),
                   pdf_processes=None if processes is None else processes.ready.is_set(),
                   pdf_cache=pdf.warmth())
