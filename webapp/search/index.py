"""The search index: SQLite FTS5 built from entries (in memory, or kept in a content build),
which proposes the entries that may hold a query; ``check`` confirms and marks them, and the
index ranks and pages them.

An index reads only the entries of the page it lists (and the names of those it ranks), so an
index kept in a build reads a few entries a search, never a whole report.
"""

from __future__ import annotations

import json
import math
import operator
import sqlite3
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..config import SOURCE_TAG
from ..numerals import FOLDED_NUMBER
from .check import Hit, check, naming, rank, view_of
from .entries import Entry, Field, GroupKey, Kind
from .query import HanPiece, LatinPiece, NumberPiece, Piece, parse_query
from .text import HAN, MAX_FORMS, WORD, Pinyin, fold, number_values, stem

MAX_HITS = 50
PER_GROUP = 10
# Kinds whose entries have a title to rank by: the best matches are listed first.
RANKED_KINDS: frozenset[Kind] = frozenset({"term", "figure", "case"})
# Marks a gap between runs of Chinese in the pair column, so a phrase cannot span a
# punctuation mark or two fields. Never a query token there.
_GAP = "0"


@dataclass(frozen=True)
class Results:
    """A page of the hits of a query.

    Without a ``group``, the first hits of each group (a report's id, or None for the
    glossary, and a kind) in content order, the glossary first; with one, every hit of that
    group, a page at a time. Within a group of a ranked kind, the best matches come first.
    ``counts`` says how many entries match in each group that has hits listed, ``total`` how
    many match in all (in the group, when one is asked for); ``pages`` how many pages there are.
    """

    query: str
    hits: tuple[Hit, ...]
    counts: dict[GroupKey, int]
    total: int
    group: GroupKey | None = None
    page: int = 1
    pages: int = 1
    # How many hits of the group come before this page's.
    offset: int = 0


class EntrySource(Protocol):
    """Where an index reads its entries, each by its number (its place in content order)."""

    def entries(self, numbers: Sequence[int]) -> list[Entry]:
        """Return the entries numbered ``numbers``, in that order."""

    def names(self, numbers: Sequence[int], tag: str) -> list[tuple[Field, ...]]:
        """Return, of each entry numbered ``numbers``, what ``check.rank`` reads in ``tag``:
        the title and other names (``check.naming``) of its searched texts."""


class HeldEntries:
    """Entries held in memory."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.all = tuple(entries)

    def entries(self, numbers: Sequence[int]) -> list[Entry]:
        """Return the entries numbered ``numbers``, in that order."""
        return [self.all[number] for number in numbers]

    def names(self, numbers: Sequence[int], tag: str) -> list[tuple[Field, ...]]:
        """Return the title and other names of the entries numbered ``numbers`` in ``tag``."""
        return [naming(self.all[number].searched[tag]) for number in numbers]


# Each group of entries, with where its entries end (entries of a group stand together).
GroupRuns = Sequence[tuple[GroupKey, int]]


@dataclass(frozen=True)
class StoredIndex:
    """An index made before and kept (``webapp.build``): its database (opened read-only where
    it is served), where its entries are read, its groups (``GroupRuns``), and the pinyin read
    from their texts (called when a search first needs it: most never do)."""

    db: sqlite3.Connection
    entries: EntrySource
    groups: GroupRuns
    pinyin: Callable[[], Pinyin]


@dataclass
class _Row:
    rowid: int
    views: tuple[str, ...]
    text: str


class SearchIndex:
    """An FTS5 index of entries, in memory or kept in a file; ``search`` is safe to call from any thread."""

    def __init__(self, made: Sequence[Entry] | StoredIndex) -> None:
        """Build the index of entries in memory, or open a ``StoredIndex`` made of them."""
        self._lock = threading.Lock()
        if isinstance(made, StoredIndex):
            self._entries: EntrySource = made.entries
            self._groups = made.groups
            self._pinyin = made.pinyin
            self._db = made.db
        else:
            held = HeldEntries(made)
            self._entries = held
            self._groups = _group_runs(held.all)
            pinyin = self._build(held.all)
            self._pinyin = lambda: pinyin
        # Each group's number, and where the entries of each end.
        self._group_number = {group: number for number, (group, _end) in enumerate(self._groups)}
        self._group_ends = [end for _group, end in self._groups]

    def _build(self, entries: Sequence[Entry]) -> Pinyin:
        """Index ``entries`` in a database in memory; return the pinyin read from them."""
        pinyin = Pinyin()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(
            # Contentless: texts stay in the entries, the index keeps tokens only.
            "CREATE VIRTUAL TABLE fts USING fts5(views, single, pair, word, stem,"
            " content='', columnsize=0, tokenize='unicode61 remove_diacritics 0');"
            "CREATE TABLE numbers (view TEXT, value REAL, row INTEGER);")
        for entry in entries:
            for text, syllables in entry.readings:
                pinyin.learn_stated(fold(text), syllables)
        rows = list(_rows(entries))
        self._db.executemany("INSERT INTO fts (rowid, views, single, pair, word, stem)"
                             " VALUES (?, ?, ?, ?, ?, ?)",
                             (_columns(row, pinyin) for row in rows))
        self._db.executemany("INSERT INTO numbers VALUES (?, ?, ?)",
                             ((view, float(value), row.rowid) for row in rows
                              for match in FOLDED_NUMBER.finditer(row.text)
                              for value in set(number_values(match)) for view in row.views))
        self._db.executescript("CREATE INDEX numbers_by_value ON numbers (view, value, row);"
                               "INSERT INTO fts (fts) VALUES ('optimize');")
        return pinyin

    def save(self, target: sqlite3.Connection) -> tuple[GroupRuns, Pinyin]:
        """Copy the index's tables into ``target`` (whose tables it replaces); return what a
        ``StoredIndex`` keeps beside them: the groups and the pinyin."""
        with self._lock:
            self._db.backup(target)
        return self._groups, self._pinyin()

    def search(self, query: str, tag: str, group: GroupKey | None = None,
               page: int | None = 1) -> Results:
        """Find ``query`` in what a reader of ``tag`` reads; raise QueryError if it cannot be.

        Without a ``group``, at most ``PER_GROUP`` hits of one kind in one report are listed,
        fewer when many groups match, and ``MAX_HITS`` on a page, so that a common word still
        shows where else it stands (every report, not only the first); all are counted, and
        the groups that do not fit go on later pages. With a ``group``, its hits are listed
        ``MAX_HITS`` to a page, or all at once with ``page`` None (as the glossary's filter
        lists them). A ``page`` past the last lists nothing.
        """
        pieces = parse_query(query)
        forms = {piece: self._chinese_forms(piece) for piece in pieces
                 if isinstance(piece, LatinPiece)}
        sql, parameters = self._sql(pieces, forms, view_of(tag))
        with self._lock:
            # One row of every rowid in a JSON array: a row a rowid costs about three times
            # as much when a word is common. Aggregated in no set order: sorted again.
            (matched,) = self._db.execute(f"SELECT json_group_array(id) FROM ({sql})",
                                          parameters).fetchone()
        rowids: list[int] = sorted(json.loads(matched))
        spans = self._group_spans(rowids)

        def found(numbers: Sequence[int], limit: int | None) -> list[tuple[list[Hit], int]]:
            return self._checked([(self._groups[number][0][1], rowids[slice(*spans[number])])
                                  for number in numbers], tag, pieces, forms, limit)

        if group is not None:
            number = self._group_number.get(group)
            if number not in spans:
                return Results(query, (), {group: 0}, 0, group, page or 1)
            [(group_hits, count)] = found([number], None)
            if page is None:
                return Results(query, tuple(group_hits), {group: count}, count, group)
            first = (page - 1) * MAX_HITS
            return Results(query, tuple(group_hits[first:first + MAX_HITS]), {group: count},
                           count, group, page, max(1, math.ceil(count / MAX_HITS)), first)
        page = page or 1
        per_group = max(1, min(PER_GROUP, MAX_HITS // max(1, len(spans))))
        per_page = MAX_HITS // per_group
        hits: list[Hit] = []
        counts: dict[GroupKey, int] = {}
        dropped = 0
        listed = list(spans)[(page - 1) * per_page:page * per_page]
        for number, (group_hits, count) in zip(listed, found(listed, per_group), strict=True):
            start, end = spans[number]
            dropped += end - start - count
            if group_hits:
                hits.extend(group_hits)
                counts[group_hits[0].entry.group] = count
        return Results(query, tuple(hits), counts, len(rowids) - dropped, None, page,
                       max(1, math.ceil(len(spans) / per_page)))

    def _group_spans(self, rowids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Return where each group's rowids start and end in ``rowids``, by group number, for
        the groups that hold at least one, in content order."""
        spans: dict[int, tuple[int, int]] = {}
        first = 0
        while first < len(rowids):
            # The group of the entry of this rowid, and the first rowid past that group's.
            number = bisect_right(self._group_ends, rowids[first] // 2)
            last = bisect_left(rowids, 2 * self._group_ends[number], first)
            spans[number] = (first, last)
            first = last
        return spans

    def _checked(self, groups: Sequence[tuple[Kind, Sequence[int]]], tag: str,
                 pieces: Sequence[Piece], forms: dict[LatinPiece, list[str]],
                 limit: int | None) -> list[tuple[list[Hit], int]]:
        """Check groups' rowids (each group's kind and rowids): return of each its first
        ``limit`` hits (all with None), best first in a ranked kind, and how many of its
        rowids hold the query.

        Entries of a ranked kind are ordered by their titles and names first, so that only
        the hits listed are checked (a figure's check formats its value). A hit the check
        drops was found only in the index's Traditional fallback text, which is not what this
        reader sees. The hits after ``limit`` are counted, not checked, nor read. The entries
        of every group are read together: more are read only where some were dropped.
        """
        orders = [[rowid // 2 for rowid in rowids] for _kind, rowids in groups]
        ranked = [order for (kind, _rowids), order in zip(groups, orders, strict=True)
                  if kind in RANKED_KINDS]
        names = iter(self._entries.names([number for order in ranked for number in order], tag))
        for order in ranked:
            ranks = [rank(next(names), pieces, forms) for _number in order]
            order[:] = [order[position] for position in sorted(range(len(order)),
                                                               key=ranks.__getitem__)]
        hits: list[list[Hit]] = [[] for _group in groups]
        checked = [0] * len(groups)
        while True:
            # Of each group, as many as the hits still wanted.
            wanted = [(position, order[checked[position]:] if limit is None else
                       order[checked[position]:checked[position] + limit - len(hits[position])])
                      for position, order in enumerate(orders)]
            wanted = [(position, numbers) for position, numbers in wanted if numbers]
            if not wanted:
                break
            entries = iter(self._entries.entries([number for _position, numbers in wanted
                                                  for number in numbers]))
            for position, numbers in wanted:
                for entry in (next(entries) for _number in numbers):
                    hit = check(entry, entry.fields[tag], pieces, forms)
                    if hit is not None:
                        hits[position].append(hit)
                checked[position] += len(numbers)
        return [(found, len(order) - (checked[position] - len(found)))
                for position, (found, order) in enumerate(zip(hits, orders, strict=True))]

    def _chinese_forms(self, piece: LatinPiece) -> list[str]:
        """Return the Chinese that Latin words may be the pinyin of (none for one syllable)."""
        found: dict[str, None] = {}
        pinyin = self._pinyin()
        for reading in pinyin.readings(piece.words, piece.partial_last):
            found.update(dict.fromkeys(pinyin.forms(reading, piece.partial_last)))
        return list(found)[:MAX_FORMS]

    def _sql(self, pieces: Sequence[Piece], forms: dict[LatinPiece, list[str]],
             view: str) -> tuple[str, list[object]]:
        """Return the query for the rowids holding every piece."""
        terms = [f'views : "{view}"']
        numbers: list[NumberPiece] = []
        for piece in pieces:
            if isinstance(piece, NumberPiece):
                numbers.append(piece)
            elif isinstance(piece, HanPiece):
                terms.append(_han_term(piece.text))
            else:
                terms.append(_latin_term(piece, forms[piece]))
        selects = [("SELECT DISTINCT row AS id FROM numbers WHERE view = ? AND value >= ? AND value < ?",
                    [view, number.low, number.high]) for number in numbers]
        if len(terms) > 1 or not selects:
            selects.insert(0, ("SELECT rowid AS id FROM fts WHERE fts MATCH ?", [" AND ".join(terms)]))
        sql = " INTERSECT ".join(select for select, _values in selects)
        return sql, [value for _select, values in selects for value in values]


def _group_runs(entries: Sequence[Entry]) -> list[tuple[GroupKey, int]]:
    """Return each group of ``entries`` (in content order) with where its entries end."""
    runs: list[tuple[GroupKey, int]] = []
    for number, entry in enumerate(entries):
        if runs and runs[-1][0] == entry.group:
            runs[-1] = (entry.group, number + 1)
        else:
            runs.append((entry.group, number + 1))
    return runs


def _rows(entries: Sequence[Entry]) -> Iterator[_Row]:
    """Yield the rows to index: an entry's Chinese texts, and its English ones if they differ.

    Each entry ``i`` has rows ``2i`` (Chinese, or both when the English reader sees the
    same texts, as with the report's paragraphs) and ``2i + 1`` (English), so rowids
    keep content order.
    """
    for index, entry in enumerate(entries):
        fields = entry.searched
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


def _columns(row: _Row, pinyin: Pinyin) -> tuple[object, ...]:
    """Return a row's columns, learning the pinyin of its pairs of characters."""
    runs = HAN.findall(row.text)
    pairs = [list(map(operator.add, run, run[1:])) for run in runs]
    pinyin.learn_all({pair for run_pairs in pairs for pair in run_pairs})
    words = WORD.findall(row.text)
    return (row.rowid, " ".join(row.views), " ".join("".join(runs)),
            f" {_GAP} ".join(" ".join(run_pairs) for run_pairs in pairs),
            " ".join(words), " ".join([stem(word) for word in words]))


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


