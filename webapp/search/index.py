"""The search index: SQLite FTS5 in memory, built from entries; and the check and marking
of what it proposes, on the text in the reader's language."""

from __future__ import annotations

import operator
import sqlite3
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..config import SOURCE_TAG
from .entries import Entry, Field, GroupKey, Role
from .query import HanPiece, LatinPiece, NumberPiece, Piece, parse_query
from .text import HAN, MAX_FORMS, NUMBER, WORD, Pinyin, fold, number_values, stem

MAX_HITS = 50
PER_GROUP = 10
# How much of a long text a passage shows around its first match, in characters.
PASSAGE_LENGTH = {"zh": 90, "en": 200}
ELLIPSIS = "…"
# Marks a gap between runs of Chinese in the pair column, so a phrase cannot span a
# punctuation mark or two fields. Never a query token there.
_GAP = "0"


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
        self._pinyin = Pinyin()
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
                             ((view, float(value), row.rowid) for row in rows
                              for match in NUMBER.finditer(row.text)
                              for value in set(number_values(match)) for view in row.views))
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
        runs = HAN.findall(row.text)
        pairs = [list(map(operator.add, run, run[1:])) for run in runs]
        self._pinyin.learn_all({pair for run_pairs in pairs for pair in run_pairs})
        words = WORD.findall(row.text)
        return (row.rowid, " ".join(row.views), " ".join("".join(runs)),
                f" {_GAP} ".join(" ".join(run_pairs) for run_pairs in pairs),
                " ".join(words), " ".join([stem(word) for word in words]))

    def search(self, query: str, tag: str) -> Results:
        """Find ``query`` in what a reader of ``tag`` reads; raise QueryError if it cannot be.

        At most ``PER_GROUP`` hits of one kind in one report are listed, fewer when many groups
        match, and ``MAX_HITS`` in all, so that a common word still shows where else it stands
        (every report, not only the first); all are counted.
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
        per_group = max(1, min(PER_GROUP, MAX_HITS // max(1, self._groups_matched(rowids))))
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
            if listed[group] == per_group:
                # The rest of the group is counted, not checked.
                position = bisect_left(rowids, 2 * self._group_ends[group], position)
        counts = {}
        for group in listed:
            start = self._group_ends[group - 1] if group else 0
            found = (bisect_left(rowids, 2 * self._group_ends[group])
                     - bisect_left(rowids, 2 * start))
            counts[self.entries[start].group] = found - dropped.get(group, 0)
        return Results(query, tuple(hits), counts, len(rowids) - sum(dropped.values()))

    def _groups_matched(self, rowids: Sequence[int]) -> int:
        """Return how many groups (a kind in a report) hold at least one of ``rowids``."""
        matched = 0
        start = 0
        for end in self._group_ends:
            if bisect_left(rowids, 2 * end) > bisect_left(rowids, 2 * start):
                matched += 1
            start = end
        return matched

    def _chinese_forms(self, piece: LatinPiece) -> list[str]:
        """Return the Chinese that Latin words may be the pinyin of (none for one syllable)."""
        found: dict[str, None] = {}
        for reading in self._pinyin.readings(piece.words, piece.partial_last):
            found.update(dict.fromkeys(self._pinyin.forms(reading, piece.partial_last)))
        return list(found)[:MAX_FORMS]

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
        found = [[match.span() for match in NUMBER.finditer(text)
                  if any(piece.low <= float(value) < piece.high for value in number_values(match))]
                 for text in folded]
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
        for word in set(WORD.findall(text)):
            matched = positions.get(stem(word), set())
            if piece.partial_last and word.startswith(piece.words[last]):
                matched = matched | {last}
            if matched:
                matching[word] = matched
                seen.update(matched)
        found.append([match.span() for match in WORD.finditer(text)
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
