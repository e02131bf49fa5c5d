"""Match the numbers of a Chinese block with those of its English translation, value for value.

A translation is only as trustworthy as its numbers. Every number a block writes in digits
(1.95万, 72.58亿, 10.2%, 5.5个百分点, 上升1.4倍, 2024年1月5日) and every quantity written in
Chinese numerals of two or more characters (二十多个) must stand in the English with the same
value and kind, in English form (19,500; 7.258 billion; 10.2%; 5.5 percentage points; 1.4-fold;
5 January 2024; more than 20). A number in the English that the Chinese does not hold is
refused too: the translation says nothing the report does not.

The Chinese is read with the shared numerals (``parse_written``, cn2an through
``chinese_numeral_value``) and the drafter's ``find_figures``; only English forms are read here.
Ordinals and one-character numerals (第四批, 十年, 五个故事) are set phrases or left to words: they
are not required, but a digit the English writes for one of them is not refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from babel.numbers import format_decimal

from ..markup import GAP
from ..numerals import ENGLISH_SCALES, NUMBER, SCALE, digit_by_digit, parse_written
from ..numerals import chinese_numeral_value as chinese_value

Kind = Literal["plain", "year", "percent", "points", "fold", "date", "month"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_GROUPED = "#,##0.##########"
# A count this large is written with thousands apart by commas (outside tables).
_GROUPING_FROM = 1000

_ZH_DATE = re.compile(r"(?P<year>\d{4})年(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})[日号])?"
                      r"|(?<!\d)(?P<month_only>\d{1,2})月(?:(?P<day_only>\d{1,2})[日号])?")
# A date in Chinese numerals, as a delivery line writes it (二〇二六年三月九日).
_ZH_NUMERAL_DATE = re.compile(r"(?P<year>[〇零一二三四五六七八九]{4})年"
                              r"(?P<month>[一二三四五六七八九十]{1,2})月"
                              r"(?:(?P<day>[一二三四五六七八九十]{1,3})[日号])?")
# The first month of a span (1-11月, 1至11月): a month too, though 月 follows only the second.
_ZH_MONTH_SPAN = re.compile(r"(?<![\d.])(?P<month>\d{1,2})\s*[-－—–~～至到]\s*(?=\d{1,2}月)")
_ZH_NUMERAL_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿]+")
_ZH_PERCENT = re.compile(r"[%％]")
_ZH_POINTS = re.compile(r"个?百分点")
_ZH_QUALIFIER_BEFORE_SCALE = "余多"
_GAP = re.compile(GAP)
_LARGEST_SCALE_FIRST = sorted(((size, word) for word, size in ENGLISH_SCALES.items()), reverse=True)
_MINUS = ("-", "−")
_WRITTEN_KIND = {"percent": "%", "points": "个百分点", "fold": "倍"}

_MONTH = "|".join(MONTHS)
_EN_DATE = re.compile(rf"(?<![\w.,])(?:(?P<day>\d{{1,2}}) )?(?P<month>{_MONTH})\b(?: (?P<year>\d{{4}})\b)?")
_EN_NUMBER = re.compile(
    r"(?<![\w.,])(?P<sign>[-−](?=\d))?(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)"
    r"(?:\s(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<suffix>\s?%|\sper\s?cent\b|\spercent\b|\spercentage\spoints?\b|-fold\b)?")
_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_EN_WORD = re.compile(r"\b(?P<tens>" + "|".join(_TENS) + r")-(?P<unit>" + "|".join(_WORDS[1:10])
                      + r")\b|\b(?P<word>" + "|".join([*_WORDS, *_TENS]) + r")\b", re.IGNORECASE)
_EN_SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6,
              "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


@dataclass(frozen=True)
class Number:
    """A number found in a text: as written, its value and kind, and where it stands.

    ``value`` is a Decimal, or for a date or month its key (``2024-1-5``, ``-1``).
    ``grouped``: written with thousands apart by commas (English); ``quantity``: a count of
    something (Chinese), which English writes grouped; ``word``: spelled out (two, twenty).
    """

    written: str
    value: Decimal | str
    kind: Kind
    start: int
    end: int
    grouped: bool = False
    quantity: bool = False
    scaled: bool = False
    word: bool = False


def chinese_numbers(text: str) -> tuple[list[Number], set[Decimal]]:
    """Return the numbers of a block's visible Chinese that its translation must hold, and the
    values of its other numerals (ordinals, one-character numerals), which it may hold."""
    # The drafter's readers import the content models: imported here, once the content is.
    from ..drafting.numbers import figure_starts

    text = unicodedata.normalize("NFKC", text)
    quantities = figure_starts(text)
    numbers: list[Number] = []
    taken: list[tuple[int, int]] = []
    for match in _ZH_DATE.finditer(text):
        numbers.append(_chinese_date(match))
        taken.append(match.span())
    for match in _ZH_NUMERAL_DATE.finditer(text):
        numbers.append(_chinese_numeral_date(match))
        taken.append(match.span())
    for match in _ZH_MONTH_SPAN.finditer(text):
        if 1 <= int(match["month"]) <= 12:
            numbers.append(Number(match["month"] + "月", f"-{int(match['month'])}", "month",
                                  *match.span("month")))
            taken.append(match.span("month"))
    may: set[Decimal] = set()
    for match in NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        if match["chinese"]:
            value = chinese_value(match["chinese"])
            if value is not None and match.start() in quantities and value != 1:
                numbers.append(Number(match["chinese"], value, "plain", *match.span(),
                                      quantity=True))
            continue
        numbers.append(_chinese_arabic(text, match, match.start() in quantities))
    for match in _ZH_NUMERAL_RUN.finditer(text):
        may.update(_numeral_values(match[0]))
    return numbers, may


def _numeral_values(run: str) -> set[Decimal]:
    """Return what a run of Chinese numerals may say: its value, or where it is two numbers
    written together (“十四五”, the 14th Five-Year Plan) the value of each."""

    whole = chinese_value(run)
    if whole is not None:
        return {whole}
    for cut in range(len(run) - 1, 0, -1):  # The longest first number: 十四 and 五.
        first, second = chinese_value(run[:cut]), chinese_value(run[cut:])
        if first is not None and second is not None:
            return {first, second}
    return set()


def _chinese_date(match: re.Match[str]) -> Number:
    if match["year"]:
        key = f"{int(match['year'])}-{int(match['month'])}" + (f"-{int(match['day'])}"
                                                               if match["day"] else "")
        kind: Kind = "date"
    elif match["day_only"]:
        key, kind = f"-{int(match['month_only'])}-{int(match['day_only'])}", "date"
    else:
        key, kind = f"-{int(match['month_only'])}", "month"
    return Number(match[0], key, kind, *match.span())


def _chinese_numeral_date(match: re.Match[str]) -> Number:
    key = f"{int(digit_by_digit(match['year']))}-{int(chinese_value(match['month']) or 0)}"
    if match["day"]:
        key += f"-{int(chinese_value(match['day']) or 0)}"
    return Number(match[0], key, "date", *match.span())


def _chinese_arabic(text: str, match: re.Match[str], quantity: bool) -> Number:
    """Read a number in digits with its scale (万, 亿; 220余万 too) and what follows it."""

    digits = match["arabic"].replace(",", "")
    cursor = _skip_gap(text, match.end())
    scale = ""
    qualifier_end = cursor + 1 if text[cursor:cursor + 1] in _ZH_QUALIFIER_BEFORE_SCALE \
        and text[cursor:cursor + 1] else cursor
    found_scale = SCALE.match(text, qualifier_end)
    if found_scale:
        scale = found_scale[0]
        cursor = _skip_gap(text, found_scale.end())
    value = parse_written(digits + scale)
    kind: Kind = "plain"
    if _ZH_PERCENT.match(text, cursor):
        kind = "percent"
    elif _ZH_POINTS.match(text, cursor):
        kind = "points"
    elif text.startswith("倍", cursor):
        kind = "fold"
    elif not scale and len(digits) == 4 and text.startswith("年", cursor) and "." not in digits:
        kind = "year"
    written = (text[match.start():found_scale.end()] if found_scale else match["arabic"]) + \
        _WRITTEN_KIND.get(kind, "")
    number = value if value is not None else Decimal(digits)
    # -23.46%: a fall, in a table of changes; not the dash of a range (2021-2025).
    start = match.start()
    if text[start - 1:start] in _MINUS and not text[start - 2:start - 1].isalnum():
        number, written, start = -number, text[start - 1] + written, start - 1
    return Number(written, number, kind, start, cursor, quantity=quantity and kind == "plain",
                  scaled=bool(scale))


def _skip_gap(text: str, position: int) -> int:
    gap = _GAP.match(text, position)
    return gap.end() if gap else position


def english_numbers(text: str) -> list[Number]:
    """Return every number of an English text: dates, figures with their scale and kind, and
    numbers spelled out (one to ninety-nine), in reading order."""
    numbers: list[Number] = []
    taken: list[tuple[int, int]] = []
    for match in _EN_DATE.finditer(text):
        month = MONTHS.index(match["month"]) + 1
        if match["year"] or match["day"]:
            numbers.append(Number(match[0], _date_key(match["year"], month, match["day"]),
                                  "date", *match.span()))
        else:
            numbers.append(Number(match[0], f"-{month}", "month", *match.span(), word=True))
        taken.append(match.span())
    for match in _EN_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        number = Decimal(match["number"].replace(",", ""))
        if match["sign"]:
            number = -number
        if match["scale"]:
            number *= _EN_SCALES[match["scale"]]
        suffix = (match["suffix"] or "").strip()
        kind: Kind = ("percent" if suffix in ("%", "percent") or suffix.startswith("per")
                      and "percentage" not in suffix else
                      "points" if suffix.startswith("percentage") else
                      "fold" if suffix == "-fold" else "plain")
        numbers.append(Number(match[0], number, kind, *match.span(),
                              grouped="," in match["number"], scaled=bool(match["scale"])))
    for match in _EN_WORD.finditer(text):
        if match["tens"]:
            value = _TENS[match["tens"].lower()] + _WORDS.index(match["unit"].lower())
        else:
            word = match["word"].lower()
            value = _TENS.get(word, _WORDS.index(word) if word in _WORDS else 0)
        numbers.append(Number(match[0], Decimal(value), "plain", *match.span(), word=True))
    return sorted(numbers, key=lambda number: number.start)


def _date_key(year: str | None, month: int, day: str | None) -> str:
    return f"{int(year) if year else ''}-{month}" + (f"-{int(day)}" if day else "")


def english_form(number: Number) -> str:
    """Return how English writes a number of the Chinese: 19,500; 7.258 billion; 5 January 2024."""
    if number.kind in ("date", "month"):
        year, month, *day = str(number.value).split("-")
        parts = [*day, MONTHS[int(month) - 1], year]
        return " ".join(part for part in parts if part)
    assert isinstance(number.value, Decimal)
    if number.kind == "year":
        return str(number.value)
    amount = _english_amount(number.value, number.scaled)
    return {"percent": f"{amount}%", "points": f"{amount} percentage points",
            "fold": f"{amount}-fold"}.get(number.kind, amount)


def _english_amount(value: Decimal, scaled: bool) -> str:
    if scaled:
        for size, word in _LARGEST_SCALE_FIRST:
            if value >= size:
                return f"{format_decimal(value / size, format=_GROUPED, locale='en')} {word}"
    return format_decimal(value, format=_GROUPED, locale="en")


def _matches(chinese: Number, english: Number) -> bool:
    """Tell whether an English number says what a Chinese one does (value and kind)."""
    if chinese.kind in ("date", "month") or english.kind in ("date", "month"):
        return chinese.kind == english.kind and chinese.value == english.value
    if english.word and (chinese.kind != "plain" or english.value != chinese.value):
        return False
    if chinese.kind == "fold":
        return (english.kind in ("fold", "plain") and english.value == chinese.value) or (
            english.kind == "percent" and english.value == chinese.value * 100)  # type: ignore[operator]
    wanted = "plain" if chinese.kind == "year" else chinese.kind
    return english.kind == wanted and english.value == chinese.value


def number_problems(chinese_text: str, english_text: str, table: bool = False) -> list[str]:
    """Return what is wrong with the numbers of a translation: each number of the Chinese it
    lost or changed, each it holds that the Chinese does not, and numbers in the wrong form.

    ``table``: a table's cell, whose numbers may be copied as written (1857 as well as 1,857).
    """
    wanted, may = chinese_numbers(chinese_text)
    found = english_numbers(english_text)
    used: set[int] = set()
    problems: list[str] = []
    for number in wanted:
        match = next((index for index, english in enumerate(found)
                      if index not in used and _matches(number, english)), None)
        if match is None:
            problems.append(f"{number.written} is not in the translation as {english_form(number)}")
            continue
        used.add(match)
        english = found[match]
        if number.kind == "year" and english.grouped:
            problems.append(f"write the year {english_form(number)}, not {english.written}")
        elif (number.quantity and not table and not english.grouped and not english.scaled
              and not english.word and isinstance(number.value, Decimal)
              and number.value >= _GROUPING_FROM):
            problems.append(f"write {english_form(number)}, not {english.written} "
                            "(thousands apart by commas)")
    for index, english in enumerate(found):
        if index in used or english.word:
            continue
        if isinstance(english.value, Decimal) and english.value in may:
            continue
        problems.append(f"{english.written.strip()} is not a number of the original")
    return problems
