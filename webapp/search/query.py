"""Search queries: what a reader types, read into the pieces it asks for."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..numerals import FOLDED_NUMBER, SCALES, folded_value
from .text import HAN, WORD, fold

MAX_QUERY_LENGTH = 100
# What a query is read as, left to right: numbers, runs of Chinese characters, Latin words.
_QUERY_PIECE = re.compile(f"(?P<number>{FOLDED_NUMBER.pattern})|(?P<han>{HAN.pattern})"
                          f"|(?P<word>{WORD.pattern})")
# Between words of one run of Latin words (Fengqiao Experience, xi'an): nothing but these.
_WORD_GAP = re.compile(r"[\s'’-]*")


class QueryError(ValueError):
    """A query that cannot be searched: ``reason`` is empty, too-long or nothing-to-search."""

    def __init__(self, reason: Literal["empty", "too-long", "nothing-to-search"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class HanPiece:
    """Chinese characters, found as written (folded)."""

    text: str


@dataclass(frozen=True)
class NumberPiece:
    """A number: values from ``low`` up to (not including) ``high``.

    A number written with a scale stands for what rounds or cuts down to it (10万: 95,000 up
    to 110,000, so 100344 and 10万余 both count); one without is exact.
    """

    low: float
    high: float


@dataclass(frozen=True)
class LatinPiece:
    """Latin words in a row: English (by stem) or pinyin; the last maybe still being typed."""

    words: tuple[str, ...]
    partial_last: bool


Piece = HanPiece | NumberPiece | LatinPiece


def parse_query(query: str) -> list[Piece]:
    """Read a query into what it asks for; raise QueryError if it cannot be searched."""
    typed = "".join(character for character in query
                    if unicodedata.category(character) not in ("Cc", "Cf"))
    cleaned = typed.strip()
    if not cleaned:
        raise QueryError("empty")
    if len(cleaned) > MAX_QUERY_LENGTH:
        raise QueryError("too-long")
    folded = fold(cleaned)
    pieces: list[Piece] = []
    words: list[str] = []
    last_end = 0
    for match in _QUERY_PIECE.finditer(folded):
        if words and (match["word"] is None
                      or not _WORD_GAP.fullmatch(folded, last_end, match.start())):
            pieces.append(LatinPiece(tuple(words), partial_last=False))
            words = []
        if match["word"] is not None:
            words.append(match["word"])
        elif match["han"] is not None:
            pieces.append(HanPiece(match["han"]))
        else:
            pieces.append(_number_piece(match))
        last_end = match.end()
    if words:
        # Still being typed, unless something (a space) follows the last word.
        finished = last_end < len(folded) or typed != typed.rstrip()
        pieces.append(LatinPiece(tuple(words), partial_last=not finished))
    if not pieces:
        raise QueryError("nothing-to-search")
    return pieces


def _number_piece(match: re.Match[str]) -> NumberPiece:
    value = folded_value(match)
    if not match["scale"]:
        return NumberPiece(float(value), math.nextafter(float(value), math.inf))
    unit = SCALES[match["scale"]] * Decimal(10) ** -len((match["fraction"] or ".")[1:])
    return NumberPiece(float(value - unit / 2), float(value + unit))
