"""Search the reports and the glossary in any script: an index built once, queried per search.

What a reader can find: glossary entries (headwords, other names, definitions) and, of every
report, its summaries, figures (label and value), highlights, cases and each paragraph of its
text. Texts and queries are folded alike before they are compared, one character for one
(Traditional to Simplified, full-width to half-width, capitals to small letters), so a place in
a folded text is the same place in the text shown: 楓橋 finds 枫桥经验, and 枫桥 finds 楓橋經驗.

The index is SQLite FTS5 in memory, built from the loaded content at the first search. Chinese
goes in as single characters and as overlapping pairs of characters, so one- and two-character
words are found (FTS5's trigram tokenizer finds nothing under three). Toneless pinyin is read
as the Chinese of the indexed texts that sounds so (fengqiao: 枫桥), from the pinyin of every
pair of characters there. English words go in as written and as Snowball stems
(mediate finds mediation). Numbers, read with their thousands separators and 万/亿 scales, go
into a table of values: 100344, 100,344 and 10万 find 100344件. The index proposes entries; each
is then checked, and its matches marked, on the text in the reader's language.
"""

from __future__ import annotations

import math
import operator
import re
import sqlite3
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import opencc
import Stemmer
from flask import Flask, current_app
from flask_babel import force_locale
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from .config import LANGUAGES, SOURCE_TAG
from .content import current_content
from .content.figures import CHINESE_SCALES, format_figure
from .content.models import SECTION_IDS, Case, Content, Figure, Report, Term, Text
from .content.sources import Block

Kind = Literal["term", "summary", "figure", "highlight", "case", "paragraph"]
# A field's role: the entry's title, another name it goes by (shown only where it matches), or
# its text (the passage shown when nothing else matches).
Role = Literal["title", "name", "text"]
GroupKey = tuple[str | None, Kind]
MAX_QUERY_LENGTH = 100
MAX_HITS = 50
PER_GROUP = 10
# How much of a long text a passage shows around its first match, in characters.
PASSAGE_LENGTH = {"zh": 90, "en": 200}
ELLIPSIS = "…"

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_WORD = re.compile(r"[0-9a-z]*[a-z][0-9a-z]*")
_SCALES = {**CHINESE_SCALES, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
# A number as texts write it (100344, 100,344, 1.95万, 7.258 billion), never a piece of a word.
_NUMBER = re.compile(r"(?<![0-9a-z.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
                     r"(?![0-9a-z])(?:\s?(?P<scale>[万亿]|million\b|billion\b))?")
# What a query is read as, left to right: numbers, runs of Chinese characters, Latin words.
_QUERY_PIECE = re.compile(f"(?P<number>{_NUMBER.pattern})|(?P<han>{_HAN.pattern})"
                          f"|(?P<word>{_WORD.pattern})")
# Between words of one run of Latin words (Fengqiao Experience, xi'an): nothing but these.
_WORD_GAP = re.compile(r"[\s'’-]*")
# Marks a gap between runs of Chinese in the pair column, so a phrase cannot span a
# punctuation mark or two fields. Never a query token there.
_GAP = "0"
# At most this many ways of reading a pinyin query as syllables (xian: xian, xi an), and this
# many Chinese words it may stand for (shishi: 实施, 事实, 实时 …).
_MAX_READINGS = 8
_MAX_FORMS = 64


class QueryError(ValueError):
    """A query that cannot be searched: ``reason`` is empty, too-long or nothing-to-search."""

    def __init__(self, reason: Literal["empty", "too-long", "nothing-to-search"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Field:
    """A text of an entry as one language's reader sees it, in the language ``tag``."""

    role: Role
    text: str
    tag: str


@dataclass(frozen=True, eq=False)
class Entry:
    """Something a search can find, with its texts in each language (keyed by tag).

    ``part`` is the section id (or overview, shortcomings, outlook) an entry belongs to,
    ``number`` the 0-based place of a highlight in its section, ``item`` the figure, case,
    block or term it is.
    """

    kind: Kind
    report: Report | None
    fields: Mapping[str, tuple[Field, ...]]
    part: str | None = None
    number: int | None = None
    item: Figure | Case | Block | Term | None = None
    # What the index holds, when it is not all of ``fields`` (a figure's value as written).
    indexed: Mapping[str, tuple[Field, ...]] | None = None

    @property
    def group(self) -> GroupKey:
        """Return the group the entry is listed in: its report (None: the glossary), its kind."""
        return (self.report.id if self.report else None, self.kind)


@dataclass(frozen=True)
class Marked:
    """A text with its matches: ``marks`` are [start, end) offsets in code points."""

    text: str
    marks: tuple[tuple[int, int], ...]
    tag: str


@dataclass(frozen=True)
class Hit:
    entry: Entry
    title: Marked | None
    passage: Marked


@dataclass(frozen=True)
class Results:
    """The hits of a query in content order (the glossary, then report by report, kind by
    kind); how many entries match in each group that has hits listed (a report's id, or None
    for the glossary, and a kind); and how many match in all."""

    query: str
    hits: tuple[Hit, ...]
    counts: dict[GroupKey, int]
    total: int


# Folding -----------------------------------------------------------------------------------

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


# Pinyin and stems --------------------------------------------------------------------------

class _Pinyin:
    """The toneless pinyin of the pairs of characters in the indexed texts (枫桥 → fengqiao),
    the pairs each pinyin stands for, and the syllables they are made of.

    A pair is read as pypinyin reads it: as a word of its phrase dictionary where it is one
    (银行 yinhang, 院长 yuanzhang), else each character by its first reading. Looked up in
    pypinyin's dictionaries directly: its public functions cost about 7 µs a character, which
    the index of 200 reports could not afford.
    """

    def __init__(self) -> None:
        self.pairs: dict[str, str] = {}
        self.by_reading: dict[str, list[str]] = {}
        self.syllables: set[str] = set()
        self.prefixes: set[str] = set()

    def learn_all(self, pairs: set[str]) -> None:
        """Read the pairs of characters of the indexed texts not read yet."""
        for pair in pairs.difference(self.pairs):
            self._learn(pair)

    def _learn(self, pair: str) -> None:
        phrase = PHRASES_DICT.get(pair)
        if phrase is not None and len(phrase) == 2:
            readings = [_toneless(phrase[0][0]), _toneless(phrase[1][0])]
        else:
            readings = [_toneless(PINYIN_DICT.get(ord(character), "").split(",")[0])
                        for character in pair]
        joined = "".join(readings) if all(readings) else ""
        self.pairs[pair] = joined
        if not joined:
            return
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
        return forms[:_MAX_FORMS]

    def _pairs_reading(self, token: str, partial: bool) -> list[str]:
        if not partial:
            return self.by_reading.get(token, [])
        return [pair for reading, pairs in self.by_reading.items() if reading.startswith(token)
                for pair in pairs]

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


def number_value(match: re.Match[str]) -> Decimal:
    """Return the value of a number matched by ``_NUMBER`` (1.95万 → 19500)."""
    number = Decimal(match["digits"].replace(",", "") + (match["fraction"] or ""))
    return number * _SCALES.get(match["scale"] or "", Decimal(1))


# Queries -----------------------------------------------------------------------------------

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
    value = number_value(match)
    if not match["scale"]:
        return NumberPiece(float(value), math.nextafter(float(value), math.inf))
    unit = _SCALES[match["scale"]] * Decimal(10) ** -len((match["fraction"] or ".")[1:])
    return NumberPiece(float(value - unit / 2), float(value + unit))


# The index ---------------------------------------------------------------------------------

def view_of(tag: str) -> str:
    """Return which texts a reader of ``tag`` searches: the Chinese (either script) or English."""
    return "en" if tag == "en" else "zh"


@dataclass
class _Row:
    rowid: int
    views: tuple[str, ...]
    text: str


class SearchIndex:
    """An FTS5 index of entries, in memory; ``search`` is safe to call from any thread."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        # Entries of a group stand together: each entry's group number, and where each ends.
        self._group_of: list[int] = []
        self._group_ends: list[int] = []
        for index, entry in enumerate(self.entries):
            if index and entry.group != self.entries[index - 1].group:
                self._group_ends.append(index)
            self._group_of.append(len(self._group_ends))
        self._group_ends.append(len(self.entries))
        self._pinyin = _Pinyin()
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(
            # Contentless: texts stay in the entries, the index keeps tokens only.
            "CREATE VIRTUAL TABLE fts USING fts5(views, single, pair, word, stem,"
            " content='', columnsize=0, tokenize='unicode61 remove_diacritics 0');"
            "CREATE TABLE numbers (view TEXT, value REAL, row INTEGER);")
        rows = list(self._rows())
        self._db.executemany("INSERT INTO fts (rowid, views, single, pair, word, stem)"
                             " VALUES (?, ?, ?, ?, ?, ?)",
                             (self._columns(row) for row in rows))
        self._db.executemany("INSERT INTO numbers VALUES (?, ?, ?)",
                             ((view, float(number_value(match)), row.rowid) for row in rows
                              for match in _NUMBER.finditer(row.text) for view in row.views))
        self._db.executescript("CREATE INDEX numbers_by_value ON numbers (view, value, row);"
                               "INSERT INTO fts (fts) VALUES ('optimize');")

    def _rows(self) -> Iterator[_Row]:
        """Yield the rows to index: an entry's Chinese texts, and its English ones if they differ.

        Each entry ``i`` has rows ``2i`` (Chinese, or both when the English reader sees the
        same texts, as with the report's paragraphs) and ``2i + 1`` (English), so rowids
        keep content order.
        """
        for index, entry in enumerate(self.entries):
            fields = entry.indexed or entry.fields
            chinese = _folded(fields["zh-Hans"])
            traditional = _folded(fields["zh-Hant"])
            if traditional != chinese:
                # Texts converted to Traditional fold back to the Simplified ones nearly always;
                # where they do not, the index holds both.
                chinese += "\n" + traditional
            if fields["en"] == fields[SOURCE_TAG]:
                yield _Row(2 * index, ("zh", "en"), chinese)
                continue
            yield _Row(2 * index, ("zh",), chinese)
            yield _Row(2 * index + 1, ("en",), _folded(fields["en"]))

    def _columns(self, row: _Row) -> tuple[object, ...]:
        runs = _HAN.findall(row.text)
        pairs = [list(map(operator.add, run, run[1:])) for run in runs]
        self._pinyin.learn_all({pair for run_pairs in pairs for pair in run_pairs})
        words = _WORD.findall(row.text)
        return (row.rowid, " ".join(row.views), " ".join("".join(runs)),
                f" {_GAP} ".join(" ".join(run_pairs) for run_pairs in pairs),
                " ".join(words), " ".join([stem(word) for word in words]))

    def search(self, query: str, tag: str) -> Results:
        """Find ``query`` in what a reader of ``tag`` reads; raise QueryError if it cannot be.

        At most ``PER_GROUP`` hits of one kind in one report are listed, and ``MAX_HITS`` in
        all, so that a common word still shows where else it stands; all are counted.
        """
        pieces = parse_query(query)
        forms = {piece: self._chinese_forms(piece) for piece in pieces
                 if isinstance(piece, LatinPiece)}
        sql, parameters = self._sql(pieces, forms, view_of(tag))
        with self._lock:
            rowids = [rowid for (rowid,) in self._db.execute(sql, parameters)]
        hits: list[Hit] = []
        listed: dict[int, int] = {}  # By group number: hits listed, and dropped by the check.
        dropped: dict[int, int] = {}
        position = 0
        while position < len(rowids) and len(hits) < MAX_HITS:
            index = rowids[position] // 2
            group = self._group_of[index]
            hit = _hit(self.entries[index], self.entries[index].fields[tag], pieces, forms)
            position += 1
            # A hit the check drops was found only in the index's Traditional fallback text,
            # which is not what this reader sees.
            if hit is None:
                dropped[group] = dropped.get(group, 0) + 1
                continue
            hits.append(hit)
            listed[group] = listed.get(group, 0) + 1
            if listed[group] == PER_GROUP:
                # The rest of the group is counted, not checked.
                position = bisect_left(rowids, 2 * self._group_ends[group], position)
        counts = {}
        for group in listed:
            start = self._group_ends[group - 1] if group else 0
            found = (bisect_left(rowids, 2 * self._group_ends[group])
                     - bisect_left(rowids, 2 * start))
            counts[self.entries[start].group] = found - dropped.get(group, 0)
        return Results(query, tuple(hits), counts, len(rowids) - sum(dropped.values()))

    def _chinese_forms(self, piece: LatinPiece) -> list[str]:
        """Return the Chinese that Latin words may be the pinyin of (none for one syllable)."""
        found: dict[str, None] = {}
        for reading in self._pinyin.readings(piece.words, piece.partial_last):
            found.update(dict.fromkeys(self._pinyin.forms(reading, piece.partial_last)))
        return list(found)[:_MAX_FORMS]

    def _sql(self, pieces: Sequence[Piece], forms: dict[LatinPiece, list[str]],
             view: str) -> tuple[str, list[object]]:
        """Return the query for the rowids holding every piece, in content order."""
        terms = [f'views : "{view}"']
        numbers: list[NumberPiece] = []
        for piece in pieces:
            if isinstance(piece, NumberPiece):
                numbers.append(piece)
            elif isinstance(piece, HanPiece):
                terms.append(_han_term(piece.text))
            else:
                terms.append(_latin_term(piece, forms[piece]))
        selects = [("SELECT DISTINCT row FROM numbers WHERE view = ? AND value >= ? AND value < ?",
                    [view, number.low, number.high]) for number in numbers]
        if len(terms) > 1 or not selects:
            selects.insert(0, ("SELECT rowid FROM fts WHERE fts MATCH ?", [" AND ".join(terms)]))
        sql = " INTERSECT ".join(select for select, _values in selects) + " ORDER BY 1"
        return sql, [value for _select, values in selects for value in values]


@lru_cache(maxsize=8192)
def _folded_field(text: str) -> str:
    """Return a shown text folded, kept for the next search that shows it."""
    return fold(text)


def _folded(fields: Sequence[Field]) -> str:
    return "\n".join(fold(item.text) for item in fields)


def _han_term(text: str) -> str:
    if len(text) == 1:
        return f'single : "{text}"'
    return 'pair : "{}"'.format(" ".join(text[start:start + 2] for start in range(len(text) - 1)))


def _latin_term(piece: LatinPiece, forms: list[str]) -> str:
    """Return the FTS5 expression of Latin words: every word as English, or Chinese they read as."""
    english = []
    for position, word in enumerate(piece.words):
        alternatives = [f'stem : "{stem(word)}"']
        if piece.partial_last and position == len(piece.words) - 1:
            alternatives.append(f'word : "{word}" *')
        english.append("(" + " OR ".join(alternatives) + ")")
    options = ["(" + " AND ".join(english) + ")", *(_han_term(form) for form in forms)]
    return "(" + " OR ".join(options) + ")"


# Checking and marking ----------------------------------------------------------------------

def _hit(entry: Entry, fields: Sequence[Field], pieces: Sequence[Piece],
         forms: dict[LatinPiece, list[str]]) -> Hit | None:
    """Return the entry as a hit with its matches marked, or None if it does not hold them all."""
    folded = [_folded_field(item.text) for item in fields]
    marks: list[list[tuple[int, int]]] = [[] for _field in fields]
    for piece in pieces:
        found = _piece_marks(piece, folded, forms[piece] if isinstance(piece, LatinPiece) else [])
        if found is None:
            return None
        for index, spans in enumerate(found):
            marks[index].extend(spans)
    marked = [Marked(item.text, _merged(spans), item.tag) for item, spans in zip(fields, marks,
                                                                                  strict=True)]
    by_role: dict[Role, list[Marked]] = {"title": [], "name": [], "text": []}
    for item, text in zip(fields, marked, strict=True):
        by_role[item.role].append(text)
    title = by_role["title"][0] if by_role["title"] else None
    # The passage: a text that matches; else another name that does (when the title does not);
    # else the entry's first text (a definition, a figure's value).
    candidates = by_role["text"] + ([] if title and title.marks else by_role["name"])
    body = next((text for text in candidates if text.marks), by_role["text"][0])
    return Hit(entry, title, _passage(body))


def _piece_marks(piece: Piece, folded: Sequence[str],
                 forms: list[str]) -> list[list[tuple[int, int]]] | None:
    """Return each field's matches of one piece, or None if the entry does not hold it.

    Latin words match as English, or as any of the Chinese ``forms`` they are the pinyin of.
    """
    if isinstance(piece, HanPiece):
        found = [list(_occurrences(text, piece.text)) for text in folded]
    elif isinstance(piece, NumberPiece):
        found = [[match.span() for match in _NUMBER.finditer(text)
                  if piece.low <= float(number_value(match)) < piece.high] for text in folded]
    else:
        found = _english_marks(piece, folded) or [[] for _text in folded]
        for form in forms:
            for index, text in enumerate(folded):
                found[index].extend(_occurrences(text, form))
    return found if any(found) else None


def _occurrences(text: str, needle: str) -> Iterator[tuple[int, int]]:
    start = text.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + len(needle))


def _english_marks(piece: LatinPiece, folded: Sequence[str]) -> list[list[tuple[int, int]]] | None:
    """Return the marks of every word of ``piece`` as English, or None unless all are there."""
    positions: dict[str, set[int]] = {}
    for position, word in enumerate(piece.words):
        positions.setdefault(stem(word), set()).add(position)
    last = len(piece.words) - 1
    found: list[list[tuple[int, int]]] = []
    seen: set[int] = set()
    for text in folded:
        # Each different word of the text is stemmed once; only the matching ones are sought.
        matching: dict[str, set[int]] = {}
        for word in set(_WORD.findall(text)):
            matched = positions.get(stem(word), set())
            if piece.partial_last and word.startswith(piece.words[last]):
                matched = matched | {last}
            if matched:
                matching[word] = matched
                seen.update(matched)
        found.append([match.span() for match in _WORD.finditer(text)
                      if match.group() in matching] if matching else [])
    return found if len(seen) == len(piece.words) else None


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _passage(text: Marked) -> Marked:
    """Cut a long text to the stretch around its first match, with ellipses where it is cut."""
    length = PASSAGE_LENGTH[view_of(text.tag)]
    if len(text.text) <= length:
        return text
    first = text.marks[0][0] if text.marks else 0
    start = max(0, min(first - length // 4, len(text.text) - length))
    end = start + length
    if text.tag == "en":
        # Cut between words.
        start = text.text.rfind(" ", 0, start + 1) + 1 if start else 0
        space = text.text.find(" ", end)
        end = space if space >= 0 else len(text.text)
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text.text) else ""
    shift = len(lead) - start
    marks = tuple((max(mark_start, start) + shift, min(mark_end, end) + shift)
                  for mark_start, mark_end in text.marks if mark_start < end and mark_end > start)
    return Marked(lead + text.text[start:end] + tail, marks, text.tag)


# Entries from content ------------------------------------------------------------------------

def collect_entries(content: Content) -> list[Entry]:
    """Return everything that can be found, in content order (call inside an app context).

    The glossary first, then report by report: summaries, figures, highlights, cases and the
    paragraphs of the text, each kind in reading order.
    """
    entries = [_term_entry(term) for term in content.glossary]
    for report in content.reports.values():
        entries.extend(_summary_entries(report))
        entries.extend(_figure_entry(report, figure, content) for figure in report.briefing.figures)
        for section_id in SECTION_IDS:
            section = report.briefing.sections.get(section_id)
            entries.extend(Entry("highlight", report, _texts(highlight), section_id, index)
                           for index, highlight in enumerate(section.highlights))
        for section_id in SECTION_IDS:
            entries.extend(_case_entry(report, section_id, case)
                           for case in report.briefing.sections.get(section_id).cases)
        entries.extend(_paragraph_entry(report, block) for block in report.source.blocks)
    return entries


def _texts(*texts: Text | tuple[Role, Text]) -> dict[str, tuple[Field, ...]]:
    """Return the fields of content texts in each language; a bare text is the entry's text."""
    fields: dict[str, list[Field]] = {language.tag: [] for language in LANGUAGES}
    for item in texts:
        role, text = item if isinstance(item, tuple) else ("text", item)
        for tag, found in fields.items():
            found.append(Field(role, text.get(tag), tag))
    return {tag: tuple(found) for tag, found in fields.items()}


def _summary_entries(report: Report) -> Iterator[Entry]:
    briefing = report.briefing
    yield Entry("summary", report, _texts(briefing.summary), "overview")
    for section_id in SECTION_IDS:
        yield Entry("summary", report, _texts(briefing.sections.get(section_id).summary), section_id)
    for index, item in enumerate(briefing.shortcomings):
        yield Entry("summary", report, _texts(item), "shortcomings", index)
    for index, item in enumerate((briefing.outlook.summary, *briefing.outlook.items)):
        yield Entry("summary", report, _texts(item), "outlook", index)


def _figure_entry(report: Report, figure: Figure, content: Content) -> Entry:
    """Return a figure: its label and its value as the figure's card shows it.

    Formatting a figure (Babel) costs more than indexing it, so the index holds the value as
    written (1.95万件, or 19500 for English) and the card's form is made when a search shows it.
    """
    unit = content.units[figure.unit]
    indexed = _texts(("title", figure.label))
    for tag, value in (("zh-Hans", f"{figure.written}{unit.zh_hans}"),
                       ("zh-Hant", f"{figure.written}{unit.zh_hant}"),
                       ("en", f"{figure.value.normalize():f}")):
        indexed[tag] += (Field("text", value, tag),)
    return Entry("figure", report, _FigureFields(figure, content, indexed), figure.section,
                 item=figure, indexed=indexed)


class _FigureFields(Mapping[str, tuple[Field, ...]]):
    """A figure's fields in each language, its value formatted when first asked for."""

    def __init__(self, figure: Figure, content: Content,
                 indexed: dict[str, tuple[Field, ...]]) -> None:
        self._figure = figure
        self._units = content.units
        self._labels = {tag: fields[0] for tag, fields in indexed.items()}
        self._shown: dict[str, tuple[Field, ...]] = {}

    def __getitem__(self, tag: str) -> tuple[Field, ...]:
        if tag not in self._shown:
            language = next(language for language in LANGUAGES if language.tag == tag)
            with force_locale(language.babel):
                shown = format_figure(self._figure, self._units, language)
            value = " · ".join(text for text in (shown.text, shown.change) if text)
            self._shown[tag] = (self._labels[tag], Field("text", value, tag))
        return self._shown[tag]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


def _case_entry(report: Report, section_id: str, case: Case) -> Entry:
    return Entry("case", report, _texts(("title", case.title), case.summary), section_id,
                 item=case)


def _paragraph_entry(report: Report, block: Block) -> Entry:
    """Return a block of the report's text: Chinese for every reader, Traditional for zh-Hant."""
    simplified = Field("text", _block_text(report, block, SOURCE_TAG), SOURCE_TAG)
    traditional = Field("text", _block_text(report, block, "zh-Hant"), "zh-Hant")
    return Entry("paragraph", report, {"zh-Hans": (simplified,), "zh-Hant": (traditional,),
                                       "en": (simplified,)}, report.parts[block.id], item=block)


def _block_text(report: Report, block: Block, tag: str) -> str:
    """Return a block's text on one line: its lines (or cells) apart by spaces, no markup.

    A cell wrapped onto a second line is one cell, and the infographic's ``**`` emphasis
    markers are not words of the report (as in the source view).
    """
    return " ".join(re.sub(r"[ \t]*\n[ \t]*", "", report.text_in(span.start, span.end, tag))
                    .replace("**", "") for span in block.spans)


def _term_entry(term: Term) -> Entry:
    """Return a glossary term: the headword in the reader's language, and its other names.

    Each reader's glossary shows the headword with its rendering in the other language (the
    English rendering for Chinese readers, the Simplified term for English readers).
    """
    fields: dict[str, tuple[Field, ...]] = {}
    for language in LANGUAGES:
        tag = language.tag
        other = "zh-Hans" if tag == "en" else "en"
        chinese = "zh-Hant" if tag == "zh-Hant" else "zh-Hans"
        names = [Field("name", term.term.get(other), other)]
        names += [Field("name", form, chinese) for form in term.forms(chinese)[1:]]
        names += [Field("name", form, "en") for form in term.forms("en")[1:]]
        fields[tag] = (Field("title", term.term.get(tag), tag), *names,
                       Field("text", term.short.get(tag), tag),
                       Field("text", term.explanation.get(tag), tag))
    return Entry("term", None, fields, item=term)


# The app's index -----------------------------------------------------------------------------

@dataclass
class _LazyIndex:
    """The index of one app's content, built at the first search (not at start-up)."""

    index: SearchIndex | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def init_app(app: Flask) -> None:
    """Give ``app`` a search index of its content, built when first used."""
    app.extensions["search"] = _LazyIndex()


def warm_up(app: Flask) -> threading.Thread:
    """Build ``app``'s index in the background, so that the first search need not wait for it.

    Not part of start-up: a worker serves at once, and the build (about 0.3 s for today's
    content) runs beside its first requests.
    """
    def build() -> None:
        with app.app_context():
            current_index()

    thread = threading.Thread(target=build, name="search-index", daemon=True)
    thread.start()
    return thread


def current_index() -> SearchIndex:
    """Return the search index of the current app's content, building it once."""
    lazy: _LazyIndex = current_app.extensions["search"]
    if lazy.index is None:
        with lazy.lock:
            if lazy.index is None:
                lazy.index = SearchIndex(collect_entries(current_content()))
    return lazy.index
