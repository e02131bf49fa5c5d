"""Error pages: a localized page (or JSON under /api) for every error, never a traceback."""

from __future__ import annotations

from flask import Flask, current_app, g, jsonify, redirect, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import RoutingException

from ..config import DEFAULT_LANGUAGE
from ..languages import language_for_spelling, negotiate
from .localized import cookie_name
from .rendering import render_page

RETRY_AFTER_SECONDS = 5


def register(app: Flask) -> None:
    """Answer errors on ``app`` with a localized page (or JSON under /api), never a traceback."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        in_api = request.path.startswith("/api/")
        if error.code == 404 and not in_api:
            target = without_trailing_slash()
            if target is not None:
                return redirect(target, code=308)
        if "language" not in g and in_api:
            # The API speaks the language its `lang` names, by default the API's default.
            g.language = language_for_spelling(request.args.get("lang", "")) or DEFAULT_LANGUAGE
        elif "language" not in g:
            # No page matched: speak the language the address names, else the reader's.
            first_segment = request.path.strip("/").split("/", 1)[0]
            g.language = (language_for_spelling(first_segment)
                          or negotiate(request.accept_languages,
                                       request.cookies.get(cookie_name())))
        messages = {
            404: _("There is no page at this address."),
            405: _("This address does not accept that kind of request."),
            400: _("The request could not be understood."),
        }
        message = messages.get(error.code or 500, _("Something went wrong."))
        if error.description != type(error).description:
            message = error.description or message
        if in_api:
            response = jsonify(error=message)
            response.status_code = error.code or 500
        else:
            response = render_page("error.html", status=error.code or 500, code=error.code,
                                   message=message, suggestions=getattr(error, "suggestions", ()))
        # A 405 names the methods the address accepts (RFC 9110), as Werkzeug's own page does.
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        if error.code == 503:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> ResponseReturnValue:
        app.logger.exception("unhandled error", exc_info=error)
        return http_error(_InternalError())


def without_trailing_slash() -> str | None:
    """Return the address of the page a path with a stray trailing slash means, if there is one.

    ``/en/reports/x`` is redirected to ``/en/reports/x/`` by the routing itself; this is the
    other direction, so that both mistakes lead to the page.
    """
    path = request.path
    if request.method not in ("GET", "HEAD") or len(path) < 2 or not path.endswith("/"):
        return None
    stripped = path.rstrip("/")
    try:
        current_app.url_map.bind_to_environ(request.environ).match(stripped, method="GET")
    except (HTTPException, RoutingException):
        return None
    query = request.query_string.decode("utf-8", "replace")
    return stripped + ("?" + query if query else "")


class _InternalError(HTTPException):
    code = 500
    description = "Internal error."
