"""Checking what the index proposes, on the text in the reader's language: whether an entry
holds every piece of a query, where each matches, how well it matches (its rank), and the
passage a result shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..numerals import FOLDED_NUMBER
from .entries import Entry, Field, Role
from .query import HanPiece, LatinPiece, NumberPiece, Piece
from .text import WORD, fold, number_values, stem

# How much of a long text a passage shows around its first match, in characters.
PASSAGE_LENGTH = {"zh": 90, "en": 200}
ELLIPSIS = "…"
# The roles ``rank`` reads, best first.
NAMING_ROLES: tuple[Role, ...] = ("title", "name")


@dataclass(frozen=True)
class Marked:
    """A text with its matches: ``marks`` are [start, end) offsets in code points."""

    text: str
    marks: tuple[tuple[int, int], ...]
    tag: str


@dataclass(frozen=True)
class Hit:
    """An entry found, with its title and passage marked.

    ``rank`` says how well it matches: 0 when its title holds the whole query (a glossary
    term's headword, a figure's label), 1 when another name of it does, 2 when only its text
    does (a passing mention).
    """

    entry: Entry
    title: Marked | None
    passage: Marked
    rank: int


def view_of(tag: str) -> str:
    """Return which texts a reader of ``tag`` searches: the Chinese (either script) or English."""
    return "en" if tag == "en" else "zh"


@lru_cache(maxsize=8192)
def _folded_field(text: str) -> str:
    """Return a shown text folded, kept for the next search that shows it."""
    return fold(text)


def check(entry: Entry, fields: Sequence[Field], pieces: Sequence[Piece],
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
    return Hit(entry, title, _passage(body), rank(fields, pieces, forms))


def naming(fields: Sequence[Field]) -> tuple[Field, ...]:
    """Return the fields of an entry that ``rank`` reads: its title and other names."""
    return tuple(item for item in fields if item.role in NAMING_ROLES)


def rank(fields: Sequence[Field], pieces: Sequence[Piece],
         forms: dict[LatinPiece, list[str]]) -> int:
    """Return how well an entry matches: 0 when its title holds every piece of the query,
    1 when another of its names does, 2 otherwise (see ``Hit``).

    Only the title and names are read, so an entry can be ranked before it is checked (and a
    figure's value formatted). A piece found in several fields together (one word in the
    title, another in the definition) is no match of the title: each field counts alone.
    """
    def holds_all(item: Field) -> bool:
        folded = _folded_field(item.text)
        # Chinese is looked for as it is (the commonest query, over every candidate); other
        # pieces as ``check`` reads them.
        return all(piece.text in folded if isinstance(piece, HanPiece) else
                   _piece_marks(piece, [folded],
                                forms[piece] if isinstance(piece, LatinPiece) else []) is not None
                   for piece in pieces)

    for found, role in enumerate(NAMING_ROLES):
        if any(item.role == role and holds_all(item) for item in fields):
            return found
    return 2


def _piece_marks(piece: Piece, folded: Sequence[str],
                 forms: list[str]) -> list[list[tuple[int, int]]] | None:
    """Return each field's matches of one piece, or None if the entry does not hold it.

    Latin words match as English, or as any of the Chinese ``forms`` they are the pinyin of.
    """
    if isinstance(piece, HanPiece):
        found = [list(_occurrences(text, piece.text)) for text in folded]
    elif isinstance(piece, NumberPiece):
        found = [[match.span() for match in FOLDED_NUMBER.finditer(text)
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
        words = _words(text)
        matching = {word: matched for query_stem, matched in positions.items()
                    for word in words.by_stem.get(query_stem, ())}
        if piece.partial_last:
            for word in words.spans:
                if word.startswith(piece.words[last]):
                    matching[word] = matching.get(word, set()) | {last}
        for matched in matching.values():
            seen.update(matched)
        found.append(sorted(span for word in matching for span in words.spans[word]))
    return found if len(seen) == len(piece.words) else None


@dataclass(frozen=True)
class _Words:
    """The English words of a folded text: where each stands, and the words of each stem."""

    spans: dict[str, list[tuple[int, int]]]
    by_stem: dict[str, list[str]]


@lru_cache(maxsize=2048)
def _words(text: str) -> _Words:
    """Return the English words of a folded text, kept for the next search that reads it (a
    text's words are read and stemmed once, not once a search)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in WORD.finditer(text):
        spans.setdefault(match.group(), []).append(match.span())
    by_stem: dict[str, list[str]] = {}
    for word in spans:
        by_stem.setdefault(stem(word), []).append(word)
    return _Words(spans, by_stem)


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
