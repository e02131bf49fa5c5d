"""The language of a request: negotiated from the cookie and Accept-Language, and that of a rendering."""

from __future__ import annotations

import pytest
from flask import Flask, g
from flask_babel import gettext
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from webapp.config import LANGUAGES_BY_CODE
from webapp.web.locale import current_language, negotiate, rendering_in


def accept(header: str) -> LanguageAccept:
    return parse_accept_header(header, LanguageAccept)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-TW,zh;q=0.9,en;q=0.8", "zh-hant"),
        ("zh-HK", "zh-hant"),
        ("zh-MO,en;q=0.5", "zh-hant"),
        ("zh-Hant", "zh-hant"),
        ("zh-CN,zh;q=0.9", "zh-hans"),
        ("zh-SG", "zh-hans"),
        ("zh", "zh-hans"),
        ("en-US,en;q=0.9", "en"),
        ("fr-FR,de;q=0.8", "en"),
        ("en;q=0.5,zh-TW;q=0.9", "zh-hant"),
        ("", "zh-hans"),
        ("%%%;q=abc", "zh-hans"),
    ],
)
def test_negotiation_matches_by_script(header: str, expected: str) -> None:
    assert negotiate(accept(header), None).code == expected


def test_cookie_wins_over_accept_language() -> None:
    assert negotiate(accept("en-US"), "zh-hant").code == "zh-hant"


def test_malformed_cookie_is_ignored() -> None:
    assert negotiate(accept("zh-TW"), "klingon").code == "zh-hant"


def test_a_rendering_takes_its_language_and_gives_the_request_s_back(app: Flask) -> None:
    with app.test_request_context("/zh-hans/"):
        g.language = LANGUAGES_BY_CODE["zh-hans"]
        with rendering_in(LANGUAGES_BY_CODE["en"]):
            assert current_language().code == "en"
            assert gettext("Extract: %(sections)s", sections="x") == "Extract: x"
        assert current_language().code == "zh-hans"
        assert gettext("Extract: %(sections)s", sections="x") == "节选：x"


def test_a_rendering_outside_any_language_leaves_none_behind(app: Flask) -> None:
    with app.test_request_context("/"):
        with rendering_in(LANGUAGES_BY_CODE["zh-hant"]):
            assert current_language().code == "zh-hant"
        assert "language" not in g
