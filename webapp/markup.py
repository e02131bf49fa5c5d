"""Set apart the markup a report's source keeps from its page, and the text a reader sees.

An infographic sets its figures large, and the source keeps that as ``**`` around them
(受理案件突破 **10万** 件); a list item keeps its bullet ("- "). Neither is a word of the
report. This module alone knows them: what a reader sees of a text (``visible_text`` and its
one-line and squeezed forms), and, for readers of the text as written (the drafter, a quote's
number), the gap of blanks and marks that may stand between two of its words (``GAP``,
``closed_up``).
"""

from __future__ import annotations

import re

EMPHASIS = "**"
# A list item's bullet: a mark a reader sees as a bullet, not a word of the report.
BULLETS = "-•·●▪"
BULLET_MARK = re.compile(rf"^[ \t]*[{BULLETS}][ \t]+", re.MULTILINE)
# What may stand between two words of a source text as written: blanks and emphasis marks.
GAP = r"[\s*]*"
_GAPS = re.compile(r"[\s*]+")
_WORD = re.compile(r"[0-9A-Za-z]")
_BLANK = " \t\u3000"
# A line break, with the blank around it: before a tab-indented cell it separates two cells;
# any other joins the lines of a wrapped cell.
_LINE_BREAK = re.compile(r"\s*\n\s*")


def shown_characters(text: str) -> tuple[bool, ...]:
    """Return, for each character of ``text``, whether a reader of the published text sees it.

    The source keeps the markup of the page it was copied from, which is not text: the ``**``
    around an emphasised figure, with the blank between the mark and a neighbour that is not
    a Latin letter or digit (受理案件突破 **10万** 件 reads 受理案件突破10万件, as Chinese
    sets no space beside a figure; "in **2023** the" keeps its spaces), and a list item's
    bullet at the start of a line ("- "). Everything else is shown as the source writes it.
    """
    shown = [True] * len(text)
    for bullet in BULLET_MARK.finditer(text):
        shown[bullet.start():bullet.end()] = [False] * (bullet.end() - bullet.start())
    position = text.find(EMPHASIS)
    while position >= 0:
        end = position + len(EMPHASIS)
        shown[position:end] = [False] * len(EMPHASIS)
        _hide_blank(text, shown, position - 1, -1)
        _hide_blank(text, shown, end, 1)
        position = text.find(EMPHASIS, end)
    return tuple(shown)


def _hide_blank(text: str, shown: list[bool], index: int, step: int) -> None:
    """Hide the blank beside an emphasis mark, from ``index`` on in direction ``step``,
    unless a Latin letter or digit stands beyond it (a space between words is text)."""
    blank: list[int] = []
    while 0 <= index < len(text) and text[index] in _BLANK:
        blank.append(index)
        index += step
    beyond = text[index] if 0 <= index < len(text) else ""
    if not _WORD.fullmatch(beyond):
        for hidden in blank:
            shown[hidden] = False


def visible_text(text: str) -> str:
    """Return ``text`` as a reader sees it, without markup (``shown_characters``); its line
    breaks and a table's tabs stay."""
    return "".join(char for char, shown in zip(text, shown_characters(text), strict=True)
                   if shown)


def visible_line(text: str) -> str:
    """Return ``text`` as a reader sees it, on one line (``visible_text``, ``one_line``)."""
    return one_line(visible_text(text))


def visible_stretch(text: str, start: int, end: int, converted: str | None = None) -> str:
    """Return what a reader sees of ``text[start:end]``, on one line.

    The markup is judged on the whole lines the stretch stands in, so that a stretch cut
    beside an emphasis mark drops what the line would. ``converted`` is the text as shown,
    if not ``text`` itself: its zh-Hant conversion, which keeps every offset.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    shown = shown_characters(text[line_start:len(text) if line_end < 0 else line_end])
    stretch = (text if converted is None else converted)[start:end]
    return one_line("".join(char for offset, char in enumerate(stretch, start)
                            if shown[offset - line_start]))


def squeezed(text: str) -> str:
    """Return ``text`` as a reader sees it (``visible_text``), without white space: what two
    texts must share to say the same words, spacing and markup aside."""
    return re.sub(r"\s+", "", visible_text(text))


def closed_up(text: str) -> str:
    """Return a piece of a source text as written without its gaps (``GAP``): blanks and
    emphasis marks dropped, so that 审结 **10万** 件 compares as 审结10万件."""
    return _GAPS.sub("", text)


def one_line(text: str) -> str:
    """Return ``text`` on one line: a table's cells apart by a space, the lines of a cell
    wrapped over several joined (刑事案件\n\t1337 reads 刑事案件 1337, 知识产权\n案件 知识产权案件)."""
    return _LINE_BREAK.sub(lambda found: " " if "\t" in found[0].rsplit("\n", 1)[1] else "",
                           text)
