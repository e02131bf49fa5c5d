"""The language of a request: chosen from its URL, cookie or Accept-Language, told to Flask-Babel.

The core takes a ``Language`` as an argument; only the web layer has a request to read it from.
Templates and views translate with Flask-Babel's ``gettext``, whose locale is the request's
language (``select_locale``); ``rendering_in`` makes another language that of a rendering (a
PDF, which has no request of its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, g
from flask_babel import Babel, force_locale, refresh
from werkzeug.datastructures import LanguageAccept

from ..config import DEFAULT_LANGUAGE, LANGUAGES_BY_CODE, Language
from ..languages import language_for_code, language_for_tag

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with the language the URL names, and templates' gettext with its catalog."""
    Babel(app, locale_selector=select_locale)
    app.before_request(_forget_the_last_requests_language)
    # The catalog Flask-Babel would select for the same language, read from the language
    # itself: Flask-Babel finds it again through its context at each message, about six times
    # the cost, and a page says a few hundred messages.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: current_language().translations.ugettext(message),
        ngettext=lambda singular, plural, n: current_language().translations.ungettext(
            singular, plural, n),
        pgettext=lambda context, message: current_language().translations.upgettext(
            context, message),
        npgettext=lambda context, singular, plural, n: current_language().translations.unpgettext(
            context, singular, plural, n),
        newstyle=True,
    )


def _forget_the_last_requests_language() -> None:
    """Start each request with no language chosen and none cached by Flask-Babel.

    Both live on ``g``, which requests share when they run inside one app context, as ``flask
    freeze`` asks for every page: a page must never speak the language of the one before it.
    """
    g.pop("language", None)
    refresh()


def current_language() -> Language:
    """Return the language of the current request (from its URL), or the default."""
    language: Language = g.get("language", DEFAULT_LANGUAGE)
    return language


def select_locale() -> str:
    """Return exactly the catalog id (``zh_Hant``, never ``zh_Hant_TW``)."""
    return current_language().babel


@contextmanager
def rendering_in(language: Language) -> Iterator[None]:
    """Make ``language`` the current language, for templates and their helpers, then restore."""
    missing = object()
    previous = g.get("language", missing)
    g.language = language
    try:
        with force_locale(language.babel):
            yield
    finally:
        if previous is missing:
            g.pop("language", None)
        else:
            g.language = previous


def negotiate(accept: LanguageAccept, cookie: str | None) -> Language:
    """Choose a language from the cookie, then Accept-Language, then the default.

    A browser that asks for no Chinese gets English; one that asks for nothing gets the
    default. Malformed values are ignored.
    """
    from_cookie = language_for_code(cookie)
    if from_cookie is not None:
        return from_cookie
    ranked = sorted(
        ((quality, index, tag) for index, (tag, quality) in enumerate(accept)
         if quality > 0 and _LANGUAGE_TAG.match(tag)),
        key=lambda item: (-item[0], item[1]),
    )
    for _quality, _index, tag in ranked:
        language = language_for_tag(tag)
        if language is not None:
            return language
    if ranked:
        return LANGUAGES_BY_CODE["en"]
    return DEFAULT_LANGUAGE
