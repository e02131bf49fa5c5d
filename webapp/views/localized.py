"""Pages in a language: the ``/<lang>`` blueprint that every page blueprint is registered under.

The address names the page's language; a canonical code is served, another spelling of one is
redirected, the rest is a 404. Links between pages stay in the page's language, and the reader's
language is remembered in a cookie (the configured ``LANGUAGE_COOKIE``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, g, has_request_context, redirect, request
from flask.typing import ResponseReturnValue
from werkzeug.http import dump_cookie

from ..cache import is_cacheable
from ..languages import canonical_code, language_for_code
from ..web.locale import current_language
from .links import BILINGUAL_ENDPOINTS, COMPANION_ARG
from .templating import shown_companion

COOKIE_MAX_AGE = 365 * 24 * 3600


def site_blueprint() -> Blueprint:
    """Return a new ``site`` blueprint at ``/<lang>``, for one app's page blueprints.

    Made afresh for each app: the page blueprints are registered under it in the factory
    (``views.register``), and a blueprint takes no new children once an app has it.
    """
    site = Blueprint("site", __name__, url_prefix="/<lang>")
    site.url_value_preprocessor(pull_language)
    site.url_defaults(add_language)
    site.before_request(resolve_language)
    site.after_request(remember_language)
    return site


def pull_language(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """Take the language code out of the address's values: no view takes it as an argument."""
    g.url_language_code = (values or {}).pop("lang", None)


def add_language(endpoint: str, values: dict[str, Any]) -> None:
    """Keep links in the page's language and, between bilingual pages, in its bilingual view."""
    values.setdefault("lang", current_language().code)
    if endpoint in BILINGUAL_ENDPOINTS and has_request_context():
        companion = shown_companion()
        if companion is not None:
            values.setdefault(COMPANION_ARG, companion.code)


def resolve_language() -> ResponseReturnValue | None:
    """Accept a canonical language code, redirect another spelling of it, 404 the rest."""
    code = g.url_language_code
    language = language_for_code(code)
    if language is not None:
        g.language = language
        return None
    canonical = canonical_code(code)
    if canonical is None:
        abort(404)
    path = "/" + canonical + request.full_path[len(code) + 1:].rstrip("?")
    return redirect(path, code=301)


def remember_language(response: Response) -> Response:
    """Remember the reader's language, for a page the page cache does not do it for."""
    language = g.get("language")
    if language is not None and not is_cacheable() \
            and request.cookies.get(cookie_name()) != language.code:
        for name, value in language_cookie_headers(cookie_name(), language.code,
                                                   request.is_secure):
            response.headers[name] = value
    return response


def cookie_name() -> str:
    """Return the name of the cookie that remembers the reader's language, as configured."""
    name: str = current_app.config["LANGUAGE_COOKIE"]
    return name


def language_cookie_headers(cookie: str, code: str, secure: bool) -> list[tuple[str, str]]:
    """Return the headers that set the cookie ``cookie`` to a reader's language, kept private.

    A shared cache must not hand this reader's cookie to the next one. The page cache calls
    this outside any request: the cookie's name is given, not read from the app.
    """
    cookie = dump_cookie(cookie, code, max_age=COOKIE_MAX_AGE, samesite="Lax",
                         httponly=True, secure=secure)
    return [("Set-Cookie", cookie), ("Cache-Control", "private")]
