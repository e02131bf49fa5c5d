"""A report's published text, parsed (never edited) into the blocks a reader sees.

Chinese work reports are not hard-wrapped: a line is a paragraph. On that rule the parser
finds the title block, the report's own headings (the year's parts such as 2023年的主要工作,
chapters 一、, sub-chapters （一）, an infographic's 01 02 panels, 附件 appendices), paragraphs,
list items (-, 一是, ——, 1.) and the appendix tables whose cells sit on tab-indented lines.

Each block's id is derived from its own text, so it stays the same when any other part of the
file changes; a text that occurs twice gets ``-2``. Every block keeps the exact spans of the
source it was read from, so a verbatim quote can be located and marked. What a reader sees of
a block, without the source's markup, is ``markup``'s to say.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from ..markup import BULLET_MARK, BULLETS, EMPHASIS, squeezed, visible_text

BlockKind = Literal["title", "heading", "paragraph", "list-item", "table", "caption"]

# Sentence-final punctuation: a line ending in one is prose, never a heading or a title.
_FINAL = "。！？；：;:!?…"
_CHINESE_NUMERAL = "一二三四五六七八九十"
_YEAR_PART = re.compile(r"^(?:\d{4}年|今年|明年|过去一年|一年来)的?.{0,4}工作.{0,4}$")
_CHAPTER = re.compile(rf"^[{_CHINESE_NUMERAL}]+、")
_SUBCHAPTER = re.compile(rf"^[（(][{_CHINESE_NUMERAL}]+[）)]")
_APPENDIX = re.compile(rf"^附件\s*[0-9{_CHINESE_NUMERAL}]*$")
_PANEL_NUMBER = re.compile(r"^\d{2}$")
_CAPTION = re.compile(r"^(?:(?:图表|图|表)\s*\d+\s|图为)")
_LIST_ITEM = re.compile(rf"^(?:[{BULLETS}]\s|[{_CHINESE_NUMERAL}]+是|——|\d+[.．、](?!\d)|[（(]\d+[）)])")
# "16.12368热线…": a numbered item whose text opens with a number reads like a decimal. It is
# the next item when the number follows the previous item's.
_ITEM_NUMBER = re.compile(r"^(\d+)[.．、]")
_DIGIT = re.compile(r"\d")
_LEADING_YEAR = re.compile(r"^\d{4}年")
# Lines longer than this are prose even without final punctuation (an infographic's panels
# drop it): headings and title lines are short.
_HEADING_MAX = 30
_TITLE_MAX = 60


@dataclass(frozen=True)
class Span:
    """A piece of the source: its text as shown, and where it stands (offsets, 1-based line)."""

    text: str
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Block:
    """A paragraph, heading, list item, table or the title block of a report.

    ``spans`` are the verbatim pieces it was read from, in the order they are shown: one line
    for a paragraph, each line of the title block or a heading (an infographic panel's number
    before its title), and for a table every cell (``rows`` groups them).
    """

    id: str
    kind: BlockKind
    text: str
    level: int
    spans: tuple[Span, ...]
    rows: tuple[tuple[Span, ...], ...] = ()

    @cached_property
    def visible_text(self) -> str:
        """Return the block's text as a reader sees it (lines and cells kept, no markup): the
        plain text every reader of a block goes through, worked out once."""
        return visible_text(self.text)

    @property
    def bulleted(self) -> bool:
        """Tell whether the block is a list item marked by a bullet (not numbered in words)."""
        return self.kind == "list-item" and BULLET_MARK.match(self.text) is not None

    @property
    def start(self) -> int:
        """Return the offset of the block's first character in the source."""
        return min(span.start for span in self.spans)

    @property
    def end(self) -> int:
        """Return the offset just after the block's last character in the source."""
        return max(span.end for span in self.spans)

    @property
    def line(self) -> int:
        """Return the 1-based line the block starts on."""
        return min(span.line for span in self.spans)


@dataclass(frozen=True)
class Located:
    """Where a quote stands: its block, and its offsets in the source."""

    block: Block
    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """A report's text and the blocks it is read as, in reading order."""

    text: str
    blocks: tuple[Block, ...]
    _by_id: dict[str, Block] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((block.id, block) for block in self.blocks)

    @cached_property
    def squeezed(self) -> str:
        """Return the whole text as a reader sees it, without blanks (``markup.squeezed``): what
        a name the briefing gives must be found in, spacing and markup aside."""
        return squeezed(self.text)

    def block(self, block_id: str) -> Block | None:
        """Return the block with id ``block_id``, or None."""
        return self._by_id.get(block_id)

    def index(self, block_id: str) -> int:
        """Return the position of a block in reading order (ValueError if there is none)."""
        found = self._by_id.get(block_id)
        if found is None:
            raise ValueError(f"no block {block_id!r}")
        return self.blocks.index(found)

    def line_of(self, offset: int) -> int:
        """Return the 1-based line of ``offset``."""
        return self.text.count("\n", 0, offset) + 1

    def occurrences(self, quote: str) -> list[int]:
        """Return every offset where ``quote`` occurs verbatim."""
        found: list[int] = []
        position = self.text.find(quote)
        while position >= 0 and quote:
            found.append(position)
            position = self.text.find(quote, position + 1)
        return found

    def block_holding(self, start: int, end: int) -> Block | None:
        """Return the block whose text holds ``start:end`` entirely, or None if it spans two."""
        for block in self.blocks:
            if block.start <= start and end <= block.end:
                return block
            if block.start >= end:
                break
        return None


def block_id(text: str) -> str:
    """Return the id a block of ``text`` gets (before any ``-2`` for a repeated text)."""
    normalized = " ".join(text.split())
    return "p-" + hashlib.blake2b(normalized.encode(), digest_size=4).hexdigest()


def parse_source(text: str) -> SourceText:
    """Read a report's text into blocks."""
    lines = list(_lines(text))
    drafts: list[_Draft] = []
    index = _title_block(lines, drafts)
    while index < len(lines):
        line = lines[index]
        if line.raw.startswith("\t") and _starts_table(lines, index):
            index = _table(lines, index, drafts)
            continue
        if not line.text:
            index += 1
            continue
        _line_block(line, index > 0 and not lines[index - 1].text, drafts)
        index += 1
    return SourceText(text, _with_ids(drafts))


@dataclass
class _Line:
    raw: str
    text: str
    start: int
    end: int
    number: int

    def span(self) -> Span:
        return Span(self.text, self.start, self.end, self.number)


@dataclass
class _Draft:
    kind: BlockKind
    level: int
    spans: list[Span]
    rows: list[list[Span]] = field(default_factory=list)
    text: str = ""
    # A heading the report numbers or names as a part (一、, 01, 附件1), not one only its
    # shortness gives away; unnumbered headings nest under the last of these.
    structural: bool = False


def _lines(text: str) -> Iterator[_Line]:
    """Yield every line with its stripped text and that text's offsets."""
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = offset + lead
        yield _Line(raw, stripped, start, start + len(stripped), number)
        offset += len(raw) + 1


def _is_prose(text: str, limit: int) -> bool:
    return len(text) > limit or text[-1] in _FINAL or EMPHASIS in text


def _heading_level(text: str) -> int | None:
    """Return the level of a line that is one of the report's structural headings, else None."""
    if _FINAL.find(text[-1]) >= 0:
        return None
    if _YEAR_PART.match(text) or _APPENDIX.match(text):
        return 1
    if _PANEL_NUMBER.match(text) or (_CHAPTER.match(text) and len(text) <= _TITLE_MAX
                                     and "。" not in text):
        return 2
    if _SUBCHAPTER.match(text) and len(text) <= _TITLE_MAX and "。" not in text:
        return 3
    return None


def _is_plain_heading(text: str) -> bool:
    """Tell whether a line reads as an unnumbered heading: short, no final stop, no figures."""
    if _is_prose(text, _HEADING_MAX) or _LIST_ITEM.match(text) or _CAPTION.match(text):
        return False
    if text[0] in "（(" and text[-1] in "）)":
        return False  # A note such as （单位：件）.
    if text.endswith("法院"):
        return False  # A byline: the court's name under the text.
    return not _DIGIT.search(_LEADING_YEAR.sub("", text))


def _title_block(lines: list[_Line], drafts: list[_Draft]) -> int:
    """Read the leading title lines (title, occasion, speaker); return the next line's index."""
    spans: list[Span] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.text:
            if _is_prose(line.text, _TITLE_MAX) or _heading_level(line.text) is not None:
                break
            spans.append(line.span())
        index += 1
    if spans:
        drafts.append(_Draft("title", 0, spans, text="\n".join(span.text for span in spans)))
    return index


def _line_block(line: _Line, after_blank: bool, drafts: list[_Draft]) -> None:
    """Add the block one line of prose or one heading makes, merging numbered headings."""
    text = line.text
    previous = drafts[-1] if drafts else None
    level = _heading_level(text)
    if level is not None and _PANEL_NUMBER.match(text):
        # An infographic panel's number follows its title: both make the panel's heading.
        if previous is not None and previous.kind == "heading" and previous.level > 1:
            previous.spans.insert(0, line.span())  # Shown first, as the number it is.
            previous.level = 2
            previous.structural = True
            previous.text = f"{text} {previous.text}"
            return
    if (previous is not None and previous.kind == "heading" and previous.level == 1
            and _APPENDIX.match(previous.text) and _is_plain_heading(text)):
        # 附件1 followed by its title (各类案件明细) is one heading.
        previous.spans.append(line.span())
        previous.text = f"{previous.text} {text}"
        return
    if level is not None:
        drafts.append(_Draft("heading", level, [line.span()], text=text, structural=True))
    elif (after_blank or (previous is not None and previous.kind == "heading")) \
            and _is_plain_heading(text):
        # A short line run on from the prose above it is an item of that prose, not a heading.
        parent = next((draft.level for draft in reversed(drafts) if draft.structural), 1)
        drafts.append(_Draft("heading", min(parent + 1, 4), [line.span()], text=text))
    elif _CAPTION.match(text):
        drafts.append(_Draft("caption", 0, [line.span()], text=text))
    elif _LIST_ITEM.match(text) or _next_item(text, drafts):
        drafts.append(_Draft("list-item", 0, [line.span()], text=text))
    else:
        drafts.append(_Draft("paragraph", 0, [line.span()], text=text))


def _next_item(text: str, drafts: list[_Draft]) -> bool:
    """Tell whether ``text`` is numbered as the item after the previous list item."""
    number = _ITEM_NUMBER.match(text)
    previous = next((draft for draft in reversed(drafts) if draft.kind == "list-item"), None)
    if number is None or previous is None:
        return False
    previous_number = _ITEM_NUMBER.match(previous.text)
    return previous_number is not None and int(number[1]) == int(previous_number[1]) + 1


def _table(lines: list[_Line], index: int, drafts: list[_Draft]) -> int:
    """Read a table of tab-indented cells, rows apart by blank lines; return the next index.

    A cell too long for its column goes on in an untabbed line (知识产权 / 案件): that line
    continues the cell before it, also when blank lines stand between.
    """
    rows: list[list[list[_Line]]] = [[]]
    end = index
    while end < len(lines):
        line = lines[end]
        if line.raw.startswith("\t"):
            rows[-1].append([line])
        elif not line.text:
            if rows[-1]:
                rows.append([])
        elif _continues_table(lines, end) and (rows[-1] or len(rows) > 1):
            cells = rows[-1] or rows[-2]
            cells[-1].append(line)
        else:
            break
        end += 1
    cells_by_row = [row for row in rows if row]
    spans_by_row = [[_cell_span(cell) for cell in row] for row in cells_by_row]
    every = [span for row in spans_by_row for span in row]
    text = "\n".join("\t".join(span.text for span in row) for row in spans_by_row)
    drafts.append(_Draft("table", 0, every, rows=spans_by_row, text=text))
    return end


def _starts_table(lines: list[_Line], index: int) -> bool:
    """Tell whether a tab-indented line begins a table: it, or the next line with text, has a cell."""
    following = next((line for line in lines[index:] if line.text), None)
    return following is not None and following.raw.startswith("\t")


def _continues_table(lines: list[_Line], index: int) -> bool:
    """Tell whether an untabbed line sits between table lines, continuing a cell."""
    if _is_prose(lines[index].text, _HEADING_MAX) or _CAPTION.match(lines[index].text):
        return False
    following = next((line for line in lines[index + 1:] if line.text), None)
    return following is not None and following.raw.startswith("\t")


def _cell_span(cell: list[_Line]) -> Span:
    """Join a cell's lines (a wrapped cell) into one span covering all of them."""
    first, last = cell[0], cell[-1]
    return Span("".join(line.text for line in cell), first.start, last.end, first.number)


def _with_ids(drafts: list[_Draft]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    for draft in drafts:
        base = block_id(draft.text)
        seen[base] = seen.get(base, 0) + 1
        identifier = base if seen[base] == 1 else f"{base}-{seen[base]}"
        blocks.append(Block(identifier, draft.kind, draft.text, draft.level, tuple(draft.spans),
                            tuple(tuple(row) for row in draft.rows)))
    return tuple(blocks)
