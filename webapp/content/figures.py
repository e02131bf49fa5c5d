"""Format figures for each language with Babel, keeping the scale and decimals the report wrote.

Numbers are read as the reports write them by ``numerals``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from ..config import Language
from ..numerals import (
    CHINESE_SCALES,
    ENGLISH_SCALES,
    TRADITIONAL_OVER,
    TRADITIONAL_SCALES,
    chinese_scale,
    over_inside,
)

if TYPE_CHECKING:
    from .statistics import Change, Figure, Unit

# Where the qualifier goes differs by language (1300余次 / over 1,300 times): each is a
# pattern around the number, translated by the language the figure is formatted in.
QUALIFIERS: dict[str, Callable[[Language, str], str]] = {
    "over": lambda language, number: language.pgettext(
        "余 after a number", "over %(number)s", number=number),
    "exceeds": lambda language, number: language.pgettext(
        "突破 before a number", "more than %(number)s", number=number),
    "more-than": lambda language, number: language.pgettext(
        "超 before a number", "more than %(number)s", number=number),
    "at-least": lambda language, number: language.pgettext(
        "以上 after a number", "%(number)s or more", number=number),
    "reached": lambda language, number: language.pgettext(
        "达 before a number", "%(number)s", number=number),
    "nearly": lambda language, number: language.pgettext(
        "近 before a number", "nearly %(number)s", number=number),
    "about": lambda language, number: language.pgettext(
        "约 before a number", "about %(number)s", number=number),
}
_EXACT = "0.##########"
_GROUPED_EXACT = "#,##0.##########"
_WRITTEN_DECIMALS = re.compile(r"[.．]([0-9０-９]+)")
_ENGLISH = Locale.parse("en")


@dataclass(frozen=True)
class FigureDisplay:
    """A figure ready to show: the big number, its unit, and the change beside it."""

    number: str
    unit: str
    change: str

    @property
    def text(self) -> str:
        """Return the whole figure as one phrase (``72.58亿元``, ``RMB 7.258 billion``)."""
        space = " " if self.unit and self.unit[0].isascii() and self.unit != "%" else ""
        return f"{self.number}{space}{self.unit}"


def format_figure(figure: Figure, units: Mapping[str, Unit], language: Language) -> FigureDisplay:
    """Format ``figure`` for ``language`` as the 一图读懂 infographics show figures."""
    unit = units[figure.unit]
    if unit.id == "percent":
        # The sign belongs to the number: 86.1%, never "86.1 %".
        number = _as_written(figure.value, figure.written, _GROUPED_EXACT, language.locale) + "%"
        unit_text = ""
    elif language.script is not None:
        number = _chinese_number(figure.value, figure.written, language)
        unit_text = unit.measure(language.tag)
    else:
        number, unit_text = _english_number(figure.value, unit)
    if not (language.script is not None and over_inside(figure.written)):
        # 8600余万 says its 余 where the report does; elsewhere the language places the qualifier.
        number = _qualified(figure.qualifier, number, language)
    change = format_change(figure.change, units, language) if figure.change else ""
    return FigureDisplay(number, unit_text, change)


def format_change(change: Change, units: Mapping[str, Unit], language: Language) -> str:
    """Return ``同比上升10.2%`` / ``up 10.2% year on year`` for a figure's change."""
    unit = units[change.unit]
    # 上升1.4倍 is an increase by 140%; "up 1.4 times" is read both ways in English.
    fold_in_english = language.script is None and unit.id == "fold"
    value = change.value * 100 if fold_in_english else change.value
    amount = (format_decimal(value, _GROUPED_EXACT, language.locale) if fold_in_english
              else _as_written(value, change.written, _GROUPED_EXACT, language.locale))
    if language.script is not None:
        amount += unit.measure(language.tag)
    elif unit.id == "percent" or fold_in_english:
        amount += "%"
    else:
        amount += " " + unit.noun(change.value)
    if change.direction == "up":
        return language.gettext("up %(amount)s year on year", amount=amount)
    return language.gettext("down %(amount)s year on year", amount=amount)


def _qualified(qualifier: str | None, number: str, language: Language) -> str:
    """Put the report's qualifier around a number: 2659亿余 / over RMB 265.9 billion."""
    if qualifier is None:
        return number
    return QUALIFIERS[qualifier](language, number)


def _chinese_number(value: Decimal, written: str, language: Language) -> str:
    """Keep the report's own scale: 1.95万 stays 1.95万, 100344 becomes 100,344."""
    scale = chinese_scale(written)
    if scale:
        amount = _as_written(value / CHINESE_SCALES[scale], written, _EXACT, language.locale)
        over = over_inside(written)
        if language.script == "Hant":
            scale = "".join(TRADITIONAL_SCALES[char] for char in scale)
            over = TRADITIONAL_OVER.get(over, over)
        return amount + over + scale
    return _as_written(value, written, _GROUPED_EXACT, language.locale)


def _as_written(value: Decimal, written: str, pattern: str, locale: Locale) -> str:
    """Format ``value`` with at least the decimals the report wrote: 17.0% stays 17.0%."""
    decimals = _WRITTEN_DECIMALS.search(written)
    if decimals is None:
        return format_decimal(value, pattern, locale)
    places = len(decimals[1])
    integer = pattern.split(".")[0]
    return format_decimal(value, f"{integer}.{'0' * places}{'#' * (10 - places)}", locale)


def format_decimal(value: Decimal, pattern: str, locale: Locale) -> str:
    """Format ``value`` as Babel's ``format_decimal`` does, the pattern parsed once a process.

    A page of figures formats each of them: parsing its pattern anew was a fifth of the time.
    """
    return _parsed(pattern).apply(value, locale)


@functools.cache
def _parsed(pattern: str) -> NumberPattern:
    """Return a number pattern parsed: the patterns are a few, the figures many."""
    return parse_pattern(pattern)


def _english_number(value: Decimal, unit: Unit) -> tuple[str, str]:
    """Return the number and unit in English: ``RMB 7.258 billion``, ``19,500`` ``cases``."""
    if unit.id == "yuan":
        for word, size in ENGLISH_SCALES.items():
            if value >= size:
                amount = format_decimal(value / size, _GROUPED_EXACT, _ENGLISH)
                return f"RMB {amount} {word}", ""
        return "RMB " + format_decimal(value, _GROUPED_EXACT, _ENGLISH), ""
    return format_decimal(value, _GROUPED_EXACT, _ENGLISH), unit.noun(value)
