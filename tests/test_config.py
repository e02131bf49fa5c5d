"""Languages: each formats and translates by itself, whatever locale is around it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from webapp.config import LANGUAGES, LANGUAGES_BY_CODE, Language


@pytest.mark.parametrize(("code", "expected"), [("zh-hans", "节选：经济"), ("zh-hant", "節選：经济"),
                                                ("en", "Extract: 经济")])
def test_a_language_translates_with_its_own_catalog(code: str, expected: str) -> None:
    assert LANGUAGES_BY_CODE[code].gettext("Extract: %(sections)s", sections="经济") == expected


def test_a_message_in_context_and_a_plural_are_translated() -> None:
    english, chinese = LANGUAGES_BY_CODE["en"], LANGUAGES_BY_CODE["zh-hans"]
    assert english.pgettext("余 after a number", "over %(number)s", number="5") == "over 5"
    assert chinese.pgettext("余 after a number", "over %(number)s", number="5") == "5余"
    assert english.ngettext("PDF, %(size)s KB, %(num)d page", "PDF, %(size)s KB, %(num)d pages",
                            2, size=3) == "PDF, 3 KB, 2 pages"
    assert chinese.ngettext("PDF, %(size)s KB, %(num)d page", "PDF, %(size)s KB, %(num)d pages",
                            1, size=3) == "PDF，3 KB，1页"


def test_a_message_without_variables_keeps_its_percent_signs() -> None:
    # As Flask-Babel's gettext: a message is %-formatted only when it has variables.
    assert LANGUAGES_BY_CODE["en"].gettext("100%") == "100%"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_a_language_s_locale_is_its_catalog_s(language: Language) -> None:
    assert str(language.locale) == language.babel
    assert format_decimal(Decimal("19500.5"), locale=language.locale) == "19,500.5"
