"""A report's English translation, block by block: read, checked against the source, kept.

``reports/<id>/translation.yaml`` holds this site's unofficial English of every block of
``source.txt``, in source order, each entry naming its block by id (a digest of the block's
text, so an entry whose Chinese has changed no longer names a block). A report may have no
translation (a draft); one that has a translation has it whole, so that a reader of English
never meets a paragraph silently left out.

The check holds each entry to what the block says: every number in English form
(``translation_numbers``), a table's shape, and the English style every text of the content
follows (the glossary's one rendering of each term, British spelling, curly quotation marks).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError, model_validator

from ..markup import one_line, visible_text
from .sources import Block, SourceText
from .texts import Model, NonEmpty
from .translation_numbers import number_problems
from .yamlfile import ContentError, FieldPath, Problem, YamlDocument, read_yaml

if TYPE_CHECKING:
    from .style import EnglishStyle

FILE = "translation.yaml"
# Chinese left in the English: a passage not translated (the Chinese stands beside it anyway).
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# A list item's own number (16.), which may run into the text's first number (16.12368热线).
_ITEM_NUMBER = re.compile(r"\s*(?P<number>\d{1,3})[.．](?=\S)")


class TranslatedBlock(Model):
    """One block's English: ``en`` for text, or ``rows`` of cells for a table."""

    id: NonEmpty
    en: str | None = None
    rows: tuple[tuple[str, ...], ...] | None = None

    @model_validator(mode="after")
    def _text_or_rows(self) -> TranslatedBlock:
        if (self.en is None) == (self.rows is None):
            raise ValueError("give either en (text) or rows (a table), not both or neither")
        return self

    @property
    def text(self) -> str:
        """Return the English as one text: a table's cells apart by tabs, rows by line breaks."""
        if self.rows is not None:
            return "\n".join("\t".join(row) for row in self.rows)
        return (self.en or "").strip()

    @property
    def lines(self) -> tuple[str, ...]:
        """Return the English's lines (a title block of several lines keeps them)."""
        return tuple(line.strip() for line in (self.en or "").strip().split("\n") if line.strip())

    @property
    def empty(self) -> bool:
        """Tell whether the entry says nothing yet (a template not filled in)."""
        if self.rows is not None:
            return not any(cell.strip() for row in self.rows for cell in row)
        return not (self.en or "").strip()


class TranslationFile(Model):
    """What ``translation.yaml`` holds."""

    translator: NonEmpty
    updated: datetime.date
    blocks: tuple[TranslatedBlock, ...]


@dataclass(frozen=True)
class Translation:
    """A report's checked translation: who made it, when it last changed, each block's English."""

    translator: str
    updated: datetime.date
    blocks: Mapping[str, TranslatedBlock]

    @property
    def note(self) -> str:
        """Return what the translation is, in its own language: never the court's text."""
        return f"Unofficial translation by {self.translator}; the Chinese is authoritative."

    def of(self, block_id: str) -> TranslatedBlock | None:
        """Return the English of the block ``block_id``, or None."""
        return self.blocks.get(block_id)


def load_translation(folder: Path, report_id: str, source: SourceText,
                     style: EnglishStyle) -> tuple[Translation | None, list[Problem]]:
    """Read and check a report's translation, if it has one; return it and what is wrong."""
    path = folder / FILE
    if not path.exists():
        return None, []
    try:
        document = read_yaml(path, f"reports/{report_id}/{FILE}")
    except ContentError as error:
        return None, error.problems
    try:
        parsed = TranslationFile.model_validate(document.data)
    except ValidationError as error:
        return None, [document.problem(tuple(detail["loc"]), detail["msg"])
                      for detail in error.errors()]
    problems = translation_problems(document, parsed, source, f"reports/{report_id}/source.txt",
                                    style)
    translation = Translation(parsed.translator, parsed.updated,
                              MappingProxyType({entry.id: entry for entry in parsed.blocks}))
    return translation, problems


def translation_problems(document: YamlDocument, parsed: TranslationFile, source: SourceText,
                         source_file: str, style: EnglishStyle) -> list[Problem]:
    """Check a translation against its source: every block once, in order, saying the same."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    last = -1
    for index, entry in enumerate(parsed.blocks):
        field: FieldPath = ("blocks", index)
        block = source.block(entry.id)
        if block is None:
            problems.append(document.problem((*field, "id"), f"no block {entry.id} in source.txt "
                                             "(stale: its text changed, or a typo)"))
            continue
        if entry.id in seen:
            problems.append(document.problem((*field, "id"), f"{entry.id} is translated twice "
                                             f"(also blocks[{seen[entry.id]}])"))
            continue
        seen[entry.id] = index
        position = source.index(entry.id)
        if position < last:
            problems.append(document.problem((*field, "id"), f"{entry.id} (source.txt:{block.line}) "
                                             "is out of source order"))
        last = max(last, position)
        problems.extend(document.problem(where, message) for where, message in
                        block_problems(block, entry, field, style))
    for block in source.blocks:
        if block.id not in seen:
            problems.append(Problem(source_file, block.line, block.id,
                                    f"not translated (no entry in {FILE})"))
    return problems


def block_problems(block: Block, entry: TranslatedBlock, field: FieldPath,
                   style: EnglishStyle) -> list[tuple[FieldPath, str]]:
    """Return what is wrong with one block's English, each with the field it concerns."""
    if entry.empty:
        return [((*field, "rows" if entry.rows is not None else "en"),
                 f"empty: {block.id} (source.txt:{block.line}) is not translated")]
    if block.rows:
        if entry.rows is None:
            return [((*field, "en"), "the block is a table: give its rows, not en")]
        return _table_problems(block, entry.rows, field, style)
    if entry.rows is not None:
        return [((*field, "rows"), f"the block is a {block.kind}, not a table: give en")]
    chinese, english = one_line(visible_text(block.text)), entry.text
    item = _ITEM_NUMBER.match(chinese) if block.kind == "list-item" else None
    if item is not None:
        # The item's number is no quantity of the text: the English opens with it as written,
        # and the rest is compared without it, so 16.12368热线 is item 16 on the 12368 line.
        opening = re.match(rf"\s*{item['number']}\.\s+", english)
        if opening is None:
            return [((*field, "en"), f"begin with the item's number, as “{item['number']}. ”")]
        chinese, english = chinese[item.end():], english[opening.end():]
    located = f" (source.txt:{block.line})"
    return [((*field, "en"), message.replace(" is not in the translation",
                                             located + " is not in the translation", 1))
            for message in text_problems(chinese, english, style)]


def text_problems(chinese: str, english: str, style: EnglishStyle, table: bool = False) -> list[str]:
    """Return what is wrong with the English of one text (a block, or a table's cell)."""
    untranslated = _HAN.search(english)
    return [*([f"holds Chinese ({untranslated[0]}): translate it"] if untranslated else []),
            *number_problems(chinese, english, table), *style.text_problems(chinese, english)]


def _table_problems(block: Block, rows: tuple[tuple[str, ...], ...], field: FieldPath,
                    style: EnglishStyle) -> list[tuple[FieldPath, str]]:
    """Check a table's shape, then each cell's numbers and style against the source's cell."""
    if len(rows) != len(block.rows):
        return [((*field, "rows"), f"{len(rows)} rows: the source's table has {len(block.rows)}")]
    problems: list[tuple[FieldPath, str]] = []
    for row_index, (row, source_row) in enumerate(zip(rows, block.rows, strict=True)):
        where: FieldPath = (*field, "rows", row_index)
        if len(row) != len(source_row):
            problems.append((where, f"{len(row)} cells: the source's row has {len(source_row)}"))
            continue
        for column, (cell, span) in enumerate(zip(row, source_row, strict=True)):
            chinese = one_line(visible_text(span.text))
            if chinese and not cell.strip():
                problems.append(((*where, column), f"empty: the cell {chinese} "
                                 f"(source.txt:{span.line}) is not translated"))
                continue
            problems.extend(((*where, column), f"{message} (source.txt:{span.line})")
                            for message in text_problems(chinese, cell, style, table=True))
    return problems


def template(source: SourceText, translator: str, today: datetime.date) -> str:
    """Return a translation file to fill in: every block, in order, with its Chinese as a
    comment and an empty English (a table's rows of the source's shape, its number cells
    copied, the others empty)."""
    import yaml  # Only the command writing a template needs to dump YAML.

    lines = ["# Unofficial English translation of source.txt, block by block, in source order.",
             "# Fill in every en (and a table's rows): content/README.md, translation.yaml.",
             f"translator: {translator}", f"updated: {today.isoformat()}", "blocks:"]
    for block in source.blocks:
        shown = " / ".join(line for line in visible_text(block.text).split("\n") if line)
        lines.append(f"  # line {block.line} · {block.kind} · {' '.join(shown.split())}")
        lines.append(f"  - id: {block.id}")
        if block.rows:
            cells: Any = [["" if _HAN.search(span.text) else one_line(visible_text(span.text))
                           for span in row] for row in block.rows]
            dumped = yaml.safe_dump({"rows": cells}, allow_unicode=True, default_flow_style=None,
                                    width=1000)
            lines.extend("    " + line for line in dumped.rstrip("\n").split("\n"))
        else:
            lines.append('    en: ""')
    return "\n".join(lines) + "\n"
