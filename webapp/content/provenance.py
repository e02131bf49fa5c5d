"""Tie a briefing to its source: the part each block belongs to, where each quote stands.

A briefing is only as good as its links into the report. Every block of ``source.txt`` belongs
to exactly one part (front matter, overview, a section, shortcomings, outlook or appendix);
every figure's quote stands in exactly one block; every highlight and case names blocks that
exist and hold the numbers it states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..languages import TraditionalConverter
from ..markup import visible_line, visible_stretch
from ..numerals import find_written
from .models import SECTION_IDS, Briefing, Part, Report
from .sources import Block, Located, SourceText, Span, parse_source
from .yamlfile import FieldPath, Problem, YamlDocument

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(\d{4})年")


@dataclass(frozen=True)
class _Checked:
    """What one report's check found: the parts of its blocks, its quotes, and its problems."""

    parts: dict[str, Part]
    quotes: dict[str, Located]
    problems: list[Problem]


def assemble_report(report_id: str, document: YamlDocument, text: str, briefing: Briefing,
                    converter: TraditionalConverter) -> tuple[Report, list[Problem]]:
    """Read a report's text into blocks and tie its briefing to them; return what is wrong."""
    source = parse_source(text)
    source_file = f"reports/{report_id}/source.txt"
    parts, part_problems = _parts(document, briefing, source, source_file)
    quotes, quote_problems = _quotes(document, briefing, source)
    source_hant = aligned_conversion(text, converter)
    # A quote's Traditional form is its stretch of the converted text, so that the sentence a
    # figure shows is, character for character, the one marked in the source view.
    figures = tuple(
        figure.model_copy(update={"quote_zh_hant": source_hant[quotes[figure.id].start:
                                                                quotes[figure.id].end]})
        if figure.id in quotes else figure
        for figure in briefing.figures)
    report = Report(report_id, source, briefing.model_copy(update={"figures": figures}),
                    source_hant, parts, quotes)
    problems = [*part_problems, *quote_problems, *_reference_problems(document, report),
                *_appendix_problems(document, report), *_table_year_problems(document, report)]
    return report, problems


def aligned_conversion(text: str, converter: TraditionalConverter) -> str:
    """Convert ``text`` to zh-Hant keeping every character at its offset.

    OpenCC's Simplified→Traditional mappings keep the length of what they convert; a line where
    one did not is converted character by character, so offsets into the text stay valid.
    """
    lines = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(converter.convert(character) or character for character in line)
        lines.append(converted)
    return "\n".join(lines)


def _parts(document: YamlDocument, briefing: Briefing, source: SourceText,
           source_file: str) -> tuple[dict[str, Part], list[Problem]]:
    """Map every block to its part from the briefing's runs; name what is unassigned or wrong."""
    problems: list[Problem] = []
    starts: list[tuple[int, Part]] = []
    for index, run in enumerate(briefing.parts):
        field: FieldPath = ("parts", index, "from")
        block = source.block(run.start)
        if block is None:
            problems.append(document.problem(field, f"no block {run.start!r} in source.txt "
                                                    "(see `flask content blocks`)"))
            continue
        position = source.index(run.start)
        if starts and position <= starts[-1][0]:
            problems.append(document.problem(
                field, f"{run.start} (source.txt line {block.line}) does not come after the "
                       "previous run's start: list runs in reading order"))
            continue
        starts.append((position, run.part))
    parts: dict[str, Part] = {}
    for position, block in enumerate(source.blocks):
        current = [part for start, part in starts if start <= position]
        if not current:
            problems.append(Problem(source_file, block.line, block.id,
                                    "not assigned to a part: start a run of `parts` in "
                                    "briefing.yaml at or before it"))
            continue
        parts[block.id] = current[-1]
    return parts, problems


def _quotes(document: YamlDocument, briefing: Briefing,
            source: SourceText) -> tuple[dict[str, Located], list[Problem]]:
    """Find the one block each figure's quote stands in."""
    quotes: dict[str, Located] = {}
    problems: list[Problem] = []
    for index, figure in enumerate(briefing.figures):
        field: FieldPath = ("figures", index, "quote")
        found = source.occurrences(figure.quote)
        if not found:
            continue  # Not verbatim in the source: the figure check says so.
        if len(found) > 1:
            lines = ", ".join(str(source.line_of(offset)) for offset in found)
            problems.append(document.problem(
                field, f"occurs {len(found)} times in source.txt (lines {lines}): quote enough "
                       "of the sentence to name one place"))
            continue
        start, end = found[0], found[0] + len(figure.quote)
        block = source.block_holding(start, end)
        if block is None:
            problems.append(document.problem(
                field, f"spans more than one paragraph of source.txt (lines "
                       f"{source.line_of(start)}–{source.line_of(end)}): quote one"))
            continue
        shown, in_place = visible_line(figure.quote), visible_stretch(source.text, start, end)
        if shown != in_place:
            # Shown alone, the quote must read as the report does there: cut inside the
            # markup (a bullet, an emphasis mark's blank) it would show markup or lose a word.
            problems.append(document.problem(
                field, f"reads {shown!r} but the report there reads {in_place!r}: begin and "
                       "end the quote on words, not on the source's markup"))
            continue
        quotes[figure.id] = Located(block, start, end)
    return quotes, problems



def _table_year_problems(document: YamlDocument, report: Report) -> list[Problem]:
    """Check that a figure quoted from a table stands in the column of its year.

    A table of 2022 against 2023 gives both years' numbers in one row: a figure's number must
    be in the column whose heading names the figure's year (``2022年收案数``). Columns whose
    heading names no year, or two (``2023年与2022年同比情况``), say nothing about it.
    """
    problems: list[Problem] = []
    for index, figure in enumerate(report.briefing.figures):
        where = report.quotes.get(figure.id)
        found = find_written(figure.written, figure.quote)
        if where is None or found is None or not where.block.rows:
            continue
        heading = column_heading(where.block, where.start + found.start())
        if heading is None:
            continue
        years = {int(year) for year in _YEAR.findall(heading.text)}
        year = report.year_of(figure)
        if len(years) == 1 and year not in years:
            problems.append(document.problem(
                ("figures", index, "year"),
                f"{figure.written} stands in the column {heading.text!r} (source.txt line "
                f"{heading.line}), not in a column of {year}: give the figure's `year`"))
    return problems


def column_heading(table: Block, offset: int) -> Span | None:
    """Return the heading cell (first row) of the column holding ``offset``, or None."""
    heading_row, *rows = table.rows
    for row in rows:
        for column, cell in enumerate(row):
            if cell.start <= offset < cell.end:
                return heading_row[column] if column < len(heading_row) else None
    return None


def _reference_problems(document: YamlDocument, report: Report) -> list[Problem]:
    """Check that highlights and cases name blocks that exist and hold their numbers."""
    problems: list[Problem] = []
    for section_id in SECTION_IDS:
        section = report.briefing.sections.get(section_id)
        for index, highlight in enumerate(section.highlights):
            problems.extend(_paragraph_problems(
                document, ("sections", section_id, "highlights", index), report.source,
                highlight.paragraphs, highlight.zh_hans))
        for index, case in enumerate(section.cases):
            problems.extend(_paragraph_problems(
                document, ("sections", section_id, "cases", index), report.source,
                case.paragraphs, case.summary.zh_hans))
    return problems


def _appendix_problems(document: YamlDocument, report: Report) -> list[Problem]:
    """Check that a case said to come from an appendix draws only on that appendix.

    An appendix is known by the label its own heading opens with (附件3), as the report writes
    it: a case whose ``source`` names that label lands its readers there, not in the body.
    """
    appendices = _appendices(report)
    problems: list[Problem] = []
    for section_id in SECTION_IDS:
        for index, case in enumerate(report.briefing.sections.get(section_id).cases):
            where = "".join(case.source.zh_hans.split())
            for label, blocks in appendices.items():
                if not re.search(re.escape(label) + r"(?!\d)", where):
                    continue
                named = (report.source.block(block_id) for block_id in case.paragraphs)
                outside = [block for block in named if block is not None and block.id not in blocks]
                if outside:
                    ids = ", ".join(f"{block.id} (source.txt line {block.line})" for block in outside)
                    problems.append(document.problem(
                        ("sections", section_id, "cases", index, "paragraphs"),
                        f"the case is from {label}, as its `source` says, but {ids} "
                        f"{'are' if len(outside) > 1 else 'is'} not in {label}: name the "
                        "paragraphs it comes from there"))
    return problems


def _appendices(report: Report) -> dict[str, set[str]]:
    """Return each appendix by its heading's label (附件3) and the ids of its blocks."""
    appendices: dict[str, set[str]] = {}
    current: set[str] | None = None
    for block in report.source.blocks:
        if report.parts.get(block.id) != "appendix":
            current = None
            continue
        if block.kind == "heading" and block.level == 1:
            current = appendices.setdefault("".join(block.spans[0].text.split()), set())
        if current is not None:
            current.add(block.id)
    return appendices


def _paragraph_problems(document: YamlDocument, field: FieldPath, source: SourceText,
                        paragraphs: Iterable[str], text: str) -> list[Problem]:
    blocks: list[Block] = []
    problems: list[Problem] = []
    for index, block_id in enumerate(paragraphs):
        block = source.block(block_id)
        if block is None:
            problems.append(document.problem((*field, "paragraphs", index),
                                             f"no block {block_id!r} in source.txt"))
        else:
            blocks.append(block)
    if problems:
        return problems
    # A number the item states must come from the paragraphs it names, not from elsewhere.
    drawn_on = "".join(block.visible_text for block in blocks)
    missing = sorted({number for number in _NUMBER.findall(text) if number not in drawn_on},
                     key=text.find)
    if missing:
        problems.append(document.problem(
            (*field, "paragraphs"),
            f"the number{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"{'do' if len(missing) > 1 else 'does'} not occur in the paragraphs named"))
    return problems
