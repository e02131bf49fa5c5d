"""A report's text as the source view shows it: blocks, marked quotes, the items drawing on each.

Knows no request: the view passes the language in. Quotes are marked on the source's own
offsets, so the same marks hold in Simplified and in converted Traditional text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..content.models import SECTION_IDS, Case, Figure, Highlight, Part, Report
from ..content.sources import Block, Span, visible_stretch


@dataclass(frozen=True)
class Piece:
    """A stretch of a block's text, the figures whose quotes cover it (none: not marked), and
    those whose quotes begin in it (their anchors go here, once each)."""

    text: str
    figures: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()


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


@dataclass
class BlockView:
    """A block ready to show: its lines (or table rows) as pieces, and what draws on it."""

    block: Block
    part: Part
    lines: list[list[Piece]]
    rows: list[list[list[Piece]]]
    # Whether the block opens a run of its part: the view shows where each part begins.
    starts_part: bool
    figures: list[Figure] = field(default_factory=list)
    highlights: list[HighlightUse] = field(default_factory=list)
    cases: list[CaseUse] = field(default_factory=list)

    @property
    def shown_text(self) -> str:
        """Return the block's text as shown, its lines joined by spaces (for headings)."""
        return " ".join("".join(piece.text for piece in line) for line in self.lines)


def present_source(report: Report, tag: str) -> list[BlockView]:
    """Return every block of the report's source, marked and annotated, in reading order."""
    located = sorted(report.quotes.items(), key=lambda item: item[1].start)
    views: list[BlockView] = []
    by_id: dict[str, BlockView] = {}
    previous_part: Part | None = None
    for block in report.source.blocks:
        quotes = [(figure_id, where.start, where.end) for figure_id, where in located
                  if where.block.id == block.id]
        part = report.parts[block.id]
        anchored: set[str] = set()
        view = BlockView(
            block, part,
            lines=[] if block.rows else [_pieces(report, span, quotes, tag, anchored)
                                         for span in block.spans],
            rows=[[_pieces(report, cell, quotes, tag, anchored, whole=True) for cell in row]
                  for row in block.rows],
            starts_part=part != previous_part)
        previous_part = part
        views.append(view)
        by_id[block.id] = view
    for figure in report.briefing.figures:
        where = report.quotes.get(figure.id)
        if where is not None:
            by_id[where.block.id].figures.append(figure)
    for section_id in SECTION_IDS:
        section = report.briefing.sections.get(section_id)
        for index, highlight in enumerate(section.highlights):
            for position, block_id in enumerate(highlight.paragraphs):
                by_id[block_id].highlights.append(
                    HighlightUse(section_id, index, highlight, first=position == 0))
        for case in section.cases:
            for block_id in case.paragraphs:
                by_id[block_id].cases.append(CaseUse(section_id, case))
    return views


def headings(views: Sequence[BlockView], deepest: int = 3) -> list[BlockView]:
    """Return the blocks that are the report's own headings, down to level ``deepest``."""
    return [view for view in views if view.block.kind == "heading" and view.block.level <= deepest]


def _pieces(report: Report, span: Span, quotes: list[tuple[str, int, int]], tag: str,
            anchored: set[str], whole: bool = False) -> list[Piece]:
    """Cut a span at the edges of the quotes inside it; ``whole`` marks all of it if any touches.

    A table cell is marked whole: a quote that runs across cells covers each of them. Each
    quote's anchor goes in the first piece it covers (``anchored`` records those placed).
    """
    inside = [(figure_id, max(start, span.start), min(end, span.end))
              for figure_id, start, end in quotes if start < span.end and end > span.start]
    if whole:
        inside = [(figure_id, span.start, span.end) for figure_id, _start, _end in inside]
    edges = sorted({span.start, span.end, *(edge for _id, start, end in inside
                                            for edge in (start, end))})
    pieces: list[Piece] = []
    for start, end in zip(edges, edges[1:], strict=False):
        covering = tuple(figure_id for figure_id, quote_start, quote_end in inside
                         if quote_start <= start and end <= quote_end)
        text = visible_stretch(report.source.text, start, end,
                               report.source_hant if tag == "zh-Hant" else None)
        if text:
            anchors = tuple(figure_id for figure_id in covering if figure_id not in anchored)
            anchored.update(anchors)
            pieces.append(Piece(text, covering, anchors))
    return pieces
