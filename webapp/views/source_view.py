"""A report's text as the source view shows it: blocks, marked quotes, the items drawing on each.

Knows no request: the view passes the language in. Quotes are marked on the source's own
offsets, so the same marks hold in Simplified and in converted Traditional text.

Every figure's link lands on an element (its anchor, ``quote-<figure>``) holding the figure's
whole quote, or for a number in a table, the cell holding it (with its row and column headings
marked). Quotes that overlap without one holding the other are marked as one stretch, the
union of their quotes, which is each one's anchor: so each anchor holds its own whole quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..content.briefing import SECTION_IDS, Case, Highlight, Part
from ..content.reports import Report
from ..content.sources import Block, Located, Span
from ..content.statistics import Figure
from ..content.translation_numbers import Number, english_numbers
from ..content.translations import TranslatedBlock
from ..markup import visible_stretch
from ..numerals import find_written


@dataclass(frozen=True)
class Marked:
    """A marked stretch of text: what it holds (text and marked stretches within it) and the
    figures whose anchor it is (outermost first; none where a quote goes on from another line)."""

    children: tuple[str | Marked, ...]
    anchors: tuple[str, ...] = ()


# What a line or a table cell shows: plain text and marked stretches, in reading order.
Pieces = list[str | Marked]


@dataclass(frozen=True)
class HighlightUse:
    """A highlight that draws on a block: its section, its place there, and the highlight.

    A highlight drawing on several blocks is shown whole beside the first (``first``) and
    referred to beside the others.
    """

    section: str
    index: int
    highlight: Highlight
    first: bool


@dataclass(frozen=True)
class CaseUse:
    section: str
    case: Case


@dataclass(frozen=True)
class Chosen:
    """The highlight or case a link to the source view asked to mark: its section, and its
    place there (``index``, for a highlight)."""

    section: str
    item: Highlight | Case
    index: int = 0

    @property
    def kind(self) -> str:
        """Return ``case`` or ``highlight``."""
        return "case" if isinstance(self.item, Case) else "highlight"

    @property
    def blocks(self) -> tuple[str, ...]:
        """Return the ids of the blocks the item draws on."""
        return self.item.paragraphs


@dataclass(frozen=True)
class TranslationView:
    """A block's English, figures' numbers marked where they can be found: its lines, or for a
    table its rows of cells."""

    lines: list[Pieces]
    rows: list[list[Pieces]]

    @property
    def shown_text(self) -> str:
        """Return the English as shown, its lines joined by spaces (for headings)."""
        return " ".join(plain_text(line) for line in self.lines)


@dataclass
class BlockView:
    """A block ready to show: its lines (or table rows) as pieces, and what draws on it.

    ``chosen`` is the block's place (1-based) among the blocks of the item a link asked to mark,
    0 if it is not one of them; ``next_chosen`` the id of the next of those blocks.
    """

    block: Block
    part: Part
    lines: list[Pieces]
    rows: list[list[Pieces]]
    # Whether the block opens a run of its part: the view shows where each part begins.
    starts_part: bool
    figures: list[Figure] = field(default_factory=list)
    highlights: list[HighlightUse] = field(default_factory=list)
    cases: list[CaseUse] = field(default_factory=list)
    chosen: int = 0
    next_chosen: str | None = None
    translation: TranslationView | None = None

    @property
    def shown_text(self) -> str:
        """Return the block's text as shown, its lines joined by spaces (for headings)."""
        return " ".join(plain_text(line) for line in self.lines)


def plain_text(pieces: Sequence[str | Marked]) -> str:
    """Return the text of pieces without their marks."""
    return "".join(piece if isinstance(piece, str) else plain_text(piece.children)
                   for piece in pieces)


def present_source(report: Report, tag: str, chosen: Chosen | None = None,
                   translated: bool = False) -> list[BlockView]:
    """Return every block of the report's source, marked and annotated, in reading order.

    ``chosen``: the item whose blocks a link asked to mark; ``translated``: give each block
    its English translation beside it (where the report has one).
    """
    views: list[BlockView] = []
    by_id: dict[str, BlockView] = {}
    previous_part: Part | None = None
    for block in report.source.blocks:
        quotes = {figure_id: where for figure_id, where in report.quotes.items()
                  if where.block.id == block.id}
        part = report.parts[block.id]
        if block.rows:
            lines, rows = [], _table(report, block, quotes, tag)
        else:
            anchored: set[str] = set()
            lines, rows = [_pieces(report, span, quotes, tag, anchored) for span in block.spans], []
        view = BlockView(block, part, lines, rows, starts_part=part != previous_part)
        previous_part = part
        views.append(view)
        by_id[block.id] = view
    for figure in report.briefing.figures:
        where = report.quotes.get(figure.id)
        if where is not None:
            by_id[where.block.id].figures.append(figure)
    if translated and report.translation is not None:
        for view in views:
            entry = report.translation.of(view.block.id)
            if entry is not None:
                view.translation = _translation(report, view, entry)
    for section_id in SECTION_IDS:
        section = report.briefing.sections.get(section_id)
        for index, highlight in enumerate(section.highlights):
            for position, block_id in enumerate(highlight.paragraphs):
                by_id[block_id].highlights.append(
                    HighlightUse(section_id, index, highlight, first=position == 0))
        for case in section.cases:
            for block_id in case.paragraphs:
                by_id[block_id].cases.append(CaseUse(section_id, case))
    if chosen is not None:
        # Marked in reading order, whatever order the item names them in.
        marked = [view for view in views if view.block.id in chosen.blocks]
        for position, view in enumerate(marked):
            view.chosen = position + 1
            view.next_chosen = marked[position + 1].block.id if position + 1 < len(marked) else None
    return views


def find_chosen(report: Report, highlight: str | None, case: str | None) -> Chosen | None:
    """Return the highlight (``economy-2``: section and 1-based place) or case (its id) a link
    names, or None if there is no such item."""
    for section_id in SECTION_IDS:
        section = report.briefing.sections.get(section_id)
        for index, item in enumerate(section.highlights):
            if highlight == highlight_key(section_id, index):
                return Chosen(section_id, item, index)
        for found in section.cases:
            if case == found.id:
                return Chosen(section_id, found)
    return None


def highlight_key(section_id: str, index: int) -> str:
    """Return how a link names a highlight: its section and place there (1-based)."""
    return f"{section_id}-{index + 1}"


def headings(views: Sequence[BlockView], deepest: int = 3) -> list[BlockView]:
    """Return the blocks that are the report's own headings, down to level ``deepest``."""
    return [view for view in views if view.block.kind == "heading" and view.block.level <= deepest]


def _pieces(report: Report, span: Span, quotes: dict[str, Located], tag: str,
            anchored: set[str]) -> Pieces:
    """Mark the quotes inside a span, nested, each quote's anchor once (``anchored``: placed).

    Two quotes that overlap without one holding the other are marked as one stretch, which
    holds both: every stretch then holds or excludes every other, and nests.
    """
    ranges = {figure_id: (max(where.start, span.start), min(where.end, span.end))
              for figure_id, where in quotes.items()
              if where.start < span.end and where.end > span.start}
    _merge_crossing(ranges)
    stretches: dict[tuple[int, int], list[str]] = {}
    for figure_id, stretch in sorted(ranges.items(), key=lambda item: quotes[item[0]].start):
        stretches.setdefault(stretch, []).append(figure_id)
    # Outer stretches first: by start, then the longer.
    order = sorted(stretches, key=lambda stretch: (stretch[0], -stretch[1]))
    pieces, _end = _nest(report, tag, order, 0, span.start, span.end, stretches, anchored)
    return pieces


def _merge_crossing(ranges: dict[str, tuple[int, int]]) -> None:
    """Widen crossing ranges to their union until every two nest or stand apart."""
    changed = True
    while changed:
        changed = False
        for first in ranges:
            for second in ranges:
                (a_start, a_end), (b_start, b_end) = ranges[first], ranges[second]
                if a_start < b_start < a_end < b_end:
                    ranges[first] = ranges[second] = (a_start, b_end)
                    changed = True


def _nest(report: Report, tag: str, order: list[tuple[int, int]], index: int, start: int,
          end: int, stretches: dict[tuple[int, int], list[str]],
          anchored: set[str]) -> tuple[Pieces, int]:
    """Build the pieces of ``start:end`` from the stretches ``order[index:]`` inside it.

    Return them and the index of the first stretch not inside.
    """
    pieces: Pieces = []
    position = start
    while index < len(order) and order[index][1] <= end and order[index][0] >= start:
        stretch = order[index]
        _add_text(pieces, _shown(report, position, stretch[0], tag))
        children, index = _nest(report, tag, order, index + 1, stretch[0], stretch[1], stretches,
                                anchored)
        anchors = tuple(figure_id for figure_id in stretches[stretch] if figure_id not in anchored)
        anchored.update(anchors)
        pieces.append(Marked(tuple(children), anchors))
        position = stretch[1]
    _add_text(pieces, _shown(report, position, end, tag))
    return pieces, index


def _add_text(pieces: Pieces, shown: str) -> None:
    if shown:
        pieces.append(shown)


def _table(report: Report, block: Block, quotes: dict[str, Located],
           tag: str) -> list[list[Pieces]]:
    """Mark a table's cells: each a quote covers whole, and each figure's number cell, with its
    row's and column's heading cells, as the figure's anchor.

    A quote across a row's cells (刑事案件 1337 1770 32.39%) names two figures' numbers: each
    figure's link lands on the cell holding its own.
    """
    marked, anchors = _marked_cells(report, block, quotes)
    rows: list[list[Pieces]] = []
    for row_index, row in enumerate(block.rows):
        cells: list[Pieces] = []
        for column, cell in enumerate(row):
            text = _shown(report, cell.start, cell.end, tag)
            if (row_index, column) in marked and text:
                cells.append([Marked((text,), tuple(anchors.get((row_index, column), ())))])
            else:
                cells.append([text] if text else [])
        rows.append(cells)
    return rows


def _marked_cells(report: Report, block: Block, quotes: dict[str, Located],
                  ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], list[str]]]:
    """Return a table's marked cells (row, column) and the figures anchored at each number cell.

    Marked: each cell a quote covers, and each figure's number cell with its row's and
    column's heading cells.
    """
    anchors: dict[tuple[int, int], list[str]] = {}
    marked: set[tuple[int, int]] = set()
    for figure_id, where in sorted(quotes.items(), key=lambda item: item[1].start):
        for row_index, row in enumerate(block.rows):
            for column, cell in enumerate(row):
                if where.start < cell.end and where.end > cell.start:
                    marked.add((row_index, column))
        place = _number_cell(report, block, figure_id, where)
        if place is not None:
            anchors.setdefault(place, []).append(figure_id)
            marked.update({(place[0], 0), (0, place[1])})
    return marked, anchors


def _number_cell(report: Report, block: Block, figure_id: str,
                 where: Located) -> tuple[int, int] | None:
    """Return the row and column of the cell holding a figure's number, or None."""
    found = find_written(report.figure(figure_id).written, report.source.text[where.start:where.end])
    offset = where.start + (found.start() if found is not None else 0)
    for row_index, row in enumerate(block.rows):
        for column, cell in enumerate(row):
            if cell.start <= offset < cell.end:
                return row_index, column
    return None


def _shown(report: Report, start: int, end: int, tag: str) -> str:
    """Return the source's ``start:end`` as readers see it in ``tag``: on one line, without the
    infographic's markup (``visible_stretch``)."""
    return visible_stretch(report.source.text, start, end,
                           report.source_hant if tag == "zh-Hant" else None)


def _translation(report: Report, view: BlockView, entry: TranslatedBlock) -> TranslationView:
    """Mark in a block's English the number of each figure quoted from the block, where found.

    A table's English marks the cells that stand where the source's marked cells stand (the
    tables share their shape), so both columns of a pair highlight the same numbers and
    headings; a text's at the first number of the English, not yet marked, with the figure's
    value (and a percentage's kind).
    """
    if entry.rows is not None:
        cells, _anchors = _marked_cells(report, view.block,
                                        {figure.id: report.quotes[figure.id]
                                         for figure in view.figures})
        return TranslationView([], [[[Marked((cell,))] if (row, column) in cells and cell
                                     else ([cell] if cell else [])
                                     for column, cell in enumerate(cells_of_row)]
                                    for row, cells_of_row in enumerate(entry.rows)])
    lines = [(line, english_numbers(line)) for line in entry.lines]
    marked: list[set[tuple[int, int]]] = [set() for _line in lines]
    for figure in view.figures:
        found = next(((index, (number.start, number.end))
                      for index, (_line, numbers) in enumerate(lines) for number in numbers
                      if (number.start, number.end) not in marked[index]
                      and _says(number, figure)), None)
        if found is not None:
            marked[found[0]].add(found[1])
    return TranslationView([_marked_line(line, marked[index])
                            for index, (line, _numbers) in enumerate(lines)], [])


def _says(number: Number, figure: Figure) -> bool:
    """Tell whether an English number states a figure's value (a percentage as one)."""
    percent = figure.unit == "percent"
    return number.value == figure.value and (number.kind == "percent") == percent


def _marked_line(line: str, stretches: set[tuple[int, int]]) -> Pieces:
    """Cut a line into text and marked stretches."""
    pieces: Pieces = []
    position = 0
    for start, end in sorted(stretches):
        _add_text(pieces, line[position:start])
        pieces.append(Marked((line[start:end],)))
        position = end
    _add_text(pieces, line[position:])
    return pieces
