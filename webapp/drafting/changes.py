"""Attach the changes a report states to the figures they are changes of.

Reports state a change right after its figure (收案100344件，同比上升10.2%), or once for several
figures with 分别 (收案29154件，结案31958件，同比分别下降16.5%、1.8%: the first rate is the first
figure's, the second the second's; a list may turn direction midway, 同比分别下降3.2%、上升26.1%,
each amount then going the way the word before it says), or as 增幅/降幅 (增幅为12%). A change is
never a figure of its own: one stated without its figure (败诉率同比下降0.7个百分点) is left for a person.

Only a year-on-year change is attached (its basis is 同比, 较上年 … or none at all): an average
annual rate (年均增长) or one against another span (较上一个五年, 较“十三五”) is a change over a
different period, which the content model cannot state, and is left out rather than misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..markup import GAP, closed_up
from ..numerals import DIGITS, digits_value
from .lexicon import lexicon

_SENTENCE_BREAK = "。！？；;!?\n"
_NAMED_YEAR = re.compile(r"(?:较|比)(?P<year>(?:19|20)[0-9]{2}年)(?:底|末|同期)?")
# What ends a sentence outright (a semicolon only parts its clauses).
FULL_STOP = "。！？!?\n"


@dataclass(frozen=True)
class ListedChange:
    """A change of a list (同比分别下降16.5%、1.8%): its amounts, in the order of their figures."""

    start: int
    end: int
    # value, unit, written, start, end, direction (分别下降3.2%、上升26.1%: each its own)
    amounts: tuple[tuple[Decimal, str, str, int, int, str], ...]
    # Against another span or year (分别比上一个五年增长…): read, so never figures, but no
    # year-on-year change of the figures before it.
    other_basis: bool = False
    # Against a named year (分别比2024年上升…): year-on-year only in the report on the year after,
    # as the draft decides (FoundChange.against).
    against: str = ""


@dataclass(frozen=True)
class _ChangeWords:
    pattern: re.Pattern[str]
    amount: re.Pattern[str]
    up: frozenset[str]
    basis: tuple[str, ...]
    units: dict[str, str]
    # What may stand between figures and their list of changes, longest first: a year-on-year
    # basis, or the counts named (件数、人数同比分别…), and 分别.
    between: tuple[str, ...]


@cache
def _change_words() -> _ChangeWords:
    numbers = lexicon().mapping("numbers")
    units = {word: unit for word, unit in numbers["measures"].items()
             if unit in {"percent", "points", "fold"}}
    unit_words = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    directions = "|".join(map(re.escape, sorted([*numbers["change_up"], *numbers["change_down"]],
                                                key=len, reverse=True)))
    basis = "|".join(map(re.escape, sorted(numbers["change_basis"], key=len, reverse=True)))
    after = "|".join(f"(?<={re.escape(noun)})" for noun in numbers["change_rate_nouns"])
    links = "|".join(map(re.escape, sorted(numbers["change_links"], key=len, reverse=True)))
    each = re.escape(numbers["change_each"])
    amount = rf"{DIGITS}{GAP}(?:个)?{GAP}(?:{unit_words})?"
    other = r"(?P<other>(?:较|比)[^，,。；;、%％]{1,12}?)"
    pattern = re.compile(
        rf"(?:{basis})?{each}(?:{basis}|{other})?(?:了|进一步|再)?(?P<direction>{directions})"
        rf"(?:(?:{after})(?:{links}))?{GAP}"
        rf"(?P<amounts>{amount}(?:{GAP}[、和及]{GAP}(?:{directions})?{GAP}{amount})+)")
    one = re.compile(rf"(?:(?P<direction>{directions}){GAP})?(?P<number>{DIGITS}){GAP}"
                     rf"(?P<unit>(?:个)?{GAP}(?:{unit_words})?)")
    between = tuple(sorted((*numbers["change_basis"], *numbers["change_counts"]), key=len, reverse=True))
    return _ChangeWords(pattern, one, frozenset(numbers["change_up"]), tuple(numbers["change_basis"]), units,
                        (*between, numbers["change_each"]))


def listed_changes(text: str) -> list[ListedChange]:
    """Return the changes ``text`` states for several figures at once, with 分别."""
    words = _change_words()
    found: list[ListedChange] = []
    for match in words.pattern.finditer(text):
        amounts = [(amount, closed_up(amount["unit"]))
                   for amount in words.amount.finditer(match["amounts"])]
        last_unit = amounts[-1][1]
        read: list[tuple[Decimal, str, str, int, int, str]] = []
        offset = match.start("amounts")
        direction = match["direction"]
        for amount, written_unit in amounts:
            direction = amount["direction"] or direction
            word = written_unit if written_unit not in {"", "个"} else last_unit
            unit = words.units.get(word.removeprefix("个"), "")
            written = amount["number"] + (written_unit if written_unit in {"%", "％"} else "")
            read.append((digits_value(amount["number"]), unit, written,
                         offset + amount.start("number"), offset + amount.end(),
                         "up" if direction in words.up else "down"))
        if all(unit for _value, unit, *_rest in read):
            named = _NAMED_YEAR.fullmatch(match["other"] or "")
            found.append(ListedChange(match.start(), match.end(), tuple(read),
                                      bool(match["other"]) and named is None,
                                      named["year"] if named else ""))
    return found


def year_on_year(words_between: str) -> bool:
    """Tell whether the words between a figure and its change leave the change year-on-year.

    Only punctuation, 分别 and a year-on-year basis may stand there: anything else names
    another basis (年均, 较上一个五年) or another subject (相关上访), and the change is not the
    figure's year-on-year change.
    """
    rest = re.sub(r"[\s*，,、和]", "", words_between)
    # 件数、人数同比分别…: the changes of the cases and of their people, as the figures say them.
    for word in _change_words().between:
        rest = rest.replace(word, "")
    return rest == ""


def full_sentence_start(text: str, offset: int) -> int:
    """Return where the sentence holding ``offset`` starts, its semicolons inside it."""
    return max((text.rfind(char, 0, offset) for char in FULL_STOP), default=-1) + 1


def sentence_start(text: str, offset: int) -> int:
    """Return where the sentence holding ``offset`` starts."""
    return max((text.rfind(char, 0, offset) for char in _SENTENCE_BREAK), default=-1) + 1
