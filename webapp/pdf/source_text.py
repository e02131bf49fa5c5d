"""The report's text for a PDF: each block of the source as readers see it, with its English.

Plain text, no marks: the source view (webapp/views) marks figures and terms for the screen,
while a printed translation is read through, and a PDF of the whole SPC report stays quick to
lay out without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Language
from ..content.reports import Report
from ..content.sources import Block
from ..markup import visible_stretch


@dataclass(frozen=True)
class PrintedBlock:
    """A block of the source as printed: its original lines (or table rows) in the script of
    the PDF, and its English's (none where the translation lacks the block)."""

    block: Block
    lines: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    english_lines: tuple[str, ...]
    english_rows: tuple[tuple[str, ...], ...]

    @property
    def heading_level(self) -> int:
        """Return the HTML heading level of a heading of the source, under the PDF's chapter
        (h2) and its title block: h3 for the report's first level, at most h6."""
        return min(self.block.level + 2, 6)


def printed_text(report: Report, language: Language) -> list[PrintedBlock]:
    """Return every block of the report's source with its English translation, in reading order.

    The original is shown in the PDF's script (Traditional characters on a 繁體中文 PDF, by the
    conversion that keeps every offset), in Simplified characters in an English PDF.
    """
    converted = report.source_hant if language.script == "Hant" else None
    text = report.source.text
    printed = []
    for block in report.source.blocks:
        entry = report.translation.of(block.id) if report.translation is not None else None
        rows = tuple(tuple(visible_stretch(text, cell.start, cell.end, converted) for cell in row)
                     for row in block.rows)
        lines = () if rows else tuple(visible_stretch(text, span.start, span.end, converted)
                                      for span in block.spans)
        printed.append(PrintedBlock(
            block, lines, rows,
            english_lines=entry.lines if entry is not None and entry.rows is None else (),
            english_rows=entry.rows if entry is not None and entry.rows is not None else ()))
    return printed
