"""Texts as search compares them: folded to one form, Chinese read as pinyin, English stemmed,
numbers read as values (``numerals.FOLDED_NUMBER``).

Folding maps one character to one (Traditional to Simplified, full-width to half-width, capitals
to small letters, accents dropped), so that a place in a folded text is the same place in the
text shown.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

import opencc
import Stemmer

from ..numerals import folded_digits, folded_value

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
WORD = re.compile(r"[0-9a-z]*[a-z][0-9a-z]*")
# At most this many ways of reading a pinyin query as syllables (xian: xian, xi an), and this
# many Chinese words it may stand for (shishi: 实施, 事实, 实时 …).
_MAX_READINGS = 8
# Sorts after any character: every text beginning with a prefix sorts before prefix + _LAST.
_LAST = chr(0x10FFFF)
MAX_FORMS = 64


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


class _FoldTable(dict[int, str]):
    """Map each character to its folded form, learning characters as texts bring them."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


def _fold_character(character: str) -> str:
    """Return one character folded: Simplified, half-width, small, without accents (ü is v).

    Whatever would turn one character into several stays as it is.
    """
    if character in "üÜ":
        return "v"  # As pinyin is typed, and as pypinyin writes it (lv, nv).
    compatible = unicodedata.normalize("NFKC", character)
    folded = compatible if len(compatible) == 1 else character
    base = unicodedata.normalize("NFKD", folded)[0]
    if base.isascii() and base.isalpha():
        folded = base
    simplified = str(_to_simplified().convert(folded))
    folded = simplified if len(simplified) == 1 else folded
    small = folded.lower()
    return small if len(small) == 1 else folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Return ``text`` folded for comparison, with every character where it was."""
    return text.translate(_FOLD)


class Pinyin:
    """The toneless pinyin of the pairs of characters in the indexed texts (枫桥 → fengqiao),
    the pairs each pinyin stands for, and the syllables they are made of.

    A pair is read as pypinyin reads it: as a word of its phrase dictionary where it is one
    (银行 yinhang, 院长 yuanzhang), else each character by its first reading; and as the
    content states it, where it does (``learn_stated``). Looked up in
    pypinyin's dictionaries directly: its public functions cost about 7 µs a character, which
    the index of 200 reports could not afford.
    """

    def __init__(self) -> None:
        self.pairs: dict[str, str] = {}
        self.by_reading: dict[str, list[str]] = {}
        self.syllables: set[str] = set()
        self.prefixes: set[str] = set()
        # The readings sorted, to find those that begin with an unfinished syllable, and the
        # place of each in ``by_reading``; made when first needed, again after learning more.
        self._sorted: tuple[list[str], dict[str, int]] | None = None

    def learn_all(self, pairs: set[str]) -> None:
        """Read the pairs of characters of the indexed texts not read yet."""
        for pair in pairs.difference(self.pairs):
            self._learn(pair)

    def learn_stated(self, text: str, syllables: Sequence[str]) -> None:
        """Learn the reading the content states for a word (诉调对接: sù tiáo duì jiē), beside
        pypinyin's (diào), for the characters whose reading depends on the word."""
        if len(syllables) != len(text) or not HAN.fullmatch(text):
            return
        toneless = [_toneless(syllable.casefold()) for syllable in syllables]
        for start in range(len(text) - 1):
            self.learn_all({text[start:start + 2]})
            self._add(text[start:start + 2], toneless[start:start + 2])

    def _learn(self, pair: str) -> None:
        # Imported here: pypinyin's dictionaries hold about 55 MB, which a process that never
        # indexes (a PDF render process) need not load.
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

        phrase = PHRASES_DICT.get(pair)
        if phrase is not None and len(phrase) == 2:
            readings = [_toneless(phrase[0][0]), _toneless(phrase[1][0])]
        else:
            readings = [_toneless(PINYIN_DICT.get(ord(character), "").split(",")[0])
                        for character in pair]
        self.pairs[pair] = "".join(readings) if all(readings) else ""
        self._add(pair, readings)

    def _add(self, pair: str, readings: Sequence[str]) -> None:
        """Record that ``pair`` reads as ``readings``, one syllable a character."""
        joined = "".join(readings) if all(readings) else ""
        if not joined or pair in self.by_reading.get(joined, []):
            return
        if joined not in self.by_reading:
            self._sorted = None
        self.by_reading.setdefault(joined, []).append(pair)
        for syllable in readings:
            if syllable not in self.syllables:
                self.syllables.add(syllable)
                self.prefixes.update(syllable[:end] for end in range(1, len(syllable) + 1))

    def forms(self, syllables: Sequence[str], partial_last: bool) -> list[str]:
        """Return the Chinese of the indexed texts' pairs that reads as ``syllables``.

        Each pair of syllables must be the reading of a pair of characters there, and each
        next pair must go on from the last character (zhi xing → 执行; shi shi → 实施, 事实 …).
        With ``partial_last`` the last syllable may be unfinished.
        """
        tokens = pair_tokens(syllables)
        forms = self._pairs_reading(tokens[0], partial_last and len(tokens) == 1)
        for position, token in enumerate(tokens[1:], start=2):
            following: dict[str, list[str]] = {}
            for pair in self._pairs_reading(token, partial_last and position == len(tokens)):
                following.setdefault(pair[0], []).append(pair[1])
            forms = [form + last for form in forms for last in following.get(form[-1], [])]
        return forms[:MAX_FORMS]

    def _pairs_reading(self, token: str, partial: bool) -> list[str]:
        if not partial:
            return self.by_reading.get(token, [])
        if self._sorted is None:
            self._sorted = (sorted(self.by_reading),
                            {reading: place for place, reading in enumerate(self.by_reading)})
        readings, places = self._sorted
        # The readings that begin with ``token``, in the order they were learnt.
        begun = readings[bisect_left(readings, token):bisect_left(readings, token + _LAST)]
        return [pair for reading in sorted(begun, key=places.__getitem__)
                for pair in self.by_reading[reading]]

    def readings(self, words: Sequence[str], partial_last: bool) -> list[list[str]]:
        """Return the ways ``words`` read as syllables, two at least (fengqiao → feng qiao).

        With ``partial_last`` the last syllable may be unfinished (fengq), as while typing.
        """
        readings: list[list[str]] = [[]]
        for position, word in enumerate(words):
            splits = self._splits(word, partial_last and position == len(words) - 1)
            readings = [reading + list(split) for reading in readings
                        for split in splits][:_MAX_READINGS]
        return [reading for reading in readings if len(reading) >= 2]

    def _splits(self, word: str, partial_last: bool) -> list[tuple[str, ...]]:
        """Return the ways one word splits into syllables, longest syllables first."""
        known: dict[int, list[tuple[str, ...]]] = {}

        def from_(start: int) -> list[tuple[str, ...]]:
            # Each rest of the word is split once (xianxianxian… would otherwise branch).
            if start == len(word):
                return [()]
            if start not in known:
                found: list[tuple[str, ...]] = []
                for end in range(min(len(word), start + 6), start, -1):
                    if word[start:end] in self.syllables:
                        found.extend((word[start:end], *rest) for rest in from_(end))
                rest = word[start:]
                if partial_last and rest in self.prefixes and (rest,) not in found:
                    found.append((rest,))
                known[start] = found[:_MAX_READINGS]
            return known[start]

        return from_(0)


def pair_tokens(syllables: Sequence[str]) -> list[str]:
    """Return the pinyin tokens of a reading: each syllable joined with the next."""
    return [first + second for first, second in zip(syllables, syllables[1:], strict=False)]


_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=4096)
def _toneless(reading: str) -> str:
    """Return a reading without its tone, ü written v as pypinyin does (lǜ → lv)."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball stem of a folded English word."""
    return str(_STEMMER.stemWord(word))


def number_values(match: re.Match[str]) -> tuple[Decimal, ...]:
    """Return the values a text's number (``FOLDED_NUMBER``) is found by: its value, and its
    digits as written.

    A reader copying 72.58 from 72.58亿元 looks for the number as the text prints it.
    """
    value = folded_value(match)
    return (value, folded_digits(match)) if match["scale"] else (value,)
