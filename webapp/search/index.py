"""The search index: SQLite FTS5 built from entries (in memory, or kept in a content build),
which proposes the entries that may hold a query; ``check`` confirms and marks them, and the
index ranks and pages them."""

from __future__ import annotations

import math
import operator
import sqlite3
import threading
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..config import SOURCE_TAG
from ..numerals import FOLDED_NUMBER
from .check import Hit, check, rank, view_of
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


@dataclass(frozen=True)
class StoredIndex:
    """An index made before and kept (``webapp.build``): its database (opened read-only where
    it is served), the group of each of its entries and the pinyin read from their texts."""

    db: sqlite3.Connection
    groups: Sequence[GroupKey]
    pinyin: Pinyin


@dataclass
class _Row:
    rowid: int
    views: tuple[str, ...]
    text: str


class SearchIndex:
    """An FTS5 index of entries, in memory or kept in a file; ``search`` is safe to call from any thread."""

    def __init__(self, entries: Sequence[Entry], stored: StoredIndex | None = None) -> None:
        """Build the index of ``entries`` in memory, or open the ``stored`` one made of them.

        Opened, ``entries`` may be a sequence that reads each entry when first asked for: the
        index reads only those a search lists.
        """
        self.entries = entries if stored is not None else tuple(entries)
        # Entries of a group stand together: each group's number, and where each ends.
        groups = stored.groups if stored is not None else [entry.group for entry in self.entries]
        self._group_number: dict[GroupKey, int] = {}
        self._group_ends: list[int] = []
        for index, group in enumerate(groups):
            if index and group != groups[index - 1]:
                self._group_ends.append(index)
            self._group_number.setdefault(group, len(self._group_ends))
        self._group_ends.append(len(groups))
        self._lock = threading.Lock()
        if stored is not None:
            self._pinyin, self._db = stored.pinyin, stored.db
            return
        self._pinyin = Pinyin()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(
            # Contentless: texts stay in the entries, the index keeps tokens only.
            "CREATE VIRTUAL TABLE fts USING fts5(views, single, pair, word, stem,"
            " content='', columnsize=0, tokenize='unicode61 remove_diacritics 0');"
            "CREATE TABLE numbers (view TEXT, value REAL, row INTEGER);")
        for entry in self.entries:
            for text, syllables in entry.readings:
                self._pinyin.learn_stated(fold(text), syllables)
        rows = list(self._rows())
        self._db.executemany("INSERT INTO fts (rowid, views, single, pair, word, stem)"
                             " VALUES (?, ?, ?, ?, ?, ?)",
                             (self._columns(row) for row in rows))
        self._db.executemany("INSERT INTO numbers VALUES (?, ?, ?)",
                             ((view, float(value), row.rowid) for row in rows
                              for match in FOLDED_NUMBER.finditer(row.text)
                              for value in set(number_values(match)) for view in row.views))
        self._db.executescript("CREATE INDEX numbers_by_value ON numbers (view, value, row);"
                               "INSERT INTO fts (fts) VALUES ('optimize');")

    def save(self, target: sqlite3.Connection) -> StoredIndex:
        """Copy the index's tables into ``target`` (whose tables it replaces); return what
        opens it again beside them (``target`` stands for the database, to be reopened)."""
        with self._lock:
            self._db.backup(target)
        return StoredIndex(target, tuple(entry.group for entry in self.entries), self._pinyin)

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
            rowids = [rowid for (rowid,) in self._db.execute(sql, parameters)]
        spans = self._group_spans(rowids)

        def found(number: int, limit: int | None) -> tuple[list[Hit], int]:
            start, end = spans[number]
            return self._checked(rowids[start:end], tag, pieces, forms, limit)

        if group is not None:
            number = self._group_number.get(group)
            if number not in spans:
                return Results(query, (), {group: 0}, 0, group, page or 1)
            group_hits, count = found(number, None)
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
        for number in list(spans)[(page - 1) * per_page:page * per_page]:
            group_hits, count = found(number, per_group)
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
        start = 0
        for number, end in enumerate(self._group_ends):
            first, last = bisect_left(rowids, 2 * start), bisect_left(rowids, 2 * end)
            if last > first:
                spans[number] = (first, last)
            start = end
        return spans

    def _checked(self, rowids: Sequence[int], tag: str, pieces: Sequence[Piece],
                 forms: dict[LatinPiece, list[str]], limit: int | None) -> tuple[list[Hit], int]:
        """Check one group's rowids: return its first ``limit`` hits (all with None), best
        first in a ranked kind, and how many of the rowids hold the query.

        Entries of a ranked kind are ordered by their titles and names first, so that only
        the hits listed are checked (a figure's check formats its value). A hit the check
        drops was found only in the index's Traditional fallback text, which is not what this
        reader sees. The hits after ``limit`` are counted, not checked.
        """
        entries = [self.entries[rowid // 2] for rowid in rowids]
        if entries and entries[0].kind in RANKED_KINDS:
            ranks = {id(entry): rank((entry.indexed or entry.fields)[tag], pieces, forms)
                     for entry in entries}
            entries.sort(key=lambda entry: ranks[id(entry)])
        hits: list[Hit] = []
        dropped = 0
        for entry in entries:
            if limit is not None and len(hits) == limit:
                break
            hit = check(entry, entry.fields[tag], pieces, forms)
            if hit is None:
                dropped += 1
            else:
                hits.append(hit)
        return hits, len(entries) - dropped

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


